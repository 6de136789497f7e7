import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {directiveSources} from '../../security/contentSecurityPolicy';
import {builtInlineScriptHashes, readVercelConfig, sitewideCsp} from './vercelConfig';

/**
 * Fails the build when vercel.json's Content-Security-Policy would block an
 * inline script the build emits: a deploy must never ship a page its own
 * policy breaks. `npm run csp` writes the hashes the build needs.
 */
export default function securityHeadersPlugin(context: LoadContext): Plugin {
  const vercelJson = path.join(context.siteDir, 'vercel.json');
  return {
    name: 'security-headers',
    async postBuild({outDir}) {
      const allowed = directiveSources(sitewideCsp(readVercelConfig(vercelJson), 'vercel.json').value, 'script-src');
      const missing = [...builtInlineScriptHashes(outDir)].filter(([hash]) => !allowed.includes(hash));
      if (missing.length > 0) {
        const [hash, page] = missing[0];
        throw new Error(
          `vercel.json: the Content-Security-Policy script-src lacks ${hash}, the hash of an inline script in ${page}` +
            `${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; run "npm run csp" after a build to update it`,
        );
      }
    },
  };
}
