import {describe, expect, it} from 'vitest';

import {STATUSPAGE_FILES, statuspageApi} from '../../src/incidents/statuspage';
import {statuspageSchemas} from '../../src/incidents/statuspageSchema';
import {exampleRow} from '../support/examplePost';

const SITE = 'https://incidents.example';
const components = {
  auth: {label: 'Auth and model access', description: 'Who may call which model.'},
  router: {label: 'Router', description: 'How the proxy picks a deployment.'},
};

describe('the Statuspage-shaped API', () => {
  it('with every incident resolved: operational, each post the post-mortem of its incident, dated by its publication', () => {
    const api = statuspageApi(
      [
        exampleRow(
          'a-incident',
          {tracking_id: 'LIT-1', status_note: 'as the vendor stated it'},
          {updates: [{date: '2026-03-04', note: 'Added a figure.'}]},
        ),
        exampleRow('b-incident', {date: '2026-02', components: ['router']}, {date: '2026-02-20'}),
      ],
      {siteUrl: SITE, name: 'Incidents', components},
    );
    expect(Object.keys(api)).toEqual([...STATUSPAGE_FILES]);
    expect(api['status.json'].status).toEqual({indicator: 'none', description: 'All Systems Operational'});
    expect(api['summary.json'].incidents).toEqual([]);
    expect(api['incidents/unresolved.json'].incidents).toEqual([]);
    expect(api['status.json'].page.updated_at).toBe('2026-03-04T00:00:00.000Z');
    expect(api['components.json'].components.map(({id, name, status}) => [id, name, status])).toEqual([
      ['auth', 'Auth and model access', 'operational'],
      ['router', 'Router', 'operational'],
    ]);
    const [a, b] = api['incidents.json'].incidents;
    expect(a).toMatchObject({
      id: 'LIT-1',
      name: 'Title of a-incident',
      status: 'postmortem',
      impact: 'major',
      shortlink: `${SITE}/blog/a-incident`,
      postmortem_url: `${SITE}/blog/a-incident`,
      created_at: '2026-03-01T00:00:00.000Z',
      // A revision changes the text, not the incident: no update, no later date.
      updated_at: '2026-03-01T00:00:00.000Z',
      // What an incident's date marks is not always its start.
      started_at: null,
      resolved_at: null,
    });
    expect(a.incident_updates.map(({status, body, display_at}) => [status, body, display_at])).toEqual([
      ['postmortem', 'What happened in a-incident. Status: as the vendor stated it.', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(b).toMatchObject({id: 'b-incident', created_at: '2026-02-20T00:00:00.000Z'});
  });

  it('with an unresolved incident: its impact on the overall status and on the components it lists', () => {
    const api = statuspageApi(
      [exampleRow('a-incident', {status: 'identified'}), exampleRow('b-incident', {components: ['router']})],
      {siteUrl: SITE, name: 'Incidents', components},
    );
    expect(api['summary.json'].status).toEqual({
      indicator: 'major',
      description: 'Partial System Outage: 1 unresolved incident',
    });
    expect(api['summary.json'].incidents.map(({id, status, postmortem_url}) => [id, status, postmortem_url])).toEqual([
      ['a-incident', 'identified', null],
    ]);
    expect(api['summary.json'].components.map(({id, status}) => [id, status])).toEqual([
      ['auth', 'partial_outage'],
      ['router', 'operational'],
    ]);
  });

  it('says the severity is not stated rather than sizing an outage no source sizes', () => {
    const api = statuspageApi([exampleRow('a-incident', {status: 'investigating', severity: 'not-stated'})], {
      siteUrl: SITE,
      name: 'Incidents',
      components,
    });
    expect(api['status.json'].status).toEqual({
      indicator: 'minor',
      description: '1 unresolved incident, severity not stated',
    });
    // No impact on the incident or its components; the indicator only marks that one is open.
    expect(api['incidents.json'].incidents[0]).toMatchObject({impact: null, severity: 'not-stated'});
    expect(api['components.json'].components[0].status).toBe('operational');
  });

  it('writes files its schema accepts, and the schema refuses a status Statuspage does not have', () => {
    const api = statuspageApi(
      [exampleRow('a-incident', {}), exampleRow('b-incident', {status: 'monitoring', severity: 'not-stated'})],
      {
        siteUrl: SITE,
        name: 'Incidents',
        components,
      },
    );
    for (const file of STATUSPAGE_FILES)
      expect(statuspageSchemas[file].safeParse(api[file]).error, file).toBeUndefined();
    const broken = structuredClone(api['status.json']);
    (broken.status as {indicator: string}).indicator = 'unknown';
    expect(statuspageSchemas['status.json'].safeParse(broken).success).toBe(false);
  });

  it('gives an incident with a timeline one update per entry, newest first, in the state each left', () => {
    const timeline = [
      {at: '2026-03-24T10:39:00Z', status: 'investigating', body: 'Requests fail[^product-page].'},
      {
        at: '2026-03-24T14:00:00-04:00',
        status: 'monitoring',
        body: 'A fix is out.',
        components: {auth: 'degraded_performance'},
      },
      {at: '2026-03-25', body: 'Still watching.'},
    ];
    const api = statuspageApi([exampleRow('a-incident', {status: 'monitoring', severity: 'high', timeline} as never)], {
      siteUrl: SITE,
      name: 'Incidents',
      components,
    });
    const [incident] = api['incidents.json'].incidents;
    expect(incident.incident_updates.map(({status, created_at, body}) => [status, created_at, body])).toEqual([
      ['monitoring', '2026-03-25T00:00:00.000Z', 'Still watching.'],
      ['monitoring', '2026-03-24T18:00:00.000Z', 'A fix is out.'],
      ['investigating', '2026-03-24T10:39:00.000Z', 'Requests fail.'],
    ]);
    expect(incident).toMatchObject({
      created_at: '2026-03-24T10:39:00.000Z',
      updated_at: '2026-03-25T00:00:00.000Z',
      monitoring_at: '2026-03-24T18:00:00.000Z',
      resolved_at: null,
    });
    expect(incident.incident_updates[1].affected_components).toEqual([
      {code: 'auth', new_status: 'degraded_performance'},
    ]);
    // The entry's stated impact, not the one its severity stands for.
    expect(api['components.json'].components.map(({id, status}) => [id, status])).toEqual([
      ['auth', 'degraded_performance'],
      ['router', 'operational'],
    ]);
    for (const file of STATUSPAGE_FILES)
      expect(statuspageSchemas[file].safeParse(api[file]).error, file).toBeUndefined();
  });
});
