import {readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';

import {directiveSources} from '../../src/security/contentSecurityPolicy';
import {BUILD_DIR, parseBuiltPage} from '../support/builtSite';
import {type PageVisit, visit} from '../support/browserPages';
import {openSiteInBrowser} from '../support/siteInBrowser';

/** Search across every report, in Chromium, against the build served as Vercel serves it. */

const LEAD_POST = '/blog/prisma-reconnect-blocking-incident';
const PHONE = {viewport: {width: 375, height: 800}};
/**
 * What a search may download, gzipped, once a reader searches (the page itself is held to the 4 KB of other pages):
 * its JavaScript (the island and Pagefind's script), and all of it, adding Pagefind's WebAssembly and the index
 * and excerpt files one query reads.
 */
const SEARCH_JS_BUDGET = 16 * 1024;
const SEARCH_BUDGET = 128 * 1024;
const site = openSiteInBrowser();

const searchFiles = (v: PageVisit) => v.requestUrls.filter((url) => /\/pagefind\/|\/islands\/search\./.test(url));
const results = (v: PageVisit) => v.page.getByRole('list', {name: 'Matching reports'}).locator(':scope > li strong a');
async function search(v: PageVisit, query: string): Promise<string[]> {
  const box = v.page.getByRole('searchbox', {name: 'Words, a tracking id or a version'});
  await box.fill(query);
  await box.press('Enter');
  await expect.poll(() => v.page.getByRole('status').innerText()).toContain(`“${query}”`);
  return Promise.all((await results(v).all()).map((a) => a.getAttribute('href') as Promise<string>));
}

describe('search', () => {
  it('loads nothing of search on other pages; their search box opens /search, which answers the query', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST, PHONE);
    try {
      expect(searchFiles(v)).toEqual([]);
      const box = v.page.getByRole('searchbox', {name: 'Search the reports'});
      await box.fill('owns exclusively');
      await box.press('Enter');
      await v.page.waitForURL('**/search?q=owns+exclusively');
      await expect.poll(async () => (await results(v).all()).length).toBeGreaterThan(0);
      await expect(results(v).first().getAttribute('href')).resolves.toBe('/blog/httpx-cache-eviction-incident');
      expect(v.consoleErrors).toEqual([]);
      expect(await v.cspViolations()).toEqual([]);
      expect(v.foreignRequests).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('finds a report by a phrase from its body, by tracking id and by version, linking the sections that match', async () => {
    const v = await visit(site.browser, site.server.origin, '/search');
    try {
      await v.page.locator('[data-island="search"][data-island-ready=""]').waitFor();
      // Opening the page loads the island only: Pagefind comes with the first query.
      expect(searchFiles(v).filter((url) => url.includes('/pagefind/'))).toEqual([]);

      expect((await search(v, 'owns exclusively'))[0]).toBe('/blog/httpx-cache-eviction-incident');
      expect((await search(v, 'LIT-2614'))[0]).toBe(LEAD_POST);
      // Pagefind's window of words opened mid-sentence here ("number stated). Versions …").
      const excerpt = await v.page.getByRole('list', {name: 'Matching reports'}).locator(':scope > li > p').first();
      await expect(excerpt.innerText()).resolves.toMatch(/^(\p{Lu}|… )/u);
      await expect(excerpt.locator('mark').first().innerText()).resolves.toMatch(/^LIT-2614/);
      expect(await search(v, '1.82.7')).toContain('/blog/security-update-march-2026');
      expect(new URL(v.page.url()).search).toBe('?q=1.82.7');

      // The byline and the phone table of contents are on every report: they are not indexed.
      expect(await search(v, 'editors')).not.toContain('/blog/vllm-embeddings-incident');

      await search(v, 'blocking wait');
      const sections = v.page.getByRole('list', {name: 'Matching reports'}).locator(':scope > li ul a');
      await expect(sections.first().innerText()).resolves.toBe('A blocking wait inside a coroutine');
      const section = await sections.first().getAttribute('href');
      expect(section).toMatch(/^\/blog\/[\w-]+#[\w-]+$/);
      const [page, id] = section!.split('#');
      expect(parseBuiltPage(page).querySelector(`[id="${id}"]`)).not.toBeNull();

      await expect(search(v, 'zzzqqqxxy')).resolves.toEqual([]);
      await expect(v.page.getByRole('status').innerText()).resolves.toContain('No report matches');
      expect(v.consoleErrors).toEqual([]);
      expect(await v.cspViolations()).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('is reached by keyboard, from the box to the first result', async () => {
    const v = await visit(site.browser, site.server.origin, '/search?q=LIT-2614', PHONE);
    try {
      await expect.poll(async () => (await results(v).all()).length).toBeGreaterThan(0);
      await v.page.getByRole('searchbox', {name: 'Words, a tracking id or a version'}).focus();
      await v.page.keyboard.press('Tab');
      await v.page.keyboard.press('Tab');
      await expect(v.page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(LEAD_POST);
    } finally {
      await v.close();
    }
  });

  it(`downloads at most ${SEARCH_JS_BUDGET / 1024} KB of JavaScript and ${SEARCH_BUDGET / 1024} KB in all, gzipped, for a search`, async () => {
    const v = await visit(site.browser, site.server.origin, '/search?q=database');
    try {
      await expect.poll(async () => (await results(v).all()).length).toBeGreaterThan(0);
      const files = searchFiles(v).map((url) => path.join(BUILD_DIR, new URL(url).pathname));
      const gzipped = (list: string[]) => list.reduce((sum, file) => sum + gzipSync(readFileSync(file)).byteLength, 0);
      const scripts = files.filter((file) => file.endsWith('.js'));
      expect(scripts.map((file) => path.basename(file))).toEqual([
        expect.stringMatching(/^search\.\w+\.js$/),
        'pagefind.js',
      ]);
      expect(gzipped(scripts), 'JavaScript').toBeLessThanOrEqual(SEARCH_JS_BUDGET);
      const all = gzipped(files);
      expect(all, `${all} B: ${files.map((file) => path.relative(BUILD_DIR, file)).join(', ')}`).toBeLessThanOrEqual(
        SEARCH_BUDGET,
      );
    } finally {
      await v.close();
    }
  });

  it('allows WebAssembly on /search alone', async () => {
    const policy = async (urlPath: string) =>
      (await fetch(site.server.origin + urlPath, {redirect: 'manual'})).headers.get('content-security-policy')!;
    expect(directiveSources(await policy('/search'), 'script-src')).toContain("'wasm-unsafe-eval'");
    for (const other of ['/', LEAD_POST, '/incidents', '/pagefind/pagefind.js', '/search/x', '/searchx', '/SEARCH'])
      expect(directiveSources(await policy(other), 'script-src'), other).not.toContain("'wasm-unsafe-eval'");
  });
});

describe('/search without JavaScript', () => {
  it('links the index and every filtered view, with nothing marked as the current page', () => {
    const page = parseBuiltPage('/search');
    const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    const views = parseBuiltPage('/incidents')
      .querySelectorAll('nav[aria-label="Filter incidents"] a')
      .map((a) => a.getAttribute('href'));
    expect(links).toContain('/incidents');
    expect(links).toEqual(expect.arrayContaining(views));
    expect(page.querySelector('main [aria-current]')).toBeNull();
    expect(page.querySelector('form[role="search"]')?.getAttribute('action')).toBe('/search');
  });
});
