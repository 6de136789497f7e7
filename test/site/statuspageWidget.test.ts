import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import type {IncidentRow} from '../../src/incidents/incidentIndex';
import {STATUSPAGE_FILES, statuspageApi} from '../../src/incidents/statuspage';
import {openSiteInBrowser} from '../support/siteInBrowser';

/**
 * What other tools read. Atlassian's own embeddable widget, @statuspage/status-widget from node_modules, on a page of another origin, reads
 * the site's /api/v2/summary.json and shows its status: proof that the shape is the one its clients read, and that
 * the files may be read across origins.
 */

const WIDGET = readFileSync(
  path.resolve(__dirname, '../../node_modules/@statuspage/status-widget/dist/index.js'),
  'utf8',
);

type Server = {origin: string; close(): Promise<void>};
function serve(answer: (url: string) => {type: string; body: string; headers?: Record<string, string>} | null) {
  return new Promise<Server>((resolve) => {
    const server = http.createServer((request, response) => {
      const found = answer(request.url ?? '/');
      if (!found) return response.writeHead(404).end();
      response.writeHead(200, {'content-type': found.type, ...found.headers}).end(found.body);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

const site = openSiteInBrowser();
let embed: Server;
let resolvedSite: Server;

beforeAll(async () => {
  // The embedding page: any origin but the site's.
  embed = await serve((url) => {
    if (url === '/widget.js') return {type: 'text/javascript', body: WIDGET};
    const src = new URL(url, 'http://embed').searchParams.get('src');
    return src === null
      ? null
      : {
          type: 'text/html',
          body: `<!doctype html><title>Embed</title><link rel="icon" href="data:,"><statuspage-widget src="${src}"></statuspage-widget><script src="/widget.js"></script>`,
        };
  });
  // A site whose every incident is resolved, from the same code that writes the real files.
  const rows = [
    {
      slug: 'a-incident',
      permalink: '/blog/a-incident',
      title: 'A resolved incident',
      description: 'What happened.',
      date: '2026-03-01',
      updates: [],
      incident: {date: '2026-02-27', severity: 'high', status: 'resolved', components: ['auth']},
    } as unknown as IncidentRow,
  ];
  const api = statuspageApi(rows, {
    siteUrl: 'http://resolved.example',
    name: 'Resolved',
    components: {auth: {label: 'Auth', description: 'Auth.'}},
  });
  resolvedSite = await serve((url) =>
    url === '/api/v2/summary.json'
      ? {
          type: 'application/json',
          body: JSON.stringify(api['summary.json']),
          headers: {'access-control-allow-origin': '*'},
        }
      : null,
  );
});

afterAll(async () => {
  await embed?.close();
  await resolvedSite?.close();
});

async function widgetOn(src: string) {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${embed.origin}/?src=${encodeURIComponent(src)}`);
  const text = page.locator('statuspage-widget .status-text');
  await expect.poll(() => text.innerText().catch(() => ''), {timeout: 20_000}).not.toBe('');
  const shown = {
    text: await text.innerText(),
    indicator: await page.locator('statuspage-widget .status-indicator').getAttribute('class'),
    errors,
  };
  await page.close();
  return shown;
}

describe("Atlassian's status widget, embedded on another origin", () => {
  it("shows the site's overall status: an incident still under investigation, its severity not stated", async () => {
    const summary = await (await fetch(`${site.server.origin}/api/v2/summary.json`)).json();
    expect(summary.status).toEqual({indicator: 'minor', description: '1 unresolved incident, severity not stated'});
    const shown = await widgetOn(site.server.origin);
    expect(shown.text).toBe('1 unresolved incident, severity not stated');
    expect(shown.indicator?.split(/\s+/)).toContain('minor');
    expect(shown.errors).toEqual([]);
  });

  it('shows all systems operational for a site whose incidents are all resolved', async () => {
    const shown = await widgetOn(resolvedSite.origin);
    expect(shown.text).toBe('All Systems Operational');
    expect(shown.indicator?.split(/\s+/)).toContain('none');
    expect(shown.errors).toEqual([]);
  });
});

describe('the Statuspage-shaped files', () => {
  it('each validate against the JSON Schema published beside them', async () => {
    const get = async (path: string) => (await fetch(`${site.server.origin}${path}`)).json();
    const schema = await get('/schemas/statuspage-v2.schema.json');
    const validate = new Ajv2020({allErrors: true, strict: false})
      .addFormat('uri', true)
      .addFormat('date-time', true)
      .compile(schema);
    for (const file of STATUSPAGE_FILES) {
      const data = await get(`/api/v2/${file}`);
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const summary = await get('/api/v2/summary.json');
    summary.status.indicator = 'unknown';
    expect(validate(summary)).toBe(false);
  });
});

describe('status badges', () => {
  it('render their status as text, the site and every component alike, as the API states it', async () => {
    const components = (await (await fetch(`${site.server.origin}/api/v2/components.json`)).json()).components;
    const page = await site.browser.newPage();
    try {
      const shown = async (badge: string) => {
        const response = await page.goto(`${site.server.origin}/badges/${badge}`);
        expect(response?.headers()['content-type'], badge).toContain('image/svg+xml');
        return page.locator('text').allTextContents();
      };
      expect(await shown('status.svg')).toEqual(['LiteLLM', '1 unresolved incident, severity not stated']);
      const words = {operational: 'operational', degraded_performance: 'degraded performance'} as Record<
        string,
        string
      >;
      for (const {id, name, status} of components)
        expect(await shown(`components/${id}.svg`), id).toEqual([name, words[status]]);
    } finally {
      await page.close();
    }
  });
});
