import axe from 'axe-core';
import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {pagesToVisit, visit} from '../support/browserPages';
import {openSiteInBrowser} from '../support/siteInBrowser';
import {PICTURED_LANES} from '../../src/replay/lanes';
import {RECONNECT_PATHS} from '../../src/measurements/probeRecording';

const PAGES = pagesToVisit();
const SCHEMES = ['light', 'dark'] as const;
const LEAD_POST = '/blog/prisma-reconnect-blocking-incident';

const site = openSiteInBrowser();

/** Each internal address's HTTP status, fetched once however many pages link to it. */
const linkStatuses = new Map<string, Promise<number>>();
function linkStatus(href: string): Promise<number> {
  const status = linkStatuses.get(href) ?? fetch(href).then((response) => response.status);
  linkStatuses.set(href, status);
  return status;
}

/** WCAG 2.1's contrast ratio of two computed colours, "rgb(r, g, b)". */
function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const channel = Number(c) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Widths no page may scroll sideways at: a small phone, a tablet, a laptop. */
const WIDTHS = [320, 768, 1280];

/** Axe's WCAG 2.1 A/AA violations on the page as it stands, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const results = await (window as unknown as {axe: typeof axe}).axe.run(document, {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

// One visit per page and scheme does every check of the page: a visit waits for the network to go quiet, which is
// most of its cost, so the pages are visited a few at a time.
describe.each(SCHEMES)('every page in %s mode', (scheme) => {
  it.concurrent.for(PAGES)(
    '%s loads cleanly (no console error, no CSP violation, from its own origin only, with its content, anchors and internal links that resolve), has no WCAG 2.1 A/AA violation (axe-core) and does not scroll sideways at 320, 768 or 1280 px',
    async (urlPath, {expect}) => {
      const v = await visit(site.browser, site.server.origin, urlPath, {colorScheme: scheme});
      try {
        expect(await v.page.getAttribute('html', 'data-theme')).toBe(scheme);
        // Bring every island to life, as a reader scrolling through would, so its scripts are checked too.
        for (const island of await v.page.locator('[data-island]').all()) {
          await island.scrollIntoViewIfNeeded();
          await v.page
            .locator(`[data-island="${await island.getAttribute('data-island')}"][data-island-ready=""]`)
            .waitFor();
        }
        expect(v.consoleErrors).toEqual([]);
        expect(await v.cspViolations()).toEqual([]);
        expect(v.failedRequests).toEqual([]);
        expect(v.foreignRequests).toEqual([]);
        if (urlPath.startsWith('/blog/')) {
          await expect(v.page.locator('article [data-incident-header]').count()).resolves.toBe(1);
          const headings = await v.page
            .locator('article h2[id]')
            .evaluateAll((els) =>
              els.map((h) => ({id: h.id, anchor: h.querySelector('a.hash-link')?.getAttribute('href')})),
            );
          expect(headings.length).toBeGreaterThanOrEqual(6);
          for (const {id, anchor} of headings) expect(anchor).toBe(`#${id}`);
        }
        const internalLinks = new Set(
          (await v.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
            .filter((href) => href.startsWith(site.server.origin))
            .map((href) => href.replace(/#.*$/, '')),
        );
        // Every page links at least home and to the index.
        expect(internalLinks.size).toBeGreaterThanOrEqual(2);
        const broken = await Promise.all(
          [...internalLinks].map(async (href) => ({href, status: await linkStatus(href)})),
        );
        expect(broken.filter(({status}) => status !== 200).map(({href, status}) => `${href}: HTTP ${status}`)).toEqual(
          [],
        );
        if (urlPath === '/incidents') {
          expect(await v.page.locator('table[data-incident-index] tbody tr').count()).toBe(
            PAGES.filter((page) => page.startsWith('/blog/')).length,
          );
        }
        expect(await axeViolations(v.page)).toEqual([]);
        const wide: string[] = [];
        for (const width of WIDTHS) {
          await v.page.setViewportSize({width, height: 800});
          const {scrollWidth, clientWidth} = await v.page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          if (scrollWidth > clientWidth) wide.push(`${scrollWidth} px wide in ${clientWidth} px`);
        }
        expect(wide).toEqual([]);
      } finally {
        await v.close();
      }
    },
  );
});

describe('print', () => {
  it('a printed post keeps its header, tables and the replay figures, and drops navigation', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST);
    try {
      await v.page.emulateMedia({media: 'print'});
      const visible = (selector: string) => v.page.locator(selector).first().isVisible();
      await expect(visible('nav.navbar')).resolves.toBe(false);
      await expect(visible('footer.footer')).resolves.toBe(false);
      await expect(visible('nav.pagination-nav')).resolves.toBe(false);
      await expect(visible('[data-incident-header]')).resolves.toBe(true);
      await expect(visible('[data-replay-summary="before"]')).resolves.toBe(true);
      await expect(visible('article table')).resolves.toBe(true);
      await expect(visible('[aria-label="Replay controls"]')).resolves.toBe(false);
      const pdf = await v.page.pdf({format: 'A4'});
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await v.close();
    }
  });
});

describe('latency replay in a real browser', () => {
  const elapsed = (page: Page) => page.locator('[data-readout="elapsed"]').innerText();
  const seconds = async (page: Page) => {
    const text = await elapsed(page);
    const match = /Time: ([\d.]+) (ms|s) of/.exec(text);
    if (!match) throw new Error(`unexpected readout: ${text}`);
    return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
  };

  async function openReplay(options = {}, query = '') {
    const v = await visit(site.browser, site.server.origin, LEAD_POST + query, options);
    // The island loads as it comes into view.
    await v.page.locator('[data-island="latency-replay"]').scrollIntoViewIfNeeded();
    await v.page.locator('[data-replay-player="ready"]').waitFor();
    return v;
  }

  it('plays, pauses, restarts, scrubs and changes speed with the mouse', async () => {
    const v = await openReplay();
    const {page} = v;
    try {
      expect(await seconds(page)).toBe(12);
      await page.getByRole('button', {name: 'Play'}).click();
      await page.waitForTimeout(600);
      const playing = await seconds(page);
      expect(playing).toBeGreaterThan(0.2);
      expect(playing).toBeLessThan(12);
      await page.getByRole('button', {name: 'Pause'}).click();
      const paused = await seconds(page);
      await page.waitForTimeout(400);
      expect(await seconds(page)).toBe(paused);

      // A mouse click where the slider stands once the layout has settled (the locator waits for that).
      const slider = page.getByRole('slider');
      const box = (await slider.boundingBox())!;
      await slider.click({position: {x: box.width * 0.5, y: box.height / 2}});
      expect(Math.abs((await seconds(page)) - 6)).toBeLessThan(1);
      const readoutAtSix = await page.locator('[data-readout="before"]').innerText();
      await slider.click({position: {x: box.width * 0.25, y: box.height / 2}});
      expect(await page.locator('[data-readout="before"]').innerText()).not.toBe(readoutAtSix);

      await page.getByLabel('Speed').selectOption('8');
      await page.getByRole('button', {name: 'Restart'}).click();
      await page.waitForTimeout(700);
      expect(await seconds(page)).toBeGreaterThan(2); // 8× speed: well past the 0.7 s of wall time
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('does all of it from the keyboard alone, with visible focus', async () => {
    const v = await openReplay();
    const {page} = v;
    try {
      // Focus by keyboard, so :focus-visible applies, then check the outline shows.
      await page.getByRole('button', {name: 'Play'}).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

      await page.keyboard.press('Enter'); // Play
      await page.waitForTimeout(500);
      expect(await seconds(page)).toBeGreaterThan(0.1);
      await page.keyboard.press('Space'); // Pause (focus stays on the same button)
      const paused = await seconds(page);
      await page.waitForTimeout(300);
      expect(await seconds(page)).toBe(paused);

      await page.keyboard.press('Tab'); // Restart
      await page.keyboard.press('Enter');
      expect(await seconds(page)).toBeLessThan(1);
      await page.keyboard.press('Tab'); // Speed
      await page.keyboard.press('ArrowDown');
      expect(await page.getByLabel('Speed').inputValue()).not.toBe('1');
      await page.keyboard.press('Tab'); // Time slider
      await page.keyboard.press('End');
      expect(await seconds(page)).toBe(12);
      await page.keyboard.press('Home');
      expect(await seconds(page)).toBe(0);
      for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
      expect(await seconds(page)).toBeCloseTo(3, 1);
      await expect(page.locator('[aria-live="polite"]').innerText()).resolves.toMatch(/of 12.0 s/);
    } finally {
      await v.close();
    }
  });

  const requestsFor = (v: {page: Page}, pattern: RegExp) => {
    const seen: string[] = [];
    v.page.on('request', (request) => {
      if (pattern.test(request.url())) seen.push(request.url());
    });
    return seen;
  };
  const RECORDING = /\/assets\/lab\/recording\.[0-9a-f]{8}\.json$/;

  it('fetches a long scenario only when picked, marks the restart in every lane, and keeps the view in the address', async () => {
    const v = await openReplay();
    const {page} = v;
    try {
      const fetched = requestsFor(v, RECORDING);
      const verdict = page.locator('[data-verdict="before"]');
      expect(await verdict.innerText()).toMatch(/^No restart/);
      expect(fetched).toEqual([]);
      await page.getByLabel('Scenario').selectOption({label: 'Engine close 35 s'});
      await expect.poll(() => elapsed(page)).toMatch(/^Engine close 35 s\. Time: 42\.0 s of 42\.0 s$/);
      expect(fetched).toHaveLength(1);
      expect(await verdict.innerText()).toMatch(/^Pod restarted at 31\.0 s/);
      expect(await page.locator('[data-verdict="after"]').innerText()).toMatch(/^No restart/);
      const before = page.locator('section').filter({has: page.locator('[data-readout="before"]')});
      // The restart line crosses every pictured lane, and is labelled.
      expect(await before.locator('svg[role="img"] path[class*="restart"]').count()).toBe(PICTURED_LANES);
      await expect(before.getByText('pod restarted', {exact: true}).isVisible()).resolves.toBe(true);
      expect(
        await before
          .getByRole('img', {name: /^Before the fix, event loop: running .*; blocked 2\.\d+ s to 3\d\.\d s;/})
          .count(),
      ).toBe(1);

      // Mouse: scrub to before the restart; the marker is not there yet.
      const slider = page.getByRole('slider');
      const box = (await slider.boundingBox())!;
      await slider.click({position: {x: box.width * 0.5, y: box.height / 2}});
      expect(await before.locator('path[class*="restart"]').count()).toBe(0);
      // Nor does the verdict foretell it: only the kubelet probes so far.
      expect(await verdict.innerText()).toMatch(
        /^Kubelet so far: [0-2] of [23] probes failed, [0-2] in a row; 3 failed in a row restart the pod\.$/,
      );
      await expect.poll(() => new URL(page.url()).searchParams.get('close')).toBe('35');
      expect(Number(new URL(page.url()).searchParams.get('t'))).toBeCloseTo(21, 0);

      // Settings field cleared and retyped: 3, not 13.
      const timeout = page.getByLabel('timeoutSeconds');
      await timeout.fill('');
      await timeout.press('3');
      expect(await timeout.inputValue()).toBe('3');
      await expect.poll(() => new URL(page.url()).searchParams.get('timeout')).toBe('3');

      // The shared address opens the same view in a new page.
      const shared = page.url().slice(site.server.origin.length);
      const w = await visit(site.browser, site.server.origin, shared);
      try {
        await w.page.locator('[data-island="latency-replay"]').scrollIntoViewIfNeeded();
        await w.page.locator('[data-replay-player="ready"]').waitFor();
        await expect.poll(() => elapsed(w.page)).toBe(await elapsed(page));
        expect(await w.page.getByLabel('timeoutSeconds').inputValue()).toBe('3');
        expect(await w.page.locator('[data-verdict="before"]').innerText()).toBe(await verdict.innerText());
        expect(w.consoleErrors).toEqual([]);
        expect(await w.cspViolations()).toEqual([]);
      } finally {
        await w.close();
      }
      expect(v.consoleErrors).toEqual([]);
      expect(await v.cspViolations()).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('picks a scenario and hears the restart announced, by keyboard alone', async () => {
    const v = await openReplay();
    const {page} = v;
    try {
      await page.getByLabel('Scenario').focus();
      await page.keyboard.press('End'); // the longest scenario
      await expect.poll(() => elapsed(page)).toMatch(/^Engine close 125 s\./);
      await page.keyboard.press('Tab'); // Play
      await page.keyboard.press('Tab'); // Restart
      await page.keyboard.press('Tab'); // Speed
      await page.keyboard.press('End'); // 8×
      await page.keyboard.press('Tab'); // Time slider
      await page.keyboard.press('Home');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('PageUp'); // a tenth of the run each
      const from = await seconds(page);
      expect(from).toBeGreaterThan(5);
      expect(from).toBeLessThan(31);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab'); // Play
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('[aria-live="polite"]').innerText())
        .toBe('Before the fix: the kubelet restarts the pod at 31.0 s, after 3 failed probes in a row.');
      const before = page.locator('section').filter({has: page.locator('[data-readout="before"]')});
      await expect.poll(() => before.locator('svg[role="img"] path[class*="restart"]').count()).toBe(PICTURED_LANES);
      // Stepping back before the restart by keyboard takes the marker away again.
      await page.getByRole('slider').press('Home');
      expect(await before.locator('path[class*="restart"]').count()).toBe(0);
      await expect(page.locator('[data-verdict="before"]').innerText()).resolves.toBe(
        'Kubelet: no probe has answered or timed out yet; 3 failed in a row restart the pod.',
      );
    } finally {
      await v.close();
    }
  });

  it('downloads each run as CSV and the recording as JSON, both parseable', async () => {
    const v = await openReplay();
    const {page} = v;
    try {
      const download = async (name: string) => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', {name}).click()]);
        const chunks: Buffer[] = [];
        for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      };
      const csv = (await download('Probes of 125 s, before the fix, as CSV')).trimEnd().split('\n');
      expect(csv[0]).toBe('sent_at_ms,latency_ms,outcome');
      const rows = csv.slice(1).map((line) => line.split(','));
      expect(rows.length).toBeGreaterThan(1000);
      expect(
        rows.every(
          ([sent, latency, outcome]) =>
            Number.isFinite(Number(sent)) &&
            Number.isFinite(Number(latency)) &&
            /^(ok|timeout|error|http-error)$/.test(outcome),
        ),
      ).toBe(true);
      expect(rows.some(([, , outcome]) => outcome === 'timeout')).toBe(true);
      const json = JSON.parse(await download('The whole recording (JSON)'));
      expect(json.scenarios.map((s: {closeDelayMs: number}) => s.closeDelayMs)).toEqual([5000, 35000, 125000]);
    } finally {
      await v.close();
    }
  });

  it('shows the default scenario as static lanes, the scenario table and the downloads with JavaScript disabled', async () => {
    const v = await visit(site.browser, site.server.origin, LEAD_POST, {javaScriptEnabled: false});
    try {
      // Per run: probes, event loop, engine.
      expect(await v.page.locator('[data-replay-player="static"] svg[role="img"]').count()).toBe(
        RECONNECT_PATHS.length * PICTURED_LANES,
      );
      await expect(v.page.locator('[data-replay-summary="before"]').isVisible()).resolves.toBe(true);
      await expect(v.page.locator('[data-replay-summary="after"]').isVisible()).resolves.toBe(true);
      await expect(v.page.locator('[data-scenario="35"][data-run="before"]').innerText()).resolves.toMatch(
        /restart at 31\.0 s/,
      );
      expect(await v.page.getByRole('link', {name: /^Probes of \d+ s, (before|after) the fix, as CSV$/}).count()).toBe(
        6,
      );
      expect(await v.page.getByRole('button', {name: 'Play'}).count()).toBe(0);
    } finally {
      await v.close();
    }
  });

  it('labels the restart legibly over the failed probes in dark mode on a phone', async () => {
    const v = await openReplay({colorScheme: 'dark', viewport: {width: 375, height: 800}}, '?close=35');
    try {
      const label = v.page.getByText('pod restarted', {exact: true});
      await label.waitFor();
      const style = await label.evaluate((element) => {
        const css = getComputedStyle(element);
        return {
          fill: css.fill,
          stroke: css.stroke,
          paintOrder: css.paintOrder,
          // What is painted behind the replay: the nearest ancestor with a background of its own.
          background: (() => {
            for (let node: Element | null = element; node; node = node.parentElement) {
              const color = getComputedStyle(node).backgroundColor;
              if (color !== 'rgba(0, 0, 0, 0)') return color;
            }
            return 'rgb(255, 255, 255)';
          })(),
        };
      });
      // Drawn over probe bars of its own colour, the text keeps a halo of the page's background around it.
      expect(style.paintOrder).toMatch(/^stroke/);
      expect(style.stroke).toBe(style.background);
      expect(contrastRatio(style.fill, style.background)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await v.close();
    }
  });

  it('does not animate with reduced motion', async () => {
    const v = await openReplay({reducedMotion: 'reduce'});
    try {
      await expect(v.page.getByRole('button', {name: 'Play'}).isDisabled()).resolves.toBe(true);
      await v.page.waitForTimeout(300);
      expect(await seconds(v.page)).toBe(12);
    } finally {
      await v.close();
    }
  });
});
