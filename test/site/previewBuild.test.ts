import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {parseBuiltPage, parseHtml} from '../support/builtSite';
import {copySite} from '../support/siteCopy';

const PREVIEW_HOST = 'incidents-git-fix-abc.vercel.app';
const LEAD_POST = 'blog/prisma-reconnect-blocking-incident.html';

describe('a preview deploy', () => {
  const site = copySite();
  afterAll(() => site.remove());
  const {status, output} = site.build({VERCEL_ENV: 'preview', VERCEL_URL: PREVIEW_HOST});
  const page = () => parseHtml(readFileSync(path.join(site.dir, 'build', LEAD_POST), 'utf8'));

  it('builds', () => {
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(status).toBe(0);
  });

  it('is marked noindex and shows the preview banner', () => {
    expect(page().querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    expect(page().querySelector('[data-preview-banner]')).not.toBeNull();
  });

  it('uses its own URL', () => {
    expect(page().querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://${PREVIEW_HOST}/blog/prisma-reconnect-blocking-incident`,
    );
  });
});

describe('the production build', () => {
  it('has neither noindex nor the banner', () => {
    const page = parseBuiltPage('/blog/prisma-reconnect-blocking-incident');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '').not.toMatch(/noindex/);
    expect(page.querySelector('[data-preview-banner]')).toBeNull();
  });
});
