import {describe, expect, it} from 'vitest';

import {formatCalendarDate, parseIncidentMeta, parseIncidentUpdates, toCalendarDate} from '../../src/incidents/incidentMeta';

const SOURCE = 'blog/example_incident/index.md';
const valid = {
  date: '2026-02-16',
  duration: 'About 3 hours',
  severity: 'high',
  status: 'resolved',
};
const parse = (incident: unknown) => parseIncidentMeta({incident}, SOURCE);

describe('parseIncidentMeta', () => {
  it('accepts a complete incident and keeps optional fields', () => {
    expect(parse({...valid, fixed_in: 'v1.81.14.rc.2', tracking_id: 'LIT-2614', date_note: 'first reported'})).toEqual({
      ...valid,
      fixed_in: 'v1.81.14.rc.2',
      tracking_id: 'LIT-2614',
      date_note: 'first reported',
    });
  });

  it('reads the Date YAML makes of an unquoted date, and the ISO string JSON makes of that', () => {
    expect(parse({...valid, date: new Date(Date.UTC(2026, 3, 21))}).date).toBe('2026-04-21');
    expect(parse({...valid, date: '2026-04-21T00:00:00.000Z'}).date).toBe('2026-04-21');
  });

  it('parses its own output to the same value', () => {
    const once = parse({...valid, severity_scope: 'for vLLM users'});
    expect(parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it.each([
    ['a missing incident block', undefined, '"incident" is required on every incident post'],
    ['an incident that is not a mapping', 'high', '"incident" is required on every incident post'],
    ['an unknown severity', {...valid, severity: 'urgent'}, '"incident.severity" must be one of critical, high, medium, low, not-stated; got "urgent"'],
    ['a missing status', {...valid, status: undefined}, '"incident.status" must be one of investigating, identified, monitoring, resolved; got nothing'],
    ['an unknown status', {...valid, status: 'fixed'}, '"incident.status" must be one of'],
    ['a bad date', {...valid, date: '16/02/2026'}, '"incident.date" must be a calendar date written YYYY-MM-DD; got "16/02/2026"'],
    ['an impossible date', {...valid, date: '2026-02-30'}, '"incident.date" must be a calendar date'],
    ['a missing date', {...valid, date: undefined}, '"incident.date" must be a calendar date written YYYY-MM-DD; got nothing'],
    ['a missing duration', {...valid, duration: undefined}, '"incident.duration" must be non-empty text; got nothing'],
    ['a blank duration', {...valid, duration: '  '}, '"incident.duration" must be non-empty text'],
    ['a numeric fixed_in', {...valid, fixed_in: 1.81}, '"incident.fixed_in" must be non-empty text; got 1.81'],
    ['a malformed tracking id', {...valid, tracking_id: 'lit 2614'}, '"incident.tracking_id" must look like LIT-2614; got "lit 2614"'],
    ['a misspelt field', {...valid, sevrity: 'high'}, '"incident.sevrity" is not a known field'],
  ])('rejects %s with one line naming the file and the field', (_name, incident, message) => {
    let error: unknown;
    try {
      parse(incident);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text.startsWith(`${SOURCE}: front matter `)).toBe(true);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});

describe('toCalendarDate', () => {
  it('rejects times other than midnight UTC, which would shift the day', () => {
    expect(toCalendarDate('2026-04-21T13:00:00Z')).toBeUndefined();
    expect(toCalendarDate(new Date('invalid'))).toBeUndefined();
  });
});

describe('formatCalendarDate', () => {
  it('writes the day in words, independent of the machine time zone', () => {
    expect(formatCalendarDate('2026-04-21')).toBe('21 April 2026');
  });
});

describe('parseIncidentUpdates', () => {
  const updates = (value: unknown) => parseIncidentUpdates({updates: value}, SOURCE);

  it('is empty for a post never revised, and keeps dated notes oldest first', () => {
    expect(parseIncidentUpdates({}, SOURCE)).toEqual([]);
    expect(updates([{date: new Date(Date.UTC(2026, 4, 1)), note: ' Added a figure. '}, {date: '2026-05-02', note: 'Fixed a link.'}])).toEqual([
      {date: '2026-05-01', note: 'Added a figure.'},
      {date: '2026-05-02', note: 'Fixed a link.'},
    ]);
  });

  it.each([
    ['a mapping instead of a list', {date: '2026-05-01'}, '"updates" must be a list of {date, note}'],
    ['a bad date', [{date: 'May 1', note: 'x'}], '"updates[0].date" must be a calendar date written YYYY-MM-DD; got "May 1"'],
    ['an empty note', [{date: '2026-05-01', note: ''}], '"updates[0].note" must say what changed'],
    ['updates out of order', [{date: '2026-05-02', note: 'b'}, {date: '2026-05-01', note: 'a'}], '"updates[1].date" (2026-05-01) is earlier than the update before it'],
  ])('rejects %s, naming the file and the field', (_name, value, message) => {
    expect(() => updates(value)).toThrow(`${SOURCE}: front matter ${message}`);
  });
});
