import {execFileSync} from 'node:child_process';

/** Runs the real production build once before the site tests read build/. */
export default function buildSite(): void {
  execFileSync('npx', ['docusaurus', 'build'], {stdio: 'inherit', env: {...process.env, FORCE_COLOR: '0'}});
}
