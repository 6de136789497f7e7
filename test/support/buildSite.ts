import {execFileSync} from 'node:child_process';

/** Runs Vercel's own production build once (the site's build inside it) before the site tests read .vercel/output. */
export default function buildSite(): void {
  execFileSync('npm', ['run', 'vercel:build'], {stdio: 'inherit', env: {...process.env, FORCE_COLOR: '0'}});
}
