import path from 'node:path';

import {builtInlineCode, INLINE_HASHES_FILE, refusedInlineLines, writeInlineHashes} from './inlineHashes';

/**
 * `npm run csp`: after a build, writes the hashes of the inline code the site
 * knowingly emits (src/security/contentSecurityPolicy.ts) for the deployment's
 * policy. It refuses, writing nothing, while the build holds inline code it
 * does not recognise: that is to be removed from its post, never allowed.
 */
const root = path.resolve(__dirname, '../../..');
const found = builtInlineCode(path.join(root, 'build'));
const refused = refusedInlineLines(root, found);
if (refused.length > 0) {
  console.error(
    `${INLINE_HASHES_FILE} not changed: the build holds inline code the site does not emit itself, which the policy will never allow; remove it from its post:\n${refused.join('\n')}`,
  );
  process.exit(1);
}
const hashes = {
  scripts: found
    .filter((code) => code.kind === 'scripts')
    .map((code) => code.hash)
    .sort(),
  styleAttributes: found
    .filter((code) => code.kind === 'styleAttributes')
    .map((code) => code.hash)
    .sort(),
};
writeInlineHashes(root, hashes);
console.log(
  `${INLINE_HASHES_FILE}: ${hashes.scripts.length} inline script and ${hashes.styleAttributes.length} style attribute hash(es)`,
);
