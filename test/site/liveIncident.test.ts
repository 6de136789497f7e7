import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {parseAtomFeed, parseJsonFeed, parseRssFeed} from 'feedsmith';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {launchChromium} from '../support/chromium';
import {parseHtml} from '../support/builtSite';
import {copySite, type SiteCopy} from '../support/siteCopy';

/**
 * An incident published while it runs: a copy of the site with one live post (a summary and a timeline, no
 * post-mortem yet), built, read as readers and feed readers see it, then given one more update and built again.
 */

const SLUG = 'live-example-incident';
const POST = `blog/${SLUG.replaceAll('-', '_')}/index.md`;
const FIRST = '2026-03-24T10:39:00Z';
const SECOND = '2026-03-24T14:00:00-04:00';
// Later than any post's date, so the feeds' own date must come from it.
const THIRD = '2026-05-02T08:15:00+05:30';

const entry = (at: string, status: string, body: string) =>
  `    - at: "${at}"\n${status ? `      status: ${status}\n` : ''}      body: "${body}[^status-page]"\n`;
const livePost = (timeline: string) => `---
slug: ${SLUG}
title: "Example live incident"
description: "An incident still under investigation, published with its summary and status updates before its post-mortem."
what_to_do: "If you run the example proxy, watch this page: the post-mortem will follow[^status-page]."
date: "2026-03-24"
authors: [incident-editors]
tags: [incident-report]
sources:
  - id: status-page
    title: "The example status page"
    url: https://example.com/status
    kind: product post-mortem
incident:
  date: "2026-03-24"
  duration: Not stated
  severity: not-stated
  components: [database]
  versions: not stated
  cite:
    date: status-page
  timeline:
${timeline}---

## Summary {#summary}

Requests to the example database fail while the cause is investigated[^status-page].

<!-- truncate -->

## Sources {#sources}
`;
const TWO_UPDATES =
  entry(FIRST, 'investigating', 'Requests fail; the cause is being investigated') +
  entry(SECOND, 'identified', 'The cause is found').replace(
    '      body:',
    '      components: {database: partial_outage}\n      body:',
  );

let site: SiteCopy;
let browser: Browser;
const built = (relative: string) => readFileSync(path.join(site.dir, 'build', relative), 'utf8');
const page = (urlPath: string) => parseHtml(built(`${urlPath === '/' ? 'index' : urlPath}.html`));

function build() {
  const result = site.build();
  if (result.status !== 0) throw new Error(`the build with a live incident failed:\n${result.output}`);
}

/** The three feeds as a feed reader reads them: each entry's id, by feed. */
function feedIds(): Record<'rss' | 'atom' | 'json', string[]> {
  const mine = (id: string | undefined) => (id ?? '').includes(SLUG);
  return {
    rss: (parseRssFeed(built('blog/rss.xml')).items ?? []).map((item) => item.guid?.value ?? '').filter(mine),
    atom: (parseAtomFeed(built('blog/atom.xml')).entries ?? []).map((item) => item.id ?? '').filter(mine),
    json: (parseJsonFeed(JSON.parse(built('blog/feed.json'))).items ?? []).map((item) => item.id ?? '').filter(mine),
  };
}

beforeAll(async () => {
  site = copySite();
  site.write(POST, livePost(TWO_UPDATES));
  build();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  site?.remove();
});

