/**
 * `npm run bench`: builds the site both ways, HTML-first (what we deploy) and
 * classic (the full Docusaurus runtime, CLASSIC_RUNTIME=true), and prints side
 * by side the JavaScript each page loads and Lighthouse mobile (median of
 * three runs) for the lead post, a plain post and /incidents; also build times
 * with webpack and with Rspack, and the build at 8 and at 1000 posts (what a status update costs, a deploy being
 * how one is published). Writes the figures as JSON so runs can be
 * compared. Figures, not pass/fail: timings flake on shared machines, so no
 * test asserts them.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import * as chromeLauncher from 'chrome-launcher';

import {CHROMIUM_FLAGS, chromiumPath, HOW_TO_GET_CHROMIUM, launchChromium} from '../test/support/chromium';
import {pageWeight, type Bytes} from '../test/support/pageWeight';
import {INLINE_HASHES_FILE} from '../src/plugins/securityHeaders/inlineHashes';
import {PRODUCTION_URL} from '../src/site/deployment';
import {serveBuildLikeVercel} from '../deploy/serveBuildOutput';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench-results');
const PAGES = ['/blog/prisma-reconnect-blocking-incident', '/blog/httpx-cache-eviction-incident', '/incidents'];
const LEAD_POST = PAGES[0];
const RUNS = 3;
const TARGETS = {performance: 98, lcpMs: 1200, tbtMs: 150, cls: 0, accessibility: 100, bestPractices: 100, seo: 100};

type Variant = 'htmlFirst' | 'classic';
const BUILD_DIRS: Record<Variant, string> = {
  htmlFirst: path.join(ROOT, '.vercel/output/static'),
  classic: path.join(os.tmpdir(), 'incident-site-classic-build'),
};

/**
 * One timed production build. The webpack build goes to a scratch folder and
 * may end in the CSP check's failure: its minifier writes the inline theme
 * script differently, so the policy (hashed for the Rspack build we deploy)
 * rightly refuses it. That check is the build's last step, so the time stands.
 */
function timedBuild({
  faster,
  cold,
  outDir,
  env = {},
}: {
  faster: boolean;
  cold: boolean;
  outDir: string;
  env?: Record<string, string>;
}): number {
  const buildEnv = {...process.env, DOCUSAURUS_FASTER: String(faster), ...env};
  if (cold) execFileSync('npx', ['docusaurus', 'clear'], {cwd: ROOT, env: buildEnv, stdio: 'ignore'});
  const start = performance.now();
  try {
    execFileSync('npm', ['run', 'build', '--', '--out-dir', outDir], {cwd: ROOT, env: buildEnv, stdio: 'pipe'});
  } catch (error) {
    const output = String((error as {stderr?: Buffer}).stderr ?? '');
    if (faster || !output.includes(`${INLINE_HASHES_FILE}: "scripts" lacks`))
      throw new Error(`build failed:\n${output}`);
  }
  return Math.round((performance.now() - start) / 100) / 10;
}

type Lighthouse = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
};

