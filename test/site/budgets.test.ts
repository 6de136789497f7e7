import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';

import {BUILD_DIR, builtFileFor, parseHtml} from '../support/builtSite';

import {pagesToVisit} from '../support/browserPages';
import {pageWeight} from '../support/pageWeight';
import {openSiteInBrowser} from '../support/siteInBrowser';

const KB = 1024;
const LEAD_POST = '/blog/prisma-reconnect-blocking-incident';
/** Gzipped JavaScript a page may load, by page: the lead post carries the replay island. */
const BUDGETS: Record<string, number> = {[LEAD_POST]: 25 * KB, '/incidents': 8 * KB};
const OTHER_PAGES = 4 * KB;
/**
 * The lead post's HTML, gzipped: its size before the replay gained lanes and long scenarios (2026-11-25), which
 * must not grow it, plus the text the third source audit added (2026-12-05: 23 838 B before, 278 B of prose and
 * code), plus the first-screen answer and its folded updates (2026-12-07: 140 B), plus the banner every page carries
 * while an incident is open and the link to the post's own feed (2026-12-07: about 110 B), plus the revision note of
 * the fourth audit's rewording (2026-12-07: about 80 B). The long scenarios are fetched only when a reader picks one.
 */
const LEAD_POST_HTML = 24_500;

const site = openSiteInBrowser();
/** Each page's weight, measured once for every test that reads it. */
const weights = new Map<string, ReturnType<typeof pageWeight>>();
const weightOf = (urlPath: string) => {
  if (!weights.has(urlPath)) weights.set(urlPath, pageWeight(site.browser, site.server.origin, urlPath));
  return weights.get(urlPath)!;
};

describe('HTML-first pages', () => {
  it.each(pagesToVisit())('%s loads no Docusaurus runtime and stays within its JavaScript budget', async (urlPath) => {
    const {js, scripts} = await weightOf(urlPath);
    // runtime~main, main and the route chunks all live in assets/js; islands in assets/islands.
    expect(scripts.filter((file) => file.startsWith('assets/js/'))).toEqual([]);
    expect(scripts).toContainEqual(expect.stringMatching(/^assets\/islands\/site\.[A-Z0-9]+\.js$/));
    const budget = BUDGETS[urlPath] ?? OTHER_PAGES;
    expect(
      js.gzip,
      `${urlPath}: ${js.gzip} B of JavaScript gzipped (${scripts.join(', ')}); budget ${budget} B`,
    ).toBeLessThanOrEqual(budget);
  });

  it('the build writes none of the runtime chunks that no page loads', () => {
    // Docusaurus writes runtime~main, main and a chunk per route; the HTML-first build removes what no page names.
    expect(existsSync(path.join(BUILD_DIR, 'assets/js'))).toBe(false);
  });

  it('the lead post carries no more HTML than before the long scenarios, none of which is inline', () => {
    const html = readFileSync(builtFileFor(LEAD_POST));
    const gzip = gzipSync(html).byteLength;
    expect(gzip, `${LEAD_POST}: ${gzip} B of HTML gzipped; budget ${LEAD_POST_HTML} B`).toBeLessThanOrEqual(
      LEAD_POST_HTML,
    );
    const props = JSON.parse(
      parseHtml(html.toString()).querySelector('script[data-island-props="latency-replay"]')!.textContent,
    );
    expect(props.recording.scenarios.map((s: {closeDelayMs: number}) => s.closeDelayMs)).toEqual([5000]);
    expect(props.closeDelaysMs).toEqual([5000, 35_000, 125_000]);
  });

  it('only the lead post loads the replay island', async () => {
    const island = /^assets\/islands\/latency-replay\.[A-Z0-9]+\.js$/;
    expect((await weightOf(LEAD_POST)).scripts).toContainEqual(expect.stringMatching(island));
    for (const other of pagesToVisit().filter((page) => page !== LEAD_POST)) {
      expect((await weightOf(other)).scripts, other).not.toContainEqual(expect.stringMatching(island));
    }
  });
});
