import {existsSync, readdirSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** Where the index goes in the build, and the script the search page imports from it. */
export const SEARCH_INDEX_DIR = 'pagefind';
export const SEARCH_SCRIPT = `/${SEARCH_INDEX_DIR}/pagefind.js`;

/**
 * Pagefind's ready-made interfaces, which the site does not use (its search page is its own), and its worker,
 * which the search island turns off.
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

/**
 * Indexes every report for search, with Pagefind: each post page's article
 * (title, incident summary with its versions, components and tracking id,
 * text), under the page's own URL, into static files under /pagefind. Pagefind
 * keeps each heading's id, so a result can link the section that matched.
 * Pages one at a time, so memory does not grow with the record.
 */
export async function writeSearchIndex(outDir: string, permalinks: Iterable<string>): Promise<number> {
  // An ES module whose package exports nothing to require(), which is how Docusaurus loads this file: imported
  // by its file's address.
  const modules = (require.resolve.paths('pagefind') ?? []).find((candidate) =>
    existsSync(path.join(candidate, 'pagefind')),
  );
  if (!modules) throw new Error('Search index: the pagefind package is not installed; run npm install');
  const pagefind: typeof import('pagefind') = await import(
    pathToFileURL(path.join(modules, 'pagefind/lib/index.js')).href
  );
  const {index, errors} = await pagefind.createIndex({
    rootSelector: 'article',
    // Drawn figures, buttons, citation marks and their back links, and headings' link marks are not words a reader
    // searches for.
    excludeSelectors: ['svg', 'button', 'sup.citation', '.source-backlinks', 'a.hash-link', '[aria-hidden="true"]'],
    forceLanguage: 'en',
  });
  const fail = (what: string, messages: string[]) => {
    throw new Error(`Search index: ${what} failed: ${messages.join('; ')}`);
  };
  if (!index) return fail('starting Pagefind', errors);
  let pages = 0;
  try {
    for (const url of permalinks) {
      const content = await readFile(path.join(outDir, `${url}.html`), 'utf8');
      const added = await index.addHTMLFile({url, content});
      if (added.errors.length > 0) fail(`indexing ${url}`, added.errors);
      pages += 1;
    }
    const written = await index.writeFiles({outputPath: path.join(outDir, SEARCH_INDEX_DIR)});
    if (written.errors.length > 0) fail('writing the index', written.errors);
  } finally {
    await pagefind.close();
  }
  const dir = path.join(outDir, SEARCH_INDEX_DIR);
  for (const file of readdirSync(dir).filter((name) => UNUSED.test(name))) rmSync(path.join(dir, file));
  return pages;
}