async function lighthouseRun(url: string): Promise<Lighthouse> {
  const {default: lighthouse} = await import('lighthouse');
  const chrome = await chromeLauncher.launch({chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS});
  try {
    const result = await lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error'});
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(numeric('largest-contentful-paint')),
      tbtMs: Math.round(numeric('total-blocking-time')),
      cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
      totalBytes: Math.round(numeric('total-byte-weight')),
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * Each figure's median over the runs, as Lighthouse's own guidance recommends
 * for comparisons; a run that could not measure a figure (NaN) is left out of it.
 */
function median(runs: Lighthouse[]): Lighthouse {
  const mid = (values: number[]) => {
    const measured = values.filter(Number.isFinite).sort((a, b) => a - b);
    return measured.length === 0 ? Number.NaN : measured[Math.floor(measured.length / 2)];
  };
  return Object.fromEntries(
    Object.keys(runs[0]).map((key) => [key, mid(runs.map((run) => run[key as keyof Lighthouse]))]),
  ) as Lighthouse;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const cell = (value: string | number, width: number) => String(value).padStart(width);

async function main(): Promise<void> {
  if (!chromiumPath()) throw new Error(HOW_TO_GET_CHROMIUM);

  console.error(
    "building: webpack cold and warm, Rspack cold and warm, Rspack classic, then Vercel's build of the HTML-first site…",
  );
  const scratch = path.join(os.tmpdir(), 'incident-site-webpack-build');
  const build = {
    webpackColdS: timedBuild({faster: false, cold: true, outDir: scratch}),
    webpackWarmS: timedBuild({faster: false, cold: false, outDir: scratch}),
    rspackColdS: timedBuild({faster: true, cold: true, outDir: scratch}),
    rspackWarmS: timedBuild({faster: true, cold: false, outDir: scratch}),
    classicS: timedBuild({faster: true, cold: false, outDir: BUILD_DIRS.classic, env: {CLASSIC_RUNTIME: 'true'}}),
  };
  // What we deploy, and the routes both variants are served with: Vercel's own build.
  execFileSync('npm', ['run', 'vercel:build'], {cwd: ROOT, stdio: 'ignore'});

  const variants = {} as Record<Variant, Record<string, {js: Bytes; lighthouse: Lighthouse}>>;
  for (const variant of ['htmlFirst', 'classic'] as const) {
    // Served as the production host, which alone is indexed, so SEO is scored as readers' search engines see it.
    const server = await serveBuildLikeVercel({staticDir: BUILD_DIRS[variant], host: new URL(PRODUCTION_URL).host});
    const browser = await launchChromium();
    try {
      variants[variant] = {};
      for (const urlPath of PAGES) {
        const {js} = await pageWeight(browser, server.origin, urlPath, BUILD_DIRS[variant]);
        console.error(`Lighthouse mobile, ${variant}, ${urlPath}: ${RUNS} runs…`);
        const runs: Lighthouse[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(server.origin + urlPath));
        variants[variant][urlPath] = {js, lighthouse: median(runs)};
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  const report = {
    date: new Date().toISOString(),
    machine: {os: `${os.type()} ${os.release()}`, cpus: os.cpus().length, node: process.version},
    build,
    lighthouseRuns: RUNS,
    pages: variants,
    targets: {leadPost: TARGETS},
  };

  console.log('\nBuild time (s)          cold    warm');
  console.log(`  webpack            ${cell(build.webpackColdS, 7)} ${cell(build.webpackWarmS, 7)}`);
  console.log(
    `  Rspack             ${cell(build.rspackColdS, 7)} ${cell(build.rspackWarmS, 7)}   (classic runtime, warm: ${build.classicS})`,
  );
  console.log(
    `\nLighthouse mobile, median of ${RUNS}      perf  LCP ms  TBT ms    CLS   bytes   JS gzip  a11y  best   seo`,
  );
  for (const urlPath of PAGES) {
    console.log(`  ${urlPath}`);
    for (const variant of ['htmlFirst', 'classic'] as const) {
      const {js, lighthouse: r} = variants[variant][urlPath];
      console.log(
        `    ${variant.padEnd(30)} ${cell(r.performance, 5)} ${cell(r.lcpMs, 7)} ${cell(r.tbtMs, 7)} ${cell(r.cls, 6)} ${cell(kb(r.totalBytes), 8)} ${cell(kb(js.gzip), 9)} ${cell(r.accessibility, 5)} ${cell(r.bestPractices, 5)} ${cell(r.seo, 5)}`,
      );
    }
  }
  const lead = variants.htmlFirst[LEAD_POST].lighthouse;
  const missed = [
    lead.performance < TARGETS.performance && `performance ${lead.performance} < ${TARGETS.performance}`,
    lead.lcpMs > TARGETS.lcpMs && `LCP ${lead.lcpMs} ms > ${TARGETS.lcpMs} ms`,
    lead.tbtMs > TARGETS.tbtMs && `TBT ${lead.tbtMs} ms > ${TARGETS.tbtMs} ms`,
    lead.cls > TARGETS.cls && `CLS ${lead.cls} > ${TARGETS.cls}`,
    lead.accessibility < TARGETS.accessibility && `accessibility ${lead.accessibility}`,
    lead.bestPractices < TARGETS.bestPractices && `best practices ${lead.bestPractices}`,
    lead.seo < TARGETS.seo && `SEO ${lead.seo}`,
  ].filter(Boolean);
  console.log(
    missed.length
      ? `\nLead post (HTML-first) misses: ${missed.join(', ')}`
      : '\nLead post (HTML-first): every target met.',
  );

  mkdirSync(OUT_DIR, {recursive: true});
  const file = path.join(OUT_DIR, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${path.relative(ROOT, file)} (and bench-results/latest.json)`);

  // A status update is a deploy: what one costs now, and once the record holds 1000 posts.
  const posts = readdirSync(path.join(ROOT, 'blog'), {withFileTypes: true}).filter((entry) =>
    entry.isDirectory(),
  ).length;
  for (const added of [0, 1000 - posts]) {
    console.log(`\nThe build at ${posts + added} posts (npm run bench:scale -- ${added}):`);
    execFileSync('npx', ['tsx', 'bench/scale.ts', String(added)], {cwd: ROOT, stdio: 'inherit'});
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
