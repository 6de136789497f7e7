import {readdirSync} from 'node:fs';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020';
import {describe, expect, it} from 'vitest';

import type {IncidentsJson} from '../../src/incidents/incidentsJsonSchema';
import {INCIDENT_NOTES} from '../../src/incidents/vocabulary';
import {PRODUCTION_URL} from '../../src/site/deployment';
import {INCIDENT_POSTS, parseBuiltPage, readBuilt} from '../support/builtSite';

/** /incidents, its filtered views and /incidents.json, as built. */

const BLOG = path.resolve(__dirname, '../../blog');
const folders = readdirSync(BLOG, {withFileTypes: true}).filter((entry) => entry.isDirectory());
const json = JSON.parse(readBuilt('incidents.json')) as IncidentsJson;
const index = parseBuiltPage('/incidents');
const rowsOf = (page: ReturnType<typeof parseBuiltPage>) =>
  page.querySelectorAll('table[data-incident-index] tbody tr');

describe('/incidents', () => {
  it('lists all eight incident reports', () => {
    expect(folders.length).toBe(8);
    expect(rowsOf(index).length).toBe(8);
    const links = rowsOf(index).map((row) => row.querySelector('th a')?.getAttribute('href'));
    for (const {slug} of INCIDENT_POSTS) expect(links).toContain(`/blog/${slug}`);
  });

  it("shows every incident's versions in the HTML, for readers without JavaScript", () => {
    const versions = Object.fromEntries(
      rowsOf(index).map((row) => [
        row.querySelector('th a')!.getAttribute('href'),
        row.querySelector('td[data-versions]')!.text,
      ]),
    );
    expect(versions['/blog/security-update-march-2026']).toBe('PyPI litellm: affected 1.82.7, 1.82.8');
    expect(versions['/blog/guardrail-logging-secret-exposure-incident']).toBe(
      'PyPI litellm: first affected not stated, fixed in 1.82.3',
    );
    expect(versions['/blog/prisma-reconnect-blocking-incident']).toBe('Not stated');
    expect(versions['/blog/responses-api-encrypted-content-incident']).toBe(
      'LiteLLM release (package not stated): the remedy requires 1.82.3 or later',
    );
  });

  it('has a version form that works as a plain GET without JavaScript', () => {
    const form = index.querySelector('[data-island="version-check"] form')!;
    expect(form.getAttribute('action')).toBe('/incidents');
    expect(form.getAttribute('method')).toBe('get');
    const input = form.querySelector('input')!;
    expect(input.getAttribute('name')).toBe('version');
    expect(form.querySelector(`label[for="${input.id}"]`)?.text).toBe('LiteLLM version');
    expect(form.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
  });

  it('links a pre-built view for every component, severity and year, each listing exactly its incidents', () => {
    const links = index
      .querySelectorAll('nav[aria-label="Filter incidents"] a')
      .map((a) => a.getAttribute('href')!)
      .filter((href) => href !== '/incidents');
    expect(links).toEqual(
      expect.arrayContaining([
        '/incidents/component/cost-tracking',
        '/incidents/severity/high',
        '/incidents/year/2026',
      ]),
    );
    for (const href of links) {
      const [, , kind, value] = href.split('/');
      const listed = rowsOf(parseBuiltPage(href)).map((row) => row.querySelector('th a')!.getAttribute('href'));
      const expected = json.incidents
        .filter((incident) =>
          kind === 'component'
            ? incident.components.some((c) => c.key === value)
            : kind === 'severity'
              ? incident.severity === value
              : incident.incidentDate.startsWith(value),
        )
        .map((incident) => new URL(incident.url).pathname);
      expect(listed, href).toEqual(expected);
    }
  });

  it('links /incidents.json, in the text and in its head', () => {
    expect(index.querySelector('main a[href="/incidents.json"]')).not.toBeNull();
    expect(
      index.querySelector('head link[rel="alternate"][type="application/json"][href="/incidents.json"]'),
    ).not.toBeNull();
  });
});

describe('/incidents.json', () => {
  it('validates against /incidents.schema.json, which its $schema names and which refuses a broken entry', () => {
    const schema = JSON.parse(readBuilt('incidents.schema.json'));
    expect(json.$schema).toBe(`${PRODUCTION_URL}/incidents.schema.json`);
    expect(schema.$id).toBe(json.$schema);
    const validate = new Ajv2020({allErrors: true, strict: false}).addFormat('uri', true).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(json) as unknown as {incidents: Record<string, unknown>[]};
    broken.incidents[0].severity = 'urgent';
    delete broken.incidents[1].slug;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/incidents/0/severity', '/incidents/1']),
    );
  });

  it('has one entry per incident, in the order of the page, matching what the pages show', () => {
    expect(json.schemaVersion).toBe(1);
    expect(json.homePage).toBe(`${PRODUCTION_URL}/incidents`);
    expect(json.incidents.map((incident) => new URL(incident.url).pathname)).toEqual(
      rowsOf(index).map((row) => row.querySelector('th a')!.getAttribute('href')),
    );
    for (const incident of json.incidents) {
      const page = parseBuiltPage(new URL(incident.url).pathname);
      expect(page.querySelector('article h1')?.text.trim()).toBe(incident.title);
      expect(new URL(incident.url).pathname).toBe(`/blog/${incident.slug}`);
      const header = page.querySelector('[data-incident-header]')!;
      expect(header.querySelector('[data-severity]')?.getAttribute('data-severity')).toBe(incident.severity);
      expect(header.querySelector('time')?.getAttribute('datetime')).toBe(incident.incidentDate);
      const listed = page.querySelectorAll('ol[data-sources] a[id^="source-"]').map((a) => a.getAttribute('href'));
      expect(incident.sources.map((source) => source.url)).toEqual(listed);
    }
  });

  it('carries each field an operator scripts against, with the type the README gives', () => {
    for (const incident of json.incidents) {
      expect(incident).toEqual({
        slug: expect.any(String),
        url: expect.stringMatching(/^https:\/\//),
        title: expect.any(String),
        description: expect.any(String),
        incidentDate: expect.stringMatching(/^\d{4}-\d{2}(-\d{2})?$/),
        published: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        updates: expect.any(Array),
        severity: expect.stringMatching(/^(critical|high|medium|low|not-stated)$/),
        status: expect.stringMatching(/^(investigating|identified|monitoring|resolved)$/),
        statusSince: incident.statusSince === null ? null : expect.any(String),
        postMortem: expect.stringMatching(/^(published|pending|to follow)$/),
        timeline: expect.any(Array),
        duration: expect.any(String),
        components: expect.arrayContaining([{key: expect.any(String), label: expect.any(String)}]),
        versions: incident.versions === 'not stated' ? 'not stated' : expect.any(Array),
        // Each fact in words: text, or null where the post gives none.
        ...Object.fromEntries(
          Object.values(INCIDENT_NOTES).map(({json}) => [
            json,
            incident[json as keyof typeof incident] === null ? null : expect.any(String),
          ]),
        ),
        trackingId: incident.trackingId === null ? null : expect.stringMatching(/^[A-Z]+-\d+$/),
        osv:
          incident.osv === null
            ? null
            : {id: expect.stringMatching(/^LITELLM-IR-[a-z0-9-]+$/), url: expect.any(String)},
        sources: expect.any(Array),
      });
    }
    const supplyChain = json.incidents.find((incident) => incident.slug === 'security-update-march-2026')!;
    expect(supplyChain.versions).toEqual([
      expect.objectContaining({
        package: 'pypi',
        affected: ['1.82.7', '1.82.8'],
        fixed: null,
        source: {id: 'product-page', url: expect.stringContaining('security_update_march_2026')},
      }),
    ]);
    expect(supplyChain.status).toBe('investigating');
    const responses = json.incidents.find((incident) => incident.slug === 'responses-api-encrypted-content-incident')!;
    expect(responses.versions).toEqual([
      expect.objectContaining({
        affected: [],
        fixed: null,
        requires: '1.82.3',
        source: expect.objectContaining({id: 'docs-load-balancing'}),
        rangeIncludesAffected: [
          {
            url: expect.stringMatching(/\/blog\/security-update-march-2026$/),
            title: 'Suspected supply-chain compromise of PyPI releases 1.82.7 and 1.82.8',
            versions: ['1.82.7', '1.82.8'],
          },
        ],
      }),
    ]);
    expect(supplyChain.versions).toEqual([expect.objectContaining({rangeIncludesAffected: []})]);
    expect(json.incidents.find((incident) => incident.slug === 'prisma-reconnect-blocking-incident')!.trackingId).toBe(
      'LIT-2614',
    );
  });
});

describe('incident headers', () => {
  it('show affected and fixed versions with their source, or "Not stated"', () => {
    const row = (slug: string, term: string) =>
      parseBuiltPage(`/blog/${slug}`)
        .querySelectorAll('[data-incident-header] div')
        .find((div) => div.querySelector('dt')?.text === term)!
        .querySelector('dd')!;
    const supplyChain = row('security-update-march-2026', 'Versions');
    expect(supplyChain.text).toContain('PyPI litellm: affected 1.82.7, 1.82.8');
    expect(supplyChain.querySelector('sup.citation a')?.getAttribute('href')).toBe('#source-product-page');
    expect(row('guardrail-logging-secret-exposure-incident', 'Versions').text).toContain('fixed in 1.82.3');
    expect(row('vllm-embeddings-incident', 'Versions').text).toBe('Not stated');
    // The status follows from the timeline's latest stated state, dated.
    expect(row('security-update-march-2026', 'Status').text).toBe('Investigating, as stated 27 Mar 2026[1]');
  });

  it("warn, with a link, where a range takes in another incident's affected versions: in the facts and in the answer", () => {
    const cautions = (slug: string, where: string) =>
      parseBuiltPage(`/blog/${slug}`).querySelectorAll(`[data-${where}] [data-range-overlap]`);
    for (const [slug, from] of [
      ['responses-api-encrypted-content-incident', '1.82.3'],
      ['guardrail-logging-secret-exposure-incident', '1.82.3'],
      ['httpx-cache-eviction-incident', 'v1.81.14.rc.2'],
    ]) {
      for (const where of ['incident-header', 'what-to-do']) {
        const [caution, ...more] = cautions(slug, where);
        expect(more, `${slug}, ${where}`).toEqual([]);
        expect(caution.text).toBe(
          `Caution: ${from} or later includes 1.82.7 and 1.82.8, affected by Suspected supply-chain compromise of PyPI releases 1.82.7 and 1.82.8.`,
        );
        expect(caution.querySelector('a')?.getAttribute('href')).toBe('/blog/security-update-march-2026');
      }
    }
    expect(cautions('security-update-march-2026', 'incident-header')).toEqual([]);
    expect(cautions('security-update-march-2026', 'what-to-do')).toEqual([]);
  });
});
