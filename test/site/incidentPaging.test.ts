import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {parseHtml} from '../support/builtSite';
import {copySite, type SiteCopy} from '../support/siteCopy';
import {addSyntheticPosts} from '../support/syntheticPosts';

/** /incidents when the record outgrows one page: 60 synthetic posts beside the site's 8. */
const SYNTHETIC = 60;
let site: SiteCopy;
let output = '';
beforeAll(() => {
  site = copySite();
  addSyntheticPosts(site, SYNTHETIC);
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

describe('/incidents at 68 incidents', () => {
  it('lists the 50 newest on its first page and the rest on page 2, every incident once', () => {
    const first = rowLinks('/incidents');
    const second = rowLinks('/incidents/page/2');
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(SYNTHETIC + 8 - 50);
    expect(new Set([...first, ...second]).size).toBe(SYNTHETIC + 8);
    expect(page('/incidents').querySelector('table[data-incident-index] caption')?.text).toBe(
      'Incidents 1 to 50 of 68',
    );
    expect(page('/incidents/page/2').querySelector('h1')?.text).toBe('All incidents, page 2 of 2');
  });

  it('links every page from every page, the current one marked', () => {
    for (const [urlPath, current] of [
      ['/incidents', '/incidents'],
      ['/incidents/page/2', '/incidents/page/2'],
    ]) {
      const nav = page(urlPath).querySelector('nav[aria-label="Pages"]')!;
      expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/incidents', '/incidents/page/2']);
      expect(nav.querySelector('[aria-current="page"]')?.getAttribute('href')).toBe(current);
    }
  });

  it('keeps the versions out of the page: the check fetches them from a file that holds every incident', () => {
    const props = JSON.parse(
      page('/incidents').querySelector('script[data-island-props="version-check"]')!.textContent,
    ) as {versionsUrl: string};
    expect(Object.keys(props)).toEqual(['versionsUrl']);
    expect(props.versionsUrl).toMatch(/^\/assets\/incidents\/versions\.[0-9a-f]{8}\.json$/);
    const versions = JSON.parse(readFileSync(path.join(site.dir, 'build', props.versionsUrl), 'utf8'));
    expect(versions).toHaveLength(SYNTHETIC + 8);
    expect(versions).toContainEqual(
      expect.objectContaining({permalink: '/blog/security-update-march-2026', versions: expect.any(Array)}),
    );
    // Only the first page of the whole index carries the form.
    expect(page('/incidents/page/2').querySelector('[data-island="version-check"]')).toBeNull();
  });
});
