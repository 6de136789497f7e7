import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {LATENCY_REPLAY_CHUNK} from '../../src/plugins/latencyReplay';
import {BUILD_DIR} from '../support/builtSite';
import {fileBytes, pageWeight} from '../support/pageWeight';
import {useSiteInBrowser} from '../support/siteInBrowser';

const WIDGET_GZIP_BUDGET = 15 * 1024;
const LEAD_POST_JS_OVER_BASELINE = 1.1;
const LEAD_POST = '/blog/prisma-reconnect-blocking-incident';
// A plain Docusaurus blog post from the same build: no widget, similar length.
const BASELINE_POST = '/blog/httpx-cache-eviction-incident';

const site = useSiteInBrowser();

function widgetChunk(): string {
  const chunks = readdirSync(path.join(BUILD_DIR, 'assets/js')).filter((file) => file.startsWith(`${LATENCY_REPLAY_CHUNK}.`));
  expect(chunks, 'exactly one latency-replay chunk in build/assets/js').toHaveLength(1);
  return path.join('assets/js', chunks[0]);
}

describe('byte budgets', () => {
  it(`the widget chunk stays under ${WIDGET_GZIP_BUDGET / 1024} KB gzipped`, () => {
    const {raw, gzip} = fileBytes(path.join(BUILD_DIR, widgetChunk()));
    expect(gzip, `widget chunk: ${raw} B raw, ${gzip} B gzipped; budget ${WIDGET_GZIP_BUDGET} B`).toBeLessThan(WIDGET_GZIP_BUDGET);
  });

  it('only the lead post loads the widget chunk', async () => {
    const chunk = widgetChunk();
    expect((await pageWeight(site.browser, site.server.origin, LEAD_POST)).scripts).toContain(chunk);
    for (const other of ['/', '/incidents', BASELINE_POST]) {
      expect((await pageWeight(site.browser, site.server.origin, other)).scripts, other).not.toContain(chunk);
    }
  });

  it(`the lead post ships at most ${Math.round((LEAD_POST_JS_OVER_BASELINE - 1) * 100)}% more gzipped JS than a post without the widget`, async () => {
    const lead = await pageWeight(site.browser, site.server.origin, LEAD_POST);
    const baseline = await pageWeight(site.browser, site.server.origin, BASELINE_POST);
    const limit = Math.floor(baseline.js.gzip * LEAD_POST_JS_OVER_BASELINE);
    expect(lead.js.gzip, `lead post ${lead.js.gzip} B gzipped JS; baseline ${baseline.js.gzip} B; limit ${limit} B`).toBeLessThanOrEqual(limit);
  });
});
