/**
 * `npm run vercel:build`: Vercel's own build of this checkout, offline. It
 * runs the pinned Vercel CLI's `vercel build --prod`, which compiles vercel.ts
 * and runs its build command: the site's build, then the Build Output API
 * directory .vercel/output (static/ and config.json) that `vercel deploy
 * --prebuilt` uploads and the tests serve. The CLI needs a linked project; a local,
 * placeholder one is written if none exists, so it never asks a question or
 * contacts an account.
 *
 * The CLI is pinned at 56.0.0 in package.json: 50 and 56 build offline
 * against this registry; 61 and later do not install here (a dependency
 * version is missing from it), and an unpinned range would pick them up.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const project = path.join(root, '.vercel/project.json');
if (!existsSync(project)) {
  mkdirSync(path.dirname(project), {recursive: true});
  // Settings come from vercel.ts; the ids only satisfy the CLI, which reads them without going online.
  writeFileSync(
    project,
    `${JSON.stringify({projectId: 'prj_local_build', orgId: 'team_local_build', settings: {}}, null, 2)}\n`,
  );
}
const result = spawnSync('npx', ['vercel', 'build', '--prod', '--yes'], {
  cwd: root,
  stdio: 'inherit',
  env: {...process.env, VERCEL_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0'},
});
process.exit(result.status ?? 1);
