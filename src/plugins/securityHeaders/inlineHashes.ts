import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {builtPages} from '../../html/builtHtml';
import {inlineCode, type InlineCode, type InlineHashes} from '../../security/contentSecurityPolicy';
import {BLOG_PATH, readPostUrls} from '../../site/redirects';

/** Where the hashes the policy allows are kept, read by the deployment (src/site/buildOutput.ts). */
export const INLINE_HASHES_FILE = 'src/security/inlineHashes.json';

export function readInlineHashes(siteDir: string): InlineHashes {
  return JSON.parse(readFileSync(path.join(siteDir, INLINE_HASHES_FILE), 'utf8')) as InlineHashes;
}

export function writeInlineHashes(siteDir: string, hashes: InlineHashes): void {
  writeFileSync(path.join(siteDir, INLINE_HASHES_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
}

/** One kind of inline code found in the build, with the first page that carries it. */
export type FoundInline = InlineCode & {page: string};

/**
 * Every distinct inline script and style attribute in the built site. Pages
 * are parsed one at a time and only the findings kept, so memory does not
 * grow with the number of pages.
 */
export function builtInlineCode(outDir: string): FoundInline[] {
  const found = new Map<string, FoundInline>();
  for (const page of builtPages(outDir)) {
    for (const code of inlineCode(page.document))
      if (!found.has(code.kind + code.hash)) found.set(code.kind + code.hash, {...code, page: page.urlPath});
  }
  return [...found.values()];
}

/**
 * Lines naming each inline script or style attribute the policy must never
 * allow, with its page and post: code the site does not knowingly emit, and
 * any known item found in more than one version (the build emits one; another
 * is an impostor).
 */
export function refusedInlineLines(siteDir: string, found: readonly FoundInline[]): string[] {
  // "/blog/x-incident" → "blog/x_incident/index.md": the post a page was built from, where it is one.
  const postFiles = new Map(readPostUrls(siteDir).map(({slug, file}) => [`${BLOG_PATH}/${slug}`, file]));
  const versions = new Map<string, number>();
  for (const code of found) if (code.known) versions.set(code.known, (versions.get(code.known) ?? 0) + 1);
  return found
    .filter((code) => code.known === undefined || versions.get(code.known)! > 1)
    .map((code) => {
      const post = postFiles.get(code.page) ?? 'no post';
      const what = code.known ? `one of ${versions.get(code.known)} different versions of ${code.known}: ` : '';
      return `- ${post} (page ${code.page}): ${what}${code.excerpt}`;
    });
}
