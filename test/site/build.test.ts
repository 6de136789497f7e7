import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {HTMLElement} from 'node-html-parser';
import {beforeAll, describe, expect, it} from 'vitest';
import {XMLParser, XMLValidator} from 'fast-xml-parser';

import {BUILD_DIR, INCIDENT_POSTS, parseBuiltPage, readBuilt} from '../support/builtSite';
import {PICTURED_LANES} from '../../src/replay/lanes';
import {RECONNECT_PATHS} from '../../src/measurements/probeRecording';

const SECTION_IDS = ['summary', 'impact', 'root-cause', 'fix', 'what-to-do', 'remediation'];
const blogFolders = readdirSync(path.resolve(__dirname, '../../blog'), {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('incident posts', () => {
  it.each(INCIDENT_POSTS)('$slug is served at its canonical URL with its title', ({slug, title}) => {
    const page = parseBuiltPage(`/blog/${slug}`);
    expect(page.querySelector('article h1')?.text.trim()).toBe(title);
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')?.length).toBeGreaterThan(50);
  });

  it.each(INCIDENT_POSTS)('$slug has the incident header from its front matter', ({slug}) => {
    const header = parseBuiltPage(`/blog/${slug}`).querySelector('article [data-incident-header]');
    expect(header).not.toBeNull();
    const terms = header!.querySelectorAll('dt').map((dt) => dt.text);
    expect(terms).toEqual(
      expect.arrayContaining(['Incident date', 'Duration', 'Severity', 'Status', 'First fixed release']),
    );
  });

  it.each(INCIDENT_POSTS)('$slug has every stable section id', ({slug}) => {
    const page = parseBuiltPage(`/blog/${slug}`);
    for (const id of SECTION_IDS) expect(page.querySelector(`article h2#${id}`), `#${id}`).not.toBeNull();
  });

  it('the lead post also has its verification section, tracking id and the reconnect diagram', () => {
    const page = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
    expect(page.querySelector('article h2#verification')).not.toBeNull();
    expect(page.querySelector('[data-incident-header] code')?.text).toBe('LIT-2614');
    const diagram = page.querySelector('[aria-label="Reconnect flow before and after the fix"]');
    expect(diagram?.querySelectorAll('figure').length).toBe(2);
    const text = page.querySelector('article')!.text;
    for (const figure of ['10006 ms', '52.7 ms', '78.8 ms', '99.7%']) expect(text).toContain(figure);
  });

  it('the header says "Not stated" where no fixed release is known', () => {
    const header = parseBuiltPage('/blog/vllm-embeddings-incident').querySelector('[data-incident-header]')!;
    const release = header
      .querySelectorAll('div')
      .find((row) => row.querySelector('dt')?.text === 'First fixed release');
    expect(release?.querySelector('dd')?.text).toBe('Not stated');
  });
});

describe('citations', () => {
  const minimumCitations = (slug: string) => (slug === 'prisma-reconnect-blocking-incident' ? 15 : 5);

  it.each(INCIDENT_POSTS)(
    '$slug cites its sources in the text, each citation leading to a listed source and back',
    ({slug}) => {
      const page = parseBuiltPage(`/blog/${slug}`);
      const ids = new Set(page.querySelectorAll('[id]').map((el) => el.id));
      const citations = page.querySelectorAll('article .markdown sup.citation a');
      expect(citations.length).toBeGreaterThanOrEqual(minimumCitations(slug));
      for (const link of citations) {
        expect(link.text).toMatch(/^\[\d+\]$/);
        expect(ids.has(link.getAttribute('href')!.slice(1)), link.getAttribute('href')).toBe(true);
        expect(ids.has(link.id), `citation ${link.text} has an id the list links back to`).toBe(true);
      }
      const items = page.querySelectorAll('ol[data-sources] > li');
      expect(items.length).toBeGreaterThan(0);
      for (const [i, item] of items.entries()) {
        const source = item.querySelector('a[id^="source-"]')!;
        expect(source.getAttribute('href')).toMatch(/^https:\/\//);
        const back = item.querySelectorAll('.source-backlinks a').map((a) => a.getAttribute('href')!.slice(1));
        expect(back.length, `source ${i + 1} is cited`).toBeGreaterThan(0);
        for (const id of back) expect(citations.map((c) => c.id)).toContain(id);
        // The number a citation shows is the source's place in the list.
        expect(
          citations.filter((c) => c.getAttribute('href') === `#${source.id}`).every((c) => c.text === `[${i + 1}]`),
        ).toBe(true);
      }
    },
  );

  it.each(INCIDENT_POSTS)('$slug shows the source of each header fact it states', ({slug}) => {
    const header = parseBuiltPage(`/blog/${slug}`).querySelector('article [data-incident-header]')!;
    const cited = header
      .querySelectorAll('div')
      .filter((row) => row.querySelector('sup.citation a[href^="#source-"]'))
      .map((row) => row.querySelector('dt')!.text);
    expect(cited).toEqual(expect.arrayContaining(['Incident date', 'Duration', 'Status']));
    const severity = header.querySelector('[data-severity]')!;
    if (severity.getAttribute('data-severity') !== 'not-stated') expect(cited).toContain('Severity');
  });

  it('list pages link excerpt citations to the post that lists the sources', () => {
    const hrefs = parseBuiltPage('/blog')
      .querySelectorAll('sup.citation a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/blog\/[a-z0-9-]+#source-[a-z0-9-]+$/);
  });
});

describe("the source audit's corrections", () => {
  let lead: HTMLElement;
  let text: string;
  beforeAll(() => {
    lead = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
    text = lead.querySelector('article')!.text;
  });

  it('the lead post gives the severity the product rated, High, and its month', () => {
    const header = lead.querySelector('[data-incident-header]')!;
    expect(header.querySelector('[data-severity]')?.text).toBe('High');
    expect(header.querySelector('time')?.getAttribute('datetime')).toBe('2026-04');
  });

  it('the lead post keeps out what no source says', () => {
    for (const claim of [
      'in favour of',
      'would have resumed normally',
      'never signals something',
      'Every freeze of 30 to 120 seconds seen in production was long enough',
      'High, because',
      '"30 to 120 seconds or more"',
    ]) {
      expect(text).not.toContain(claim);
    }
    expect(text).toContain('self._original_prisma.disconnect()');
  });

  it('the httpx post warns that the bug came back, with links', () => {
    const httpx = parseBuiltPage('/blog/httpx-cache-eviction-incident');
    const recurrences = httpx.querySelector('h2#recurrences');
    expect(recurrences).not.toBeNull();
    const cited = httpx.querySelectorAll('ol[data-sources] a[id^="source-"]').map((a) => a.getAttribute('href'));
    for (const pr of ['22925', '22926', '35492', '35856', '35862', '35870'])
      expect(cited).toContain(`https://github.com/BerriAI/litellm/pull/${pr}`);
    expect(httpx.querySelector('article')!.text).not.toMatch(/undone|reverted the change of/);
  });

  it('dates nothing the sources leave undated', () => {
    const article = (slug: string) => parseBuiltPage(`/blog/${slug}`).querySelector('article')!.text;
    expect(article('httpx-cache-eviction-incident')).not.toMatch(/came back in March|(?<!5 )March 2026\. Commit/);
    expect(article('vllm-embeddings-incident')).not.toContain('On 16 February 2026 a change');
    expect(article('security-update-march-2026')).not.toContain('a belief, not a finding');
  });
});

// A preview deploy's noindex and banner: publishSafety.test.ts, on its preview build.
describe('the production build', () => {
  it('has neither noindex nor the preview banner', () => {
    const page = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '').not.toMatch(/noindex/);
    expect(page.querySelector('[data-preview-banner]')).toBeNull();
  });
});

describe('link previews and revisions', () => {
  const meta = (page: ReturnType<typeof parseBuiltPage>, attr: 'property' | 'name', key: string) =>
    page.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content');

  it.each(INCIDENT_POSTS)(
    '$slug has canonical, Open Graph and Twitter tags with an image that exists',
    ({slug, title}) => {
      const page = parseBuiltPage(`/blog/${slug}`);
      const canonical = `https://litellm-incidents.vercel.app/blog/${slug}`;
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical);
      expect(meta(page, 'property', 'og:url')).toBe(canonical);
      expect(meta(page, 'property', 'og:title')).toContain(title);
      expect(meta(page, 'property', 'og:description')?.length).toBeGreaterThan(50);
      expect(meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(meta(page, 'name', 'twitter:title')).toBe(title);
      expect(meta(page, 'name', 'twitter:description')).toBe(meta(page, 'name', 'description'));
      expect(meta(page, 'property', 'article:published_time')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(meta(page, 'property', 'article:modified_time')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const image = meta(page, 'property', 'og:image')!;
      expect(meta(page, 'name', 'twitter:image')).toBe(image);
      expect(image.startsWith('https://litellm-incidents.vercel.app/img/social/')).toBe(true);
      const png = readFileSync(path.join(BUILD_DIR, new URL(image).pathname));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    },
  );

  it('a revised post shows when it was last updated and what changed, and says so to crawlers', () => {
    const page = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
    const header = page.querySelector('[data-incident-header]')!;
    const row = header.querySelectorAll('div').find((div) => div.querySelector('dt')?.text === 'Last updated');
    expect(row?.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-07');
    const updates = page.querySelectorAll('[data-incident-updates] li').map((li) => li.text);
    expect(updates[0]).toContain('Added the replay of liveness-probe latencies');
    expect(updates[1]).toContain('the product rates the incident High');
    expect(updates.at(-2)).toContain('run on Python 3.8');
    expect(updates.at(-1)).toContain('the reading of the 10006 ms probe timeout');
    expect(meta(page, 'property', 'article:modified_time')).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('incidents index', () => {
  let table: HTMLElement | null;
  let rows: HTMLElement[];
  beforeAll(() => {
    table = parseBuiltPage('/incidents').querySelector('table[data-incident-index]');
    rows = table?.querySelectorAll('tbody tr') ?? [];
  });

  it('has one row per post folder in blog/', () => {
    expect(rows.length).toBe(blogFolders.length);
  });

  it('links every incident post and shows its metadata', () => {
    const links = rows.map((row) => row.querySelector('th a')?.getAttribute('href'));
    for (const {slug} of INCIDENT_POSTS) expect(links).toContain(`/blog/${slug}`);
    const prisma = rows.find(
      (row) => row.querySelector('th a')?.getAttribute('href') === '/blog/prisma-reconnect-blocking-incident',
    )!;
    expect(prisma.querySelectorAll('td').map((td) => td.text)).toEqual([
      'April 2026',
      'High: full proxy outages in Kubernetes',
      'Not stated',
      'Database connection, Health checks',
      "Several incidents in customers' deployments until the fix landed; no length stated",
      'Resolved',
    ]);
  });

  it('lists ongoing incidents first, then the newest incident first', () => {
    const ongoing = rows.map((row) => !row.querySelector('[data-label=Status]')!.text.startsWith('Resolved'));
    expect(ongoing).toContain(true);
    expect(ongoing).toEqual([...ongoing].sort((a, b) => Number(b) - Number(a)));
    for (const group of [true, false]) {
      const dates = rows
        .filter((_, i) => ongoing[i] === group)
        .map((row) => row.querySelector('time')?.getAttribute('datetime') ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('is reachable from the home page, which also leads to the newest post', () => {
    const hrefs = parseBuiltPage('/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/incidents');
    expect(hrefs).toContain('/blog/prisma-reconnect-blocking-incident');
  });
});

describe('feeds and sitemap', () => {
  const xml = new XMLParser({ignoreAttributes: false});

  it.each(['blog/rss.xml', 'blog/atom.xml', 'sitemap.xml'])('%s is well-formed XML', (file) => {
    expect(XMLValidator.validate(readBuilt(file))).toBe(true);
  });

  it('RSS, Atom and JSON feeds contain every incident post', () => {
    const rss = xml.parse(readBuilt('blog/rss.xml')).rss.channel.item as {link: string}[];
    const atom = xml.parse(readBuilt('blog/atom.xml')).feed.entry as {id: string}[];
    const json = JSON.parse(readBuilt('blog/feed.json')) as {items: {url: string}[]};
    for (const {slug} of INCIDENT_POSTS) {
      expect(rss.map((item) => item.link)).toContainEqual(expect.stringMatching(new RegExp(`/blog/${slug}$`)));
      expect(atom.map((entry) => entry.id)).toContainEqual(expect.stringMatching(new RegExp(`/blog/${slug}$`)));
      expect(json.items.map((item) => item.url)).toContainEqual(expect.stringMatching(new RegExp(`/blog/${slug}$`)));
    }
  });

  it('each feed has the elements its format requires', () => {
    const rss = xml.parse(readBuilt('blog/rss.xml')).rss;
    expect(rss['@_version']).toBe('2.0');
    for (const field of ['title', 'link', 'description'])
      expect(rss.channel[field], `rss channel ${field}`).toBeTruthy();
    for (const item of rss.channel.item) {
      for (const field of ['title', 'link', 'guid', 'pubDate', 'description'])
        expect(item[field], `rss item ${field}`).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    const atom = xml.parse(readBuilt('blog/atom.xml')).feed;
    expect(atom['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated']) expect(atom[field], `atom feed ${field}`).toBeTruthy();
    for (const entry of atom.entry) {
      for (const field of ['id', 'title', 'updated', 'link']) expect(entry[field], `atom entry ${field}`).toBeTruthy();
    }
    const json = JSON.parse(readBuilt('blog/feed.json'));
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(json.title).toBeTruthy();
    for (const item of json.items) {
      expect(item.id).toBeTruthy();
      expect(item.content_html ?? item.content_text).toBeTruthy();
    }
  });

  it('the sitemap lists every post and the index', () => {
    const urls = (xml.parse(readBuilt('sitemap.xml')).urlset.url as {loc: string}[]).map(
      (entry) => new URL(entry.loc).pathname,
    );
    for (const {slug} of INCIDENT_POSTS) expect(urls).toContain(`/blog/${slug}`);
    expect(urls).toContain('/incidents');
  });
});

describe('no third-party loads', () => {
  it.each(['/', '/incidents', ...INCIDENT_POSTS.map(({slug}) => `/blog/${slug}`)])(
    '%s loads scripts, styles, fonts and images only from its own origin',
    (url) => {
      const page = parseBuiltPage(url);
      const loaded = [
        ...page.querySelectorAll('script[src], img[src], iframe[src]').map((el) => el.getAttribute('src')!),
        ...page
          .querySelectorAll('link')
          .filter((link) =>
            ['stylesheet', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'icon'].includes(
              link.getAttribute('rel') ?? '',
            ),
          )
          .map((link) => link.getAttribute('href')!),
      ];
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((src) => /^(https?:)?\/\//.test(src))).toEqual([]);
    },
  );
});

describe('latency replay in the lead post', () => {
  let page: HTMLElement;
  beforeAll(() => {
    page = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
  });

  it('is in the HTML without JavaScript: the first scenario as lanes, the readouts, the tables and every download', () => {
    const replay = page.querySelector('figure[aria-label^="Replay of the lab\'s measurements"]');
    expect(replay).not.toBeNull();
    // Per run: probes, event loop, engine.
    expect(replay!.querySelectorAll('svg[role="img"]').length).toBe(RECONNECT_PATHS.length * PICTURED_LANES);
    expect(replay!.querySelector('[data-readout="before"]')).not.toBeNull();
    expect(replay!.querySelector('[data-replay-summary="before"]')?.text).toContain('10006 ms');
    expect(replay!.querySelector('[data-replay-summary="after"]')?.text).toContain('52.7 ms');
    expect(replay!.querySelector('[data-scenario="125"][data-run="before"]')?.text).toContain('restart at 31.0 s');
    const downloads = replay!.querySelectorAll('a[download]').map((link) => link.getAttribute('href')!);
    expect(downloads).toHaveLength(7);
    for (const href of downloads) expect(existsSync(path.join(BUILD_DIR, href)), href).toBe(true);
  });
});
