import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {builtPages} from '../../html/builtHtml';
import {inlineHashes, type InlineHashes} from '../../security/contentSecurityPolicy';

/** Where the hashes the policy allows are kept, read by vercel.ts. */
export const INLINE_HASHES_FILE = 'src/security/inlineHashes.json';

export function readInlineHashes(siteDir: string): InlineHashes {
  return JSON.parse(readFileSync(path.join(siteDir, INLINE_HASHES_FILE), 'utf8')) as InlineHashes;
}

export function writeInlineHashes(siteDir: string, hashes: InlineHashes): void {
  writeFileSync(path.join(siteDir, INLINE_HASHES_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
}

/** Every inline hash in the built site, each with a page that carries it. */
export function builtInlineHashes(outDir: string): Record<keyof InlineHashes, Map<string, string>> {
  const found = {scripts: new Map<string, string>(), styleAttributes: new Map<string, string>()};
  for (const page of builtPages(outDir)) {
    const hashes = inlineHashes(page.document);
    for (const kind of ['scripts', 'styleAttributes'] as const) {
      for (const hash of hashes[kind]) if (!found[kind].has(hash)) found[kind].set(hash, page.file);
    }
  }
  return found;
}
