/**
 * `npm run bench:suite`: the README's two set-up steps on a fresh clone of this checkout's HEAD, timed: `npm
 * install`, then `npm test` (and, inside it, vitest's own figure per test file, slowest first). Reported, never
 * asserted: the suite's time depends on the machine.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '..');

function timed(command: string, args: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, {cwd, stdio: 'inherit', env: {...process.env, FORCE_COLOR: '0'}});
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  return (performance.now() - start) / 1000;
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'incident-site-suite-'));
  try {
    execFileSync('git', ['clone', '--quiet', ROOT, dir]);
    const install = timed('npm', ['install', '--no-audit', '--no-fund'], dir);
    const report = path.join(dir, 'vitest-report.json');
    const test = timed(
      'npm',
      ['test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      dir,
    );
    const files = (
      JSON.parse(readFileSync(report, 'utf8')).testResults as {name: string; startTime: number; endTime: number}[]
    )
      .map(({name, startTime, endTime}) => ({file: path.relative(dir, name), seconds: (endTime - startTime) / 1000}))
      .sort((a, b) => b.seconds - a.seconds);
    console.log('\nFresh clone of HEAD, on this machine:');
    console.log(`  npm install  ${install.toFixed(0).padStart(5)} s`);
    console.log(`  npm test     ${test.toFixed(0).padStart(5)} s`);
    console.log(`  both         ${(install + test).toFixed(0).padStart(5)} s (aim: under 300)`);
    console.log('Slowest test files (their own time; files run side by side):');
    for (const {file, seconds} of files.slice(0, 8)) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${file}`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

try {
  main();
} catch (error) {
  console.error(`npm run bench:suite: ${(error as Error).message}`);
  process.exitCode = 1;
}
