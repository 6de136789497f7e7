import {existsSync, readdirSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

import {SEARCH_INDEX_DIR} from './searchPaths';

/**
 * Pagefind's ready-made interfaces, which the site does not use (its search page is its own), its worker, which
 * the search island turns off, and the reader for pages of no known language (the index is English only).
 */
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)|wasm\.unknown\.pagefind)$/;

/**
 * Indexes every report for search, with Pagefind: each post page's article
 * (title, incident summary with its versions, components and tracking id,
 * text), under the page's own URL, into static files under /pagefind. Pagefind
 * keeps each heading's id, so a result can link the section that matched.
 * Pages one at a time, so memory does not grow with the record.
 */
export async function writeSearchIndex(outDir: string, permalinks: Iterable<string>): Promise<void> {
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
    // Not words a reader searches for: the byline under the title (date, reading time, authors), the phone table of
    // contents, drawn figures, buttons, citation marks and their back links, headings' link marks.
    excludeSelectors: [
      'header > div',
      '[data-toc-mobile]',
      'svg',
      'button',
      'sup.citation',
      '.source-backlinks',
      'a.hash-link',
      '[aria-hidden="true"]',
    ],
    forceLanguage: 'en',
  });
  const fail = (what: string, messages: string[]) => {
    throw new Error(`Search index: ${what} failed: ${messages.join('; ')}`);
  };
  if (!index) return fail('starting Pagefind', errors);
  try {
    for (const url of permalinks) {
      const content = await readFile(path.join(outDir, `${url}.html`), 'utf8');
      const added = await index.addHTMLFile({url, content});
      if (added.errors.length > 0) fail(`indexing ${url}`, added.errors);
    }
    const written = await index.writeFiles({outputPath: path.join(outDir, SEARCH_INDEX_DIR)});
    if (written.errors.length > 0) fail('writing the index', written.errors);
  } finally {
    await pagefind.close();
  }
  const dir = path.join(outDir, SEARCH_INDEX_DIR);
  for (const file of readdirSync(dir).filter((name) => UNUSED.test(name))) rmSync(path.join(dir, file));
}
