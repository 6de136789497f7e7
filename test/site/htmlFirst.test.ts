import {describe, expect, it} from 'vitest';

import {pagesToVisit, visit} from '../support/browserPages';
import {openSiteInBrowser} from '../support/siteInBrowser';
import {PICTURED_LANES} from '../../src/replay/lanes';
import {RECONNECT_PATHS} from '../../src/measurements/probeRecording';

/** What the HTML-first pages do without the Docusaurus runtime, in Chromium. */

const LEAD_POST = '/blog/prisma-reconnect-blocking-incident';
const PHONE = {viewport: {width: 375, height: 800}};
const site = openSiteInBrowser();

describe('colour mode', () => {
  const theme = (v: Awaited<ReturnType<typeof visit>>) =>
    v.page.evaluate(() => [
      document.documentElement.dataset.theme,
      document.documentElement.dataset.themeChoice,
      localStorage.getItem('theme'),
    ]);

  it('follows the system preference until the reader chooses, then cycles light, dark, system and remembers it', async () => {
    const v = await visit(site.browser, site.server.origin, '/incidents', {colorScheme: 'dark'});
    try {
      expect(await theme(v)).toEqual(['dark', 'system', null]);
      const toggle = v.page.locator('nav.navbar button.color-mode-toggle:visible');
      await expect(toggle.isEnabled()).resolves.toBe(true);
      await toggle.click();
      expect(await theme(v)).toEqual(['light', 'light', 'light']);
      await expect(toggle.getAttribute('aria-label')).resolves.toBe(
        'Switch between dark and light mode (currently light mode)',
      );
      await toggle.click();
      expect(await theme(v)).toEqual(['dark', 'dark', 'dark']);
      await toggle.click();
      expect(await theme(v)).toEqual(['dark', 'system', null]);
      await toggle.click();
      await v.page.goto(`${site.server.origin}/`);
      expect(await theme(v)).toEqual(['light', 'light', 'light']);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('applies a stored choice before any island script runs, so the wrong theme never flashes', async () => {
    const context = await site.browser.newContext({colorScheme: 'light'});
    try {
      await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
      await context.route('**/assets/islands/**', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${site.server.origin}${LEAD_POST}`);
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    } finally {
      await context.close();
    }
  });
});

describe('on a phone', () => {
  it('the menu opens and closes by keyboard and reaches every navbar item, the incident list and the colour mode', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST, PHONE);
    const {page} = v;
    try {
      const menu = page.locator('details[data-mobile-nav]');
      await expect(menu.locator('nav').isVisible()).resolves.toBe(false);
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(() => document.activeElement?.closest('details[data-mobile-nav]') !== null),
      ).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(menu.locator('nav').isVisible()).resolves.toBe(true);
      const links = await menu.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(
        expect.arrayContaining(['/incidents', '/blog', 'https://github.com/BerriAI/litellm/issues']),
      );
      await expect(menu.locator('button.color-mode-toggle').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href')),
      ).resolves.toBe('/incidents');
      await page.keyboard.press('Escape');
      await expect(menu.locator('nav').isVisible()).resolves.toBe(false);
      await page.locator('details[data-mobile-nav] summary').click();
      await page.getByRole('link', {name: 'All incidents', exact: true}).first().click();
      await page.waitForURL(`${site.server.origin}/incidents`);
    } finally {
      await v.close();
    }
  });

  it('a post has its table of contents in a disclosure, which wide screens do not need', async () => {
    const phone = await visit(site.browser, site.server.origin, LEAD_POST, PHONE);
    try {
      const toc = phone.page.locator('details[data-toc-mobile]');
      await toc.locator('summary').click();
      const hrefs = await toc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['#summary', '#root-cause', '#what-to-do', '#sources']));
    } finally {
      await phone.close();
    }
    const wide = await visit(site.browser, site.server.origin, LEAD_POST);
    try {
      await expect(wide.page.locator('details[data-toc-mobile]').isVisible()).resolves.toBe(false);
    } finally {
      await wide.close();
    }
  });
});

describe('the first screen of a post on a phone', () => {
  const posts = () => pagesToVisit().filter((urlPath) => urlPath.startsWith('/blog/'));

  it.each(posts())(
    '%s answers who is affected and what to do above the fold, with a link to the section',
    async (urlPath) => {
      const v = await visit(site.browser, site.server.origin, urlPath, {viewport: {width: 375, height: 812}});
      try {
        const seen = await v.page.evaluate(() => {
          const answer = document.querySelector('[data-what-to-do]');
          const link = answer?.querySelector('a[href="#what-to-do"]');
          const updates = document.querySelector<HTMLDetailsElement>('details[data-incident-updates]');
          return {
            // The answer and its link; a caution on a range it gives follows them, in the same box.
            answerBottom: answer?.querySelector('p')?.getBoundingClientRect().bottom,
            answerText: answer?.querySelector('p')?.textContent?.trim().length ?? 0,
            linkBottom: link?.getBoundingClientRect().bottom,
            sectionExists: document.getElementById('what-to-do') !== null,
            updatesOpen: updates?.open ?? false,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        expect(seen.answerText).toBeGreaterThan(20);
        expect(seen.answerBottom).toBeLessThanOrEqual(812);
        expect(seen.linkBottom).toBeLessThanOrEqual(812);
        expect(seen.sectionExists).toBe(true);
        expect(seen.updatesOpen).toBe(false);
        expect(seen.pageWidth).toBeLessThanOrEqual(375);
      } finally {
        await v.close();
      }
    },
  );
});

describe('tap targets on a phone', () => {
  /**
   * Every link, button and field at 375 px, with every disclosure open, that is smaller than 24 × 24 CSS px
   * (WCAG 2.5.8). Exempt, as WCAG exempts them, are links inside a sentence, whose height the line sets; a
   * citation and a link back to one are never exempt: they stand alone, often several side by side.
   */
  it.each(pagesToVisit())('%s has no target under 24 × 24 px', async (urlPath) => {
    const v = await visit(site.browser, site.server.origin, urlPath, PHONE);
    try {
      await v.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      const small = await v.page.evaluate(() => {
        const inSentence = (el: Element) => {
          if (el.tagName !== 'A' || el.closest('.citation, .source-backlinks')) return false;
          if (getComputedStyle(el).display !== 'inline') return false;
          const block = el.closest('p, li, td, dd, blockquote, figcaption');
          if (!block) return false;
          const copy = block.cloneNode(true) as Element;
          for (const target of copy.querySelectorAll('a, button')) target.remove();
          return /\p{L}{2,}\W+\p{L}{2,}/u.test(copy.textContent ?? '');
        };
        return [...document.querySelectorAll('a[href], button, input, select, summary')].flatMap((el) => {
          const {width, height} = el.getBoundingClientRect();
          if (width === 0 || height === 0 || (width >= 23.5 && height >= 23.5) || inSentence(el)) return [];
          const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
          return [`${el.tagName.toLowerCase()} "${name}" ${Math.round(width)}×${Math.round(height)}`];
        });
      });
      expect(small).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('code blocks', () => {
  it('copy exactly the code shown', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST);
    try {
      await v.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const block = v.page.locator('.theme-code-block').filter({hasText: 'RECONNECT_FUNCTIONS'});
      await block.hover();
      await block.getByRole('button', {name: 'Copy code to clipboard'}).click();
      await expect.poll(() => block.getByRole('button').textContent()).toBe('Copied');
      const copied = await v.page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith('"""Does this LiteLLM still reconnect to Prisma through disconnect()?')).toBe(true);
      expect(copied).toContain('\nRECONNECT_FUNCTIONS = {\n    "proxy/utils.py": "_do_direct_reconnect",\n');
      expect(copied.trimEnd().endsWith(`reconnect without calling .disconnect()")`)).toBe(true);
    } finally {
      await v.close();
    }
  });

  it('leave every line of code uncovered by the copy button on a phone', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST, PHONE);
    try {
      const overlaps = await v.page.evaluate(() =>
        [...document.querySelectorAll('.theme-code-block')].flatMap((block, index) => {
          const button = block.querySelector('.code-copy')!.getBoundingClientRect();
          if (button.height === 0) return [`block ${index}: no copy button shown`];
          // The lines' boxes span the code's width, which the button always sits within.
          return [...block.querySelectorAll('.token-line')]
            .map((line) => line.getBoundingClientRect())
            .filter((line) => line.bottom > button.top && line.top < button.bottom)
            .map(() => `block ${index}: a line of code lies under the copy button`);
        }),
      );
      expect(overlaps).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('the replay island', () => {
  it('renders over the server HTML without duplicating it, and reports no error', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST);
    try {
      const island = v.page.locator('[data-island="latency-replay"]');
      await expect(island.getAttribute('data-island-ready')).resolves.toBeNull(); // not loaded while far below the fold
      await island.scrollIntoViewIfNeeded();
      await island.locator('[data-replay-player="ready"]').waitFor();
      expect(v.scriptUrls.some((url) => url.includes('/assets/islands/latency-replay.'))).toBe(true);
      await expect(island.locator('[data-replay-player="ready"]').count()).resolves.toBe(1);
      // Per run, each pictured lane.
      await expect(island.locator('svg[role="img"]').count()).resolves.toBe(RECONNECT_PATHS.length * PICTURED_LANES);
      await expect(island.locator('[data-verdict]').count()).resolves.toBe(2);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('keeps the server HTML when its data is unusable, and says why in the console', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.route(`**${LEAD_POST}`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace('"schemaVersion":2', '"schemaVersion":99');
        await route.fulfill({response, body: html});
      });
      await page.goto(`${site.server.origin}${LEAD_POST}`, {waitUntil: 'networkidle'});
      await page.locator('[data-island="latency-replay"]').scrollIntoViewIfNeeded();
      await page.locator('[data-island-ready="failed"]').waitFor();
      await expect(page.locator('[data-replay-player="static"] svg[role="img"]').count()).resolves.toBe(
        RECONNECT_PATHS.length * PICTURED_LANES,
      );
      await expect(page.locator('[data-replay-summary="before"]').isVisible()).resolves.toBe(true);
      expect(errors.join('\n')).toMatch(/The latency-replay island could not start.*schemaVersion is 99/s);
    } finally {
      await context.close();
    }
  });
});

describe('"Am I affected?" on a phone', () => {
  const answer = (v: Awaited<ReturnType<typeof visit>>) => v.page.getByRole('status').innerText();
  const ready = (v: Awaited<ReturnType<typeof visit>>) =>
    v.page.locator('[data-island="version-check"][data-island-ready=""]').waitFor();

  it('offers no form it cannot answer without JavaScript, only the way to check by hand', async () => {
    const note = /^Checking a version needs JavaScript/;
    const off = await visit(site.browser, site.server.origin, '/incidents?version=1.90.0', {
      ...PHONE,
      javaScriptEnabled: false,
    });
    try {
      await expect(off.page.getByLabel('LiteLLM version').isVisible()).resolves.toBe(false);
      await expect(off.page.getByRole('button', {name: 'Check'}).isVisible()).resolves.toBe(false);
      await expect(off.page.getByText(note).isVisible()).resolves.toBe(true);
    } finally {
      await off.close();
    }
    const on = await visit(site.browser, site.server.origin, '/incidents', PHONE);
    try {
      await ready(on);
      await expect(on.page.getByLabel('LiteLLM version').isVisible()).resolves.toBe(true);
      await expect(on.page.getByText(note).isVisible()).resolves.toBe(false);
    } finally {
      await on.close();
    }
  });

  it('answers a typed version in the polite status region, with links, and keeps it in the URL', async () => {
    const v = await visit(site.browser, site.server.origin, '/incidents', PHONE);
    const {page} = v;
    try {
      await ready(v);
      const input = page.getByRole('textbox', {name: /version/i});
      await input.fill('1.82.7');
      await page.getByRole('button', {name: 'Check'}).click();
      await expect.poll(() => answer(v)).toContain('Affects 1.82.7 (1)');
      const text = await answer(v);
      expect(text).toContain('Suspected supply-chain compromise of PyPI releases 1.82.7 and 1.82.8');
      expect(text).not.toContain('Guardrail logging');
      expect(text).toMatch(/5 of 8 incidents state no affected or fixed versions/);
      await expect(page.getByRole('status').getByRole('link').first().getAttribute('href')).resolves.toBe(
        '/blog/security-update-march-2026',
      );
      expect(new URL(page.url()).search).toBe('?version=1.82.7');

      await input.fill('1.82.2');
      await input.press('Enter');
      await expect.poll(() => answer(v)).toContain('May affect 1.82.2 (1)');
      expect(await answer(v)).toContain('Guardrail logging exposed request secrets');
      // The fix it names opens a range that takes in the compromised releases: the answer says so and links them.
      expect(await answer(v)).toContain(
        'Caution: 1.82.3 or later includes 1.82.7 and 1.82.8, affected by Suspected supply-chain compromise',
      );

      await input.fill('1.82.3');
      await input.press('Enter');
      await expect.poll(() => answer(v)).toContain("No incident's sources state that LiteLLM 1.82.3 is affected.");

      await input.fill('the newest one');
      await input.press('Enter');
      await expect
        .poll(() => answer(v))
        .toBe(
          '"the newest one" is not a version: a LiteLLM version looks like 1.82.7, v1.81.14.rc.2 or 1.83.7-stable.',
        );
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('answers again when a shared link is opened', async () => {
    const v = await visit(site.browser, site.server.origin, '/incidents?version=v1.81.14.rc.1', PHONE);
    try {
      await expect.poll(() => answer(v)).toContain('May affect v1.81.14.rc.1 (2)');
      await expect(v.page.getByRole('textbox', {name: /version/i}).inputValue()).resolves.toBe('v1.81.14.rc.1');
      const wide = await v.page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(wide).toBe(false);
    } finally {
      await v.close();
    }
  });
});
