import type {LoadContext, Plugin} from '@docusaurus/types';

import {builtInlineHashes, INLINE_HASHES_FILE, readInlineHashes} from './inlineHashes';

/**
 * Fails the build when the Content-Security-Policy (vercel.ts, from
 * src/security/inlineHashes.json) would block an inline script or style
 * attribute the build emits: a deploy must never ship a page its own policy
 * breaks. `npm run csp` writes the hashes the build needs.
 */
export default function securityHeadersPlugin(context: LoadContext): Plugin {
  return {
    name: 'security-headers',
    async postBuild({outDir}) {
      const allowed = readInlineHashes(context.siteDir);
      const built = builtInlineHashes(outDir);
      for (const [kind, what] of [['scripts', 'an inline script'], ['styleAttributes', 'a style attribute']] as const) {
        const missing = [...built[kind]].filter(([hash]) => !allowed[kind].includes(hash));
        if (missing.length === 0) continue;
        const [hash, page] = missing[0];
        throw new Error(
          `${INLINE_HASHES_FILE}: "${kind}" lacks ${hash}, the hash of ${what} in ${page}` +
            `${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; run "npm run csp" after a build to update it`,
        );
      }
    },
  };
}
