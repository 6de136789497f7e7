import path from 'node:path';

import {withScriptHashes} from '../../security/contentSecurityPolicy';
import {builtInlineScriptHashes, readVercelConfig, sitewideCsp, writeVercelConfig} from './vercelConfig';

// `npm run csp`: rewrites vercel.json's script-src to 'self' plus the hashes of the inline scripts in build/.
const root = path.resolve(__dirname, '../../..');
const file = path.join(root, 'vercel.json');
const hashes = [...builtInlineScriptHashes(path.join(root, 'build')).keys()];
const config = readVercelConfig(file);
const header = sitewideCsp(config, 'vercel.json');
header.value = withScriptHashes(header.value, hashes);
writeVercelConfig(file, config);
console.log(`vercel.json: script-src now allows ${hashes.length} inline script hash(es)`);
