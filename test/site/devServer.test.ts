import {spawn, type ChildProcess} from 'node:child_process';
import {renameSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {launchChromium} from '../support/chromium';
import {copySite, type SiteCopy} from '../support/siteCopy';

/** `npm start` as an author uses it, on a copy of the site: a fault in a post shows in the browser, and goes when fixed. */

const POST = 'blog/vllm_embeddings_incident/index.md';
/**
 * Writes a file in one step, as editors save: a megabyte written in place reaches the watcher as several changes, and
 * the reloads they start can finish out of order, leaving the first, half-written read shown.
 */
const replaceFile = (file: string, text: string) => {
  const target = path.join(site.dir, file);
  writeFileSync(`${target}.saving`, text);
  renameSync(`${target}.saving`, target);
};
const PAGE = '/blog/vllm-embeddings-incident';

let site: SiteCopy;
let server: ChildProcess | undefined;
let log = '';
let browser: Browser;
let page: Page;
let origin = '';
let exited: string | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as {port: number};
      probe.close(() => resolve(port));
    });
  });
}

/** Reloads the page until `check` passes or the dev server has had `ms` to rebuild. */
async function eventually(check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${exited}:\n${log.slice(-3000)}`);
    await page.goto(origin + PAGE, {waitUntil: 'load'}).catch(() => undefined);
    await page.waitForSelector('article', {timeout: 15_000}).catch(() => undefined);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`gave up after ${ms} ms; the dev server printed:\n${log.slice(-3000)}`);
}

const faultsShown = () =>
  page
    .locator('[data-post-faults]')
    .count()
    .then((n) => n > 0);
const headerShown = () =>
  page
    .locator('[data-incident-header]')
    .count()
    .then((n) => n > 0);

beforeAll(async () => {
  site = copySite();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // As an author runs it: vitest's NODE_ENV=test would change what Docusaurus builds.
  const {NODE_ENV: _, ...env} = process.env;
  server = spawn('npx', ['docusaurus', 'start', '--host', '127.0.0.1', '--port', String(port), '--no-open'], {
    cwd: site.dir,
    env: {...env, FORCE_COLOR: '0'},
    detached: true,
  });
  server.on('exit', (code) => (exited = `the dev server exited with ${code}`));
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  browser = await launchChromium();
  page = await browser.newPage();
  await eventually(async () => (await page.locator('article h1').count()) > 0, 240_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && !exited) process.kill(-server.pid, 'SIGTERM');
  site?.remove();
});

describe('npm start', () => {
  it('shows a post with a front-matter fault as the fault, file, line and field, and keeps serving', async () => {
    site.edit(POST, (text) => text.replace('severity: high', 'severity: urgent'));
    await eventually(faultsShown);
    const text = await page.locator('[data-post-faults]').innerText();
    const line =
      site
        .read(POST)
        .split('\n')
        .findIndex((l) => l.includes('severity: urgent')) + 1;
    expect(text).toContain(
      `${POST}:${line}: incident.severity: must be one of critical, high, medium, low, not-stated; got "urgent"`,
    );
  });

  it('shows the post again once the fault is fixed', async () => {
    site.edit(POST, (text) => text.replace('severity: urgent', 'severity: high'));
    await eventually(async () => !(await faultsShown()) && (await headerShown()));
    expect(await page.locator('[data-incident-header]').innerText()).toContain('High');
  });

  it('shows a misspelt tag on the post, which the blog itself had refused with no sign in the browser', async () => {
    site.edit(POST, (text) => text.replace('tags: [incident-report, embeddings', 'tags: [incident-report, embedings'));
    await eventually(faultsShown);
    expect(await page.locator('[data-post-faults]').innerText()).toMatch(
      new RegExp(`${POST.replaceAll('.', '\\.')}:\\d+: tags: has "embedings", which is not in blog/tags\\.yml`),
    );
    site.edit(POST, (text) => text.replace('embedings', 'embeddings'));
    await eventually(async () => !(await faultsShown()) && (await headerShown()));
  });

  it('shows faults in the text in an overlay that fits a phone, each once, without stack lines, until fixed', async () => {
    await page.setViewportSize({width: 375, height: 812});
    const printedFrom = log.length;
    site.edit(POST, (text) =>
      text.replace(
        '## Impact {#impact}',
        'See [the cause](#no-such-section), [the old report](/blog/no-such-incident) and [the fix](/blog/prisma-reconnect-blocking-incident#no-fix).\n\n## Impact {#impact}',
      ),
    );
    const line =
      site
        .read(POST)
        .split('\n')
        .findIndex((l) => l.includes('#no-such-section')) + 1;
    const faults = [
      `${POST}:${line}: the link to #no-such-section points at no heading of this post`,
      `${POST}:${line}: the link to /blog/no-such-incident leads to no post`,
      `${POST}:${line}: the link to /blog/prisma-reconnect-blocking-incident#no-fix points at no heading of blog/prisma_reconnect_blocking_incident/index.mdx`,
    ];
    const overlay = page.locator('#webpack-dev-server-client-overlay');
    const overlayText = async () =>
      (await overlay.count()) > 0
        ? page.frameLocator('#webpack-dev-server-client-overlay').locator('body').innerText()
        : '';
    const deadline = Date.now() + 90_000;
    while (!(await overlayText().then((text) => faults.every((fault) => text.includes(fault))))) {
      if (Date.now() > deadline) throw new Error(`no overlay; the dev server printed:\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const text = await overlayText();
    for (const fault of faults) expect(text.split(fault), text).toHaveLength(2);
    // The save compiles twice, for the file and for the blog's reload of it; the terminal names each fault once.
    const compiles = () => log.slice(printedFrom).split(/compiled with \S+ errors?/).length - 1;
    for (const waitUntil = Date.now() + 30_000; compiles() < 2 && Date.now() < waitUntil; )
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(compiles(), log.slice(printedFrom)).toBeGreaterThanOrEqual(2);
    for (const fault of faults) expect(log.slice(printedFrom).split(fault), log.slice(printedFrom)).toHaveLength(2);
    expect(text).not.toMatch(/MDX compilation failed|^\s*at /m);
    const widest = await page
      .frameLocator('#webpack-dev-server-client-overlay')
      .locator('body')
      .evaluate((body) => Math.max(...[body, ...body.querySelectorAll('*')].map((element) => element.scrollWidth)));
    expect(widest).toBeLessThanOrEqual(375);
    site.edit(POST, (text) => text.replace(/See \[the cause\].*\n\n/, ''));
    // On the page as it stands, not reloaded: a reader who saved the fix sees the post, with no overlay left.
    await expect
      .poll(async () => (await overlay.count()) === 0 && (await headerShown()), {timeout: 90_000, interval: 1000})
      .toBe(true);
    // Time for a late hot update to raise a runtime overlay of the fault just fixed.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await overlay.count()).toBe(0);
    expect(await headerShown()).toBe(true);
  });

  it('shows a recording that contradicts its summary in place of the page, and the page again once fixed', async () => {
    const recording = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';
    const original = site.read(recording);
    const data = JSON.parse(original);
    data.scenarios[0].runs.before.summary.maxMs = 52.7;
    replaceFile(recording, JSON.stringify(data));
    // The dev server renders in the browser: the footer is there once the page, or the fault in its place, is.
    const openLead = async () => {
      await page.goto(`${origin}/blog/prisma-reconnect-blocking-incident`, {waitUntil: 'load'}).catch(() => undefined);
      await page.waitForSelector('footer', {timeout: 15_000}).catch(() => undefined);
    };
    // Named by the recording's own check, or by the post's replay that reads it, whichever the dev server runs first.
    const fault =
      /blog\/prisma_reconnect_blocking_incident\/(?:liveness\.probes\.json|index\.mdx)\b.*scenarios\[0\]\.runs\.before\.summary\.maxMs is 52\.7 but the samples give/;
    const deadline = Date.now() + 90_000;
    let shown = '';
    while (!fault.test(shown)) {
      if (Date.now() > deadline)
        throw new Error(`the page showed:\n${shown}\nthe dev server printed:\n${log.slice(-2000)}`);
      await openLead();
      shown = await page.locator('body').innerText();
    }
    replaceFile(recording, original);
    await expect
      .poll(
        async () => {
          await openLead();
          return page.locator('[data-incident-header]').count();
        },
        {timeout: 90_000, interval: 2000},
      )
      .toBe(1);
  });

  // The same key twice: the YAML reader would keep the second silently.
  const twice = (key: string) => (text: string) => text.replace(`${key}:\n`, `${key}:\n  name: Again\n${key}:\n`);
  // The fault's line as the terminal prints it, and as the panel shows it under its heading.
  const twiceFound = (file: string, key: string) =>
    new RegExp(`${file.replace('.', '\\.')}:\\d+:\\d+: "${key}" is written twice`);
  const RECORDING = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';
  it.each([
    ['blog/components.yml', twice('database'), twiceFound('blog/components.yml', 'database')],
    ['blog/tags.yml', twice('database'), twiceFound('blog/tags.yml', 'database')],
    ['blog/authors.yml', twice('incident-editors'), twiceFound('blog/authors.yml', 'incident-editors')],
    // The blog refuses the post on reloading, naming no line, and would leave the page as it was.
    [
      POST,
      (text: string) => text.replace('authors: [incident-editors]', 'authors: [incident-editor]'),
      new RegExp(
        `${POST.replaceAll('.', '\\.')}:\\d+: authors: has "incident-editor", which is not in blog/authors\\.yml`,
      ),
    ],
    // Whitespace keeps it valid JSON, which the post imports: only its size is at fault.
    [
      RECORDING,
      (text: string) => `${text}${' '.repeat(1_000_000)}`,
      new RegExp(`${RECORDING.replaceAll('.', '\\.')}: is 1\\.\\d MB; a recording may be at most 1 MB`),
    ],
  ])(
    "shows a fault in %s that stops the site reloading over the page, naming the file (and line), at a phone's width, and in the terminal once, until fixed",
    async (file, edit, found) => {
      await page.setViewportSize({width: 375, height: 812});
      const original = site.read(file);
      const printedFrom = log.length;
      replaceFile(file, edit(original));
      const panel = page.locator('[data-site-faults]');
      await expect
        .poll(
          async () => {
            await page.goto(origin + PAGE, {waitUntil: 'load'}).catch(() => undefined);
            await panel.waitFor({timeout: 5000}).catch(() => undefined);
            return (await panel.count()) > 0 ? panel.innerText() : '';
          },
          {timeout: 90_000, interval: 1000},
        )
        .toMatch(new RegExp(`^1 fault to fix:\\n${found.source}`));
      // Time for any second reload or compile the save started to print its own copy of the fault.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const printed = log.slice(printedFrom);
      expect(
        printed.split('\n').filter((line) => found.test(line)),
        printed,
      ).toHaveLength(1);
      const box = await panel.boundingBox();
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      expect(box!.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      replaceFile(file, original);
      await expect
        .poll(
          async () => {
            await page.goto(origin + PAGE, {waitUntil: 'load'}).catch(() => undefined);
            await page.waitForSelector('article', {timeout: 15_000}).catch(() => undefined);
            return panel.count();
          },
          {timeout: 90_000, interval: 1000},
        )
        .toBe(0);
      await eventually(headerShown);
    },
  );

  it('serves /incidents.json, the same index as the build', async () => {
    const response = await page.request.get(`${origin}/incidents.json`);
    expect(response.headers()['content-type']).toContain('application/json');
    const json = await response.json();
    expect(json.incidents.map((incident: {slug: string}) => incident.slug)).toContain(
      'prisma-reconnect-blocking-incident',
    );
  });

  it('answers "Am I affected?" as in production', async () => {
    await page.goto(`${origin}/incidents?version=1.82.7`, {waitUntil: 'load'});
    const status = page.locator('[data-island="version-check"] [role="status"]');
    await expect.poll(() => status.innerText(), {timeout: 60_000}).toContain('Affects 1.82.7');
    await page.locator('#litellm-version').fill('1.82.6');
    await page.locator('[data-island="version-check"] button[type="submit"]').click();
    await expect
      .poll(() => status.innerText())
      .toContain("No incident's sources state that LiteLLM 1.82.6 is affected.");
  });
}, 200_000);
