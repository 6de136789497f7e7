/**
 * `npm run vercel:output`, the last step of Vercel's build command (vercel.ts):
 * writes .vercel/output from the site's build/ in the Build Output API's
 * form, with the routes of src/site/buildOutput.ts. Vercel deploys a build's
 * .vercel/output as it is.
 */
import {cpSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {readInlineHashes} from '../src/plugins/securityHeaders/inlineHashes';
import {buildOutputRoutes, cleanUrlOverrides, type BuildOutputConfig} from '../src/site/buildOutput';
import {postRedirects, readPostUrls} from '../src/site/redirects';

const root = path.resolve(__dirname, '..');
const output = path.join(root, '.vercel/output');
rmSync(output, {recursive: true, force: true});
cpSync(path.join(root, 'build'), path.join(output, 'static'), {recursive: true});
const files = readdirSync(path.join(output, 'static'), {recursive: true, encoding: 'utf8'}).map((file) =>
  file.split(path.sep).join('/'),
);
const config: BuildOutputConfig = {
  version: 3,
  routes: buildOutputRoutes({
    hashes: readInlineHashes(root),
    redirects: postRedirects(root),
    osvPaths: readPostUrls(root).flatMap((post) => post.osvPath ?? []),
  }),
  overrides: cleanUrlOverrides(files),
};
writeFileSync(path.join(output, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
console.log(`.vercel/output: ${files.length} files, ${config.routes.length} routes`);
