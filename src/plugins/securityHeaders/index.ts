import type {LoadContext, Plugin} from '@docusaurus/types';

import {builtInlineCode, INLINE_HASHES_FILE, readInlineHashes, refusedInlineLines} from './inlineHashes';

/**
 * Fails the build when a page holds inline code the Content-Security-Policy
 * (src/site/buildOutput.ts, from src/security/inlineHashes.json) would block: a deploy must
 * never ship a page its own policy breaks. Code the site does not knowingly
 * emit is named with its page and post, to be removed; only a known script
 * whose hash changed (a theme upgrade) is fixed by "npm run csp".
 */
export default function securityHeadersPlugin(context: LoadContext): Plugin {
  return {
    name: 'security-headers',
    async postBuild({outDir}) {
      const found = builtInlineCode(outDir);
      const refused = refusedInlineLines(context.siteDir, found);
      if (refused.length > 0) {
        throw new Error(
          `Inline code the site does not emit itself, which the Content-Security-Policy will never allow; remove it from its post:\n${refused.join('\n')}`,
        );
      }
      const allowed = readInlineHashes(context.siteDir);
      const missing = found.filter((code) => !allowed[code.kind].includes(code.hash));
      if (missing.length > 0) {
        const [{kind, hash, known, page}] = missing;
        throw new Error(
          `${INLINE_HASHES_FILE}: "${kind}" lacks ${hash}, the hash of ${known} in ${page}` +
            `${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; it changed with the theme: run "npm run csp" after a build to update it`,
        );
      }
    },
  };
}
