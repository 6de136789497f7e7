/**
 * `npm run check`: every check of the posts and recordings that needs no
 * bundling, in a few seconds. Prints every fault once, one line each, and
 * exits 1 on any.
 */
import path from 'node:path';

import {checkSite} from './checkPosts';

const siteDir = path.resolve(__dirname, '../..');
checkSite(siteDir).then(
  ({posts, faults}) => {
    if (faults.length === 0) {
      console.log(`${posts} posts check out.`);
      return;
    }
    console.error(faults.join('\n'));
    console.error(
      `\n${faults.length} ${faults.length === 1 ? 'fault' : 'faults'} to fix; npm run build fails on the same.`,
    );
    process.exitCode = 1;
  },
  (error: Error) => {
    console.error(`npm run check could not run: ${error.message}`);
    process.exitCode = 2;
  },
);
