import path from 'node:path';

import {builtInlineHashes, INLINE_HASHES_FILE, writeInlineHashes} from './inlineHashes';

// `npm run csp`: writes the hashes of the inline scripts and style attributes in build/ for vercel.ts's policy.
const root = path.resolve(__dirname, '../../..');
const built = builtInlineHashes(path.join(root, 'build'));
const hashes = {scripts: [...built.scripts.keys()].sort(), styleAttributes: [...built.styleAttributes.keys()].sort()};
writeInlineHashes(root, hashes);
console.log(`${INLINE_HASHES_FILE}: ${hashes.scripts.length} inline script and ${hashes.styleAttributes.length} style attribute hash(es)`);
