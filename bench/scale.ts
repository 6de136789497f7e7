/**
 * `npm run bench:scale -- N`: how the build grows with the number of posts.
 * Copies the site to a temporary folder, adds N synthetic posts (valid copies
 * of a plain post, spread over the years before today), builds once, and
 * prints the build's wall time, CPU time and peak memory (the resident size of
 * the build's whole process tree, sampled every 200 ms), the gzipped size of
 * all HTML and of the largest page, the size of a plain post, /incidents and
 * each feed, and the search index's.
 * Synthetic posts never enter the repository. Figures, not pass/fail.
 */
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {gzipSync} from 'node:zlib';

import {SEARCH_INDEX_DIR} from '../src/search/searchPaths';
import {copySite} from '../test/support/siteCopy';
import {addSyntheticPosts} from '../test/support/syntheticPosts';

const count = Number(process.argv[2] ?? 100);
if (!Number.isInteger(count) || count < 0)
  throw new Error(`usage: npm run bench:scale -- <number of synthetic posts>; got ${process.argv[2]}`);

/** The build's process tree now: resident memory of all of it, and each process's CPU time so far (seconds). */
function sampleTree(root: number): {rss: number; cpu: Map<number, number>} {
  const children = new Map<number, number[]>();
  const stats = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)![1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      stats.set(Number(entry), `${status}\n${readFileSync(`/proc/${entry}/stat`, 'utf8')}`);
    } catch {
      // The process ended while we looked.
    }
  }
  let rss = 0;
  const cpu = new Map<number, number>();
  const visit = (pid: number) => {
    const text = stats.get(pid);
    if (text) {
      rss += Number(/VmRSS:\s+(\d+) kB/.exec(text)?.[1] ?? 0) * 1024;
      // utime and stime, the 14th and 15th fields after the command name, in clock ticks of 1/100 s.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return {rss, cpu};
}

const gz = (file: string) => gzipSync(readFileSync(file)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** "31.9 KB (7.2 KB gzipped)" */
const size = (file: string) => `${kb(statSync(file).size)} (${kb(gz(file))} gzipped)`;

async function main() {
  const site = copySite();
  try {
    addSyntheticPosts(site, count);
    console.log(`${count} synthetic posts + the site's own in ${site.dir}; building…`);
    const start = performance.now();
    const build = spawn('npm', ['run', 'build'], {
      cwd: site.dir,
      env: {...process.env, FORCE_COLOR: '0'},
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    build.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const cpuByPid = new Map<number, number>();
    const sampler = setInterval(() => {
      const {rss, cpu} = sampleTree(build.pid!);
      peak = Math.max(peak, rss);
      for (const [pid, seconds] of cpu) cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, seconds));
    }, 200);
    const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
    clearInterval(sampler);
    const cpu = [...cpuByPid.values()].reduce((sum, seconds) => sum + seconds, 0);
    if (code !== 0) throw new Error(`the build failed:\n${stderr.slice(-3000)}`);
    const out = path.join(site.dir, 'build');
    const html = readdirSync(out, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.html'));
    const sizes = html.map((file) => ({file, bytes: gz(path.join(out, file))}));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const js = readdirSync(out, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.js'));
    const realPosts =
      readdirSync(path.join(site.dir, 'blog'), {withFileTypes: true}).filter((e) => e.isDirectory()).length - count;
    const rows: [string, string][] = [
      ['posts', `${count} synthetic + ${realPosts} real`],
      ['build wall time', `${((performance.now() - start) / 1000).toFixed(1)} s`],
      ['build CPU (sampled)', `${cpu.toFixed(1)} s`],
      ['peak memory', `${(peak / 2 ** 30).toFixed(2)} GB`],
      [
        'all HTML, gzipped',
        `${(sizes.reduce((sum, s) => sum + s.bytes, 0) / 2 ** 20).toFixed(2)} MB in ${html.length} pages`,
      ],
      ['largest page, gzipped', `${kb(largest.bytes)} (${largest.file})`],
      ['a plain post', size(path.join(out, 'blog/vllm-embeddings-incident.html'))],
      ['/incidents', size(path.join(out, 'incidents.html'))],
      ...['blog/rss.xml', 'blog/atom.xml', 'blog/feed.json'].map((feed): [string, string] => [
        feed,
        size(path.join(out, feed)),
      ]),
      [
        `search index (/${SEARCH_INDEX_DIR})`,
        (() => {
          const index = path.join(out, SEARCH_INDEX_DIR);
          const files = readdirSync(index, {recursive: true, encoding: 'utf8'})
            .map((file) => statSync(path.join(index, file)))
            .filter((stat) => stat.isFile());
          return `${files.length} files, ${(files.reduce((sum, stat) => sum + stat.size, 0) / 2 ** 20).toFixed(1)} MB`;
        })(),
      ],
      [
        'JavaScript files written',
        `${js.length} (${(js.reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0) / 2 ** 20).toFixed(1)} MB)`,
      ],
    ];
    for (const [name, value] of rows) console.log(`${name.padEnd(26)} ${value}`);
  } finally {
    site.remove();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
