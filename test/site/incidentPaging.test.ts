import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {parseHtml} from '../support/builtSite';
import {copySite, type SiteCopy} from '../support/siteCopy';
import {addSyntheticPosts} from '../support/syntheticPosts';

/**
 * /incidents when the record outgrows one page, set small with the plugin's
 * pageSize option: 3 a page, and one synthetic post beside the site's 8. It
 * shows an image and links a file kept beside it, which only a post's client
 * compile writes into the build.
 */
const SYNTHETIC = 1;
const PAGE_SIZE = 3;
const TOTAL = SYNTHETIC + 8;
const FILE_POST = 'blog/synthetic_incident_00001';
let site: SiteCopy;
let output = '';
beforeAll(() => {
  site = copySite();
  site.edit('docusaurus.config.ts', (text) =>
    // Whatever page size the site sets, so changing it there leaves this test alone.
    text.replace(/\[incidentsPlugin, \{pageSize: \d+\}\]/, `[incidentsPlugin, {pageSize: ${PAGE_SIZE}}]`),
  );
  addSyntheticPosts(site, SYNTHETIC);
  // Over the 10 KB under which Docusaurus inlines an image as a data: URL.
  const boxes = Array.from({length: 400}, (_, i) => `<rect x="${i}" width="1" height="10"/>`).join('');
  site.write(
    `${FILE_POST}/flow.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="10">${boxes}</svg>\n`,
  );
  site.write(`${FILE_POST}/trace.csv`, 'ms,status\n1,200\n');
  site.edit(`${FILE_POST}/index.md`, (text) => `${text}\n![The flow](./flow.svg)\n\n[The trace](./trace.csv)\n`);
  const build = site.build();
  output = build.output;
  if (build.status !== 0) throw new Error(`the build with ${SYNTHETIC} synthetic posts failed:\n${output}`);
}, 240_000);
afterAll(() => site?.remove());

const page = (urlPath: string) => parseHtml(readFileSync(path.join(site.dir, 'build', `${urlPath}.html`), 'utf8'));
const rowLinks = (urlPath: string) =>
  page(urlPath)
    .querySelectorAll('table[data-incident-index] tbody tr th a')
    .map((a) => a.getAttribute('href'));

describe(`/incidents at ${TOTAL} incidents, ${PAGE_SIZE} a page`, () => {
  const pages = ['/incidents', '/incidents/page/2', '/incidents/page/3'];

  it('lists the newest on its first page and the rest on the next ones, every incident once', () => {
    const rows = pages.map(rowLinks);
    expect(rows.map((links) => links.length)).toEqual([3, 3, 3]);
    expect(new Set(rows.flat()).size).toBe(TOTAL);
    expect(page('/incidents').querySelector('table[data-incident-index] caption')?.text).toBe(
      `Incidents 1 to 3 of ${TOTAL}`,
    );
    expect(page('/incidents/page/2').querySelector('h1')?.text).toBe('All incidents, page 2 of 3');
  });

  it('pages each filtered view with the same size', () => {
    // Six posts rated high, and the synthetic copy of one of them.
    const view = ['/incidents/severity/high', '/incidents/severity/high/page/2', '/incidents/severity/high/page/3'];
    expect(view.map((urlPath) => rowLinks(urlPath).length)).toEqual([3, 3, 1]);
    expect(page(view[2]).querySelector('h1')?.text).toMatch(/, page 3 of 3$/);
  });

  it('links every page from every page, the current one marked', () => {
    for (const urlPath of pages) {
      const nav = page(urlPath).querySelector('nav[aria-label="Pages"]')!;
      expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(pages);
      expect(nav.querySelector('[aria-current="page"]')?.getAttribute('href')).toBe(urlPath);
    }
  });

  it('keeps the versions out of the page: the check fetches them from a file that holds every incident', () => {
    const props = JSON.parse(
      page('/incidents').querySelector('script[data-island-props="version-check"]')!.textContent,
    ) as {versionsUrl: string};
    expect(Object.keys(props)).toEqual(['versionsUrl']);
    expect(props.versionsUrl).toMatch(/^\/assets\/incidents\/versions\.[0-9a-f]{8}\.json$/);
    const versions = JSON.parse(readFileSync(path.join(site.dir, 'build', props.versionsUrl), 'utf8'));
    expect(versions).toHaveLength(TOTAL);
    expect(versions).toContainEqual(
      expect.objectContaining({permalink: '/blog/security-update-march-2026', versions: expect.any(Array)}),
    );
    // Only the first page of the whole index carries the form.
    expect(page('/incidents/page/2').querySelector('[data-island="version-check"]')).toBeNull();
  });
});

describe('a post that shows an image and links a file', () => {
  it('finds both in the build, at the addresses its page names', () => {
    const body = page('/blog/synthetic-incident-00001').querySelector('article')!;
    const image = body.querySelector('img[alt="The flow"]')?.getAttribute('src');
    const trace = body
      .querySelectorAll('a')
      .find((a) => a.text === 'The trace')
      ?.getAttribute('href');
    expect(image).toMatch(/^\/assets\/images\/flow-[\w-]+\.svg$/);
    expect(trace).toMatch(/^\/assets\/files\/trace-[\w-]+\.csv$/);
    expect(readFileSync(path.join(site.dir, 'build', image!), 'utf8')).toContain('<svg');
    expect(readFileSync(path.join(site.dir, 'build', trace!), 'utf8')).toBe('ms,status\n1,200\n');
  });
});