describe('an incident published while it runs', () => {
  it('builds without its post-mortem, and says plainly that the post-mortem will follow', () => {
    const post = page(`/blog/${SLUG}`);
    const ids = post.querySelectorAll('article h2[id]').map((h) => h.getAttribute('id'));
    expect(ids).toEqual(expect.arrayContaining(['summary', 'status-updates', 'sources']));
    expect(ids).not.toContain('root-cause');
    const header = post.querySelector('[data-incident-header]')!.text;
    expect(header).toContain('Will follow on this page once the incident is resolved');
    expect(header).toContain('Identified, as stated 24 Mar 2026, 18:00 UTC');
    const json = JSON.parse(built('incidents.json'));
    expect(json.incidents.find((incident: {slug: string}) => incident.slug === SLUG)).toMatchObject({
      status: 'identified',
      statusSince: SECOND,
      postMortem: 'to follow',
      timeline: [
        {at: FIRST, utc: '2026-03-24T10:39:00.000Z', status: 'investigating'},
        {at: SECOND, utc: '2026-03-24T18:00:00.000Z', status: 'identified'},
      ],
    });
  });

  it('shows every stamp in UTC in the static HTML, newest first, grouped by the day in UTC', () => {
    const timeline = page(`/blog/${SLUG}`).querySelector('[data-incident-timeline]')!;
    const stamps = timeline.querySelectorAll('time[data-utc-time]');
    expect(stamps.map((time) => [time.getAttribute('datetime'), time.text])).toEqual([
      ['2026-03-24T18:00:00.000Z', '24 Mar 2026, 18:00 UTC'],
      ['2026-03-24T10:39:00.000Z', '24 Mar 2026, 10:39 UTC'],
    ]);
    expect(timeline.querySelectorAll('h3').map((h) => h.text)).toEqual(['24 March 2026 (UTC)']);
  });

  it('carries a banner linking it on every page, with its latest state, and the site feed', () => {
    // Its own page says it in the header; the banner there lists the other ongoing one, the supply-chain report.
    expect(page(`/blog/${SLUG}`).querySelector(`[data-ongoing-incidents] a[href="/blog/${SLUG}"]`)).toBeNull();
    for (const urlPath of ['/', '/incidents', '/blog/vllm-embeddings-incident', '/search', '/feeds']) {
      const banner = page(urlPath).querySelector('[data-ongoing-incidents]');
      expect(banner, urlPath).not.toBeNull();
      const link = banner!
        .querySelectorAll('li')
        .find((li) => li.querySelector('a')?.getAttribute('href') === `/blog/${SLUG}`);
      expect(link?.text, urlPath).toContain('Identified');
      // Each component's current impact, as the latest entry states it.
      expect(link?.text, urlPath).toContain('Database connection: partial outage');
      // And the site's feed, for a reader who wants every update.
      const feeds = page(urlPath)
        .querySelectorAll('head link[rel=alternate]')
        .map((l) => l.getAttribute('href'));
      expect(feeds, urlPath).toEqual(expect.arrayContaining(['/blog/atom.xml', '/blog/rss.xml', '/blog/feed.json']));
    }
  });

  it('lists ongoing incidents first on / and /incidents with their state, and gives each component its impact now', () => {
    const incidents: {slug: string; status: string; components: {key: string}[]}[] = JSON.parse(
      built('incidents.json'),
    ).incidents;
    const names = (incident: (typeof incidents)[number], key: string) =>
      incident.components.some((component) => component.key === key);
    const ongoing = incidents.filter((incident) => incident.status !== 'resolved');
    expect(ongoing.map((incident) => incident.slug)).toContain(SLUG);
    const rows = page('/incidents').querySelectorAll('[data-incident-index] tbody tr');
    const hrefs = rows.map((row) => row.querySelector('th a')!.getAttribute('href'));
    expect(hrefs.slice(0, ongoing.length).sort()).toEqual(ongoing.map((incident) => `/blog/${incident.slug}`).sort());
    const mine = rows[hrefs.indexOf(`/blog/${SLUG}`)];
    expect(mine.querySelector('[data-label=Status]')!.text).toBe('Identified, as stated 24 Mar 2026, 18:00 UTC');

    const home = page('/').querySelector('[data-home-ongoing]')!;
    expect(home.querySelectorAll('li a').map((a) => a.getAttribute('href'))).toEqual(hrefs.slice(0, ongoing.length));
    expect(home.text).toContain('Example live incident: Identified, as stated 24 Mar 2026, 18:00 UTC');

    // The component the live incident names carries the impact its latest entry states; one no ongoing incident
    // names carries none.
    const filterLink = (key: string) =>
      page('/incidents')
        .querySelectorAll('nav[aria-label="Filter incidents"] a')
        .find((a) => a.getAttribute('href') === `/incidents/component/${key}`);
    expect(filterLink('database')!.text).toContain('now partial outage');
    const untouched = incidents
      .flatMap((incident) => incident.components.map((component) => component.key))
      .find((key) => !ongoing.some((incident) => names(incident, key)))!;
    expect(filterLink(untouched)!.querySelector('[data-component-impact]')).toBeNull();
    const view = page('/incidents/component/database').querySelector('[data-component-now]')!;
    expect(view.text).toBe('Now: partial outage, under Example live incident.');
    expect(view.querySelector('a')!.getAttribute('href')).toBe(`/blog/${SLUG}`);
  });

  it.each([
    [
      'America/New_York',
      ['(your time: 14:00 GMT-4, Eastern Daylight Time)', '(your time: 06:39 GMT-4, Eastern Daylight Time)'],
    ],
    // 18:00 UTC is 23:30 the same day in Kolkata; a stamp that crossed midnight would name its day.
    [
      'Asia/Kolkata',
      ['(your time: 23:30 GMT+5:30, India Standard Time)', '(your time: 16:09 GMT+5:30, India Standard Time)'],
    ],
  ])('adds the local time in %s beside each UTC stamp', async (timezoneId, expected) => {
    const server = http.createServer((request, response) => {
      const url = (request.url ?? '/').split('?')[0];
      const file = path.join(
        site.dir,
        'build',
        url.endsWith('/') ? `${url}index.html` : path.extname(url) ? url : `${url}.html`,
      );
      try {
        const body = readFileSync(file);
        const type = file.endsWith('.html')
          ? 'text/html'
          : file.endsWith('.js')
            ? 'text/javascript'
            : file.endsWith('.css')
              ? 'text/css'
              : 'application/octet-stream';
        response.writeHead(200, {'content-type': type}).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext({timezoneId, locale: 'en-GB'});
    try {
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/blog/${SLUG}`);
      const island = tab.locator('[data-island="local-times"]');
      await island.scrollIntoViewIfNeeded();
      await tab.locator('[data-island="local-times"][data-island-ready=""]').waitFor();
      expect((await island.locator('[data-local-time]').allInnerTexts()).map((text) => text.trim())).toEqual(expected);
    } finally {
      await context.close();
      server.close();
    }
  });

  it('has a feed of its own and one per component, each linked from /feeds, its own also discovered from its page', () => {
    const own = parseAtomFeed(built(`feeds/incidents/${SLUG}.xml`));
    const ownIds = (own.entries ?? []).map((item) => item.id);
    expect(ownIds.sort()).toEqual([...feedIds().atom].sort());
    const database = (parseAtomFeed(built('feeds/components/database.xml')).entries ?? []).map((item) => item.id);
    expect(database).toEqual(expect.arrayContaining(ownIds));
    const router = (parseAtomFeed(built('feeds/components/router.xml')).entries ?? []).map((item) => item.id);
    expect(router.some((id) => id?.includes(SLUG))).toBe(false);
    const discovered = page(`/blog/${SLUG}`)
      .querySelectorAll('head link[rel=alternate]')
      .map((link) => [link.getAttribute('type'), link.getAttribute('href')]);
    expect(discovered).toEqual(
      expect.arrayContaining([
        ['application/atom+xml', `/feeds/incidents/${SLUG}.xml`],
        ['application/atom+xml', '/blog/atom.xml'],
      ]),
    );
    const listed = page('/feeds')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    expect(listed).toEqual(
      expect.arrayContaining([
        '/blog/atom.xml',
        '/blog/rss.xml',
        '/blog/feed.json',
        `/feeds/incidents/${SLUG}.xml`,
        '/feeds/components/database.xml',
      ]),
    );
    // And /feeds is reached from every page, by its footer.
    for (const urlPath of ['/', '/incidents', `/blog/${SLUG}`, '/search'])
      expect(
        page(urlPath)
          .querySelectorAll('footer a')
          .map((a) => a.getAttribute('href')),
        urlPath,
      ).toContain('/feeds');
  });

  it('gives each update its own entry in every feed, whose ids stay the same when another update is added', () => {
    const before = feedIds();
    // The post itself, and one entry per update.
    for (const ids of Object.values(before)) expect(ids).toHaveLength(3);
    site.edit(POST, (text) =>
      text.replace('---\n\n## Summary', `${entry(THIRD, '', 'A workaround is known')}---\n\n## Summary`),
    );
    build();
    const after = feedIds();
    for (const feed of ['rss', 'atom', 'json'] as const) {
      expect(after[feed], feed).toHaveLength(4);
      expect(after[feed], feed).toEqual(expect.arrayContaining(before[feed]));
    }
    // The feeds' own date is their newest entry's, the update just added, not the newest post's.
    expect(parseAtomFeed(built('blog/atom.xml')).updated).toBe(new Date(THIRD).toISOString());
    expect(parseRssFeed(built('blog/rss.xml')).lastBuildDate).toBe(new Date(THIRD).toUTCString());
  }, 240_000);
});
