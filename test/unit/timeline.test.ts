import {describe, expect, it} from 'vitest';

import {parseIncidentPost} from '../../src/incidents/frontMatterSchema';
import {entriesByDay, formatStamp, parseStamp, postMortemDue} from '../../src/incidents/timeline';
import {localTime} from '../../src/islands/localTimes';
import {EXAMPLE_POST} from '../support/examplePost';

const FILE = 'blog/example_incident/index.md';
const NOW = Date.parse('2026-03-25T12:00:00Z');
const incident = (fields: Record<string, unknown>) => ({
  date: '2026-03-24',
  duration: 'Not stated',
  severity: 'not-stated',
  components: ['embeddings', 'auth'],
  versions: 'not stated',
  cite: {date: 'product-page'},
  ...fields,
});
const entry = (at: string, fields: Record<string, unknown> = {}) => ({
  at,
  body: 'What was known[^product-page].',
  ...fields,
});
const parse = (fields: Record<string, unknown>) =>
  parseIncidentPost({...EXAMPLE_POST, date: '2026-03-24', incident: incident(fields)}, FILE, {
    today: '2026-03-25',
    now: NOW,
    components: ['embeddings', 'auth'],
    tags: ['incident-report'],
    authors: ['incident-editors'],
  }).incident;
const faultsOf = (fields: Record<string, unknown>) => {
  try {
    parse(fields);
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  throw new Error('expected faults');
};

describe('incident.timeline', () => {
  it('gives the status: its latest stated state, through updates that keep it', () => {
    const parsed = parse({
      timeline: [
        entry('2026-03-24T14:00:00-04:00', {status: 'investigating'}),
        entry('2026-03-25T09:00:00Z', {status: 'identified', components: {auth: 'partial_outage'}}),
        entry('2026-03-25T10:00:00Z'),
      ],
    });
    expect(parsed.status).toBe('identified');
    expect(parsed.timeline).toHaveLength(3);
  });

  it.each([
    [
      'a time without its offset',
      [entry('2026-03-24T14:00', {status: 'investigating'})],
      'incident.timeline[0].at (2026-03-24T14:00) has no offset',
    ],
    [
      'an impossible day',
      [entry('2026-02-30', {status: 'investigating'})],
      'incident.timeline[0].at (2026-02-30) is not a real day',
    ],
    [
      'an unquoted time, which YAML reads as a date',
      [{...entry('x', {status: 'investigating'}), at: new Date()}],
      'incident.timeline[0].at must be quoted',
    ],
    [
      'a timeline that never states the state',
      [entry('2026-03-24'), entry('2026-03-25')],
      'incident.timeline[1].status is missing on every entry',
    ],
    [
      'entries out of order',
      [entry('2026-03-25T09:00:00Z', {status: 'investigating'}), entry('2026-03-24T09:00:00Z')],
      'incident.timeline[1].at (2026-03-24T09:00:00Z) is earlier than an entry before it',
    ],
    [
      'a day-only entry after a timed entry of the same UTC day',
      [entry('2026-03-24T20:00:00-04:00', {status: 'investigating'}), entry('2026-03-25')],
      'incident.timeline[1].at (2026-03-25) gives only a day, after an entry with a time on that day (UTC)',
    ],
    [
      'an entry after the build',
      [entry('2026-03-26T09:00:00Z', {status: 'investigating'})],
      'incident.timeline[0].at (2026-03-26T09:00:00Z) is after this build',
    ],
    [
      'a state that goes back without saying the incident was reopened',
      [entry('2026-03-24T09:00:00Z', {status: 'resolved'}), entry('2026-03-24T10:00:00Z', {status: 'investigating'})],
      'incident.timeline[1].status (investigating) goes back from resolved: if the incident was reopened, add reopened: true',
    ],
    [
      '"reopened" on an entry that does not go back',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', reopened: true})],
      'incident.timeline[0].reopened is only for an entry whose status goes back',
    ],
    [
      'an undeclared citation in a body',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', body: 'Known[^nope].'})],
      'incident.timeline[0].body cites "nope", which is not among the ids this post declares',
    ],
    [
      'a component the incident does not list',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', components: {database: 'major_outage'}})],
      'incident.timeline[0].components.database names "database", which incident.components does not list',
    ],
    [
      'markup in a body',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', body: 'Fixed<script>alert(1)</script>[^pr-1].'})],
      'incident.timeline[0].body must be plain text but holds markup',
    ],
    [
      'a body that cites no source',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', body: 'The cause is found.'})],
      'incident.timeline[0].body cites no source; put [^id] right after what it supports',
    ],
    [
      'an empty body',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', body: ''})],
      'incident.timeline[0].body must say what was known then, cited [^id]; got ""',
    ],
    [
      'a misspelt key, which would drop its content',
      [{...entry('2026-03-24T09:00:00Z'), stauts: 'investigating'}],
      'incident.timeline[0].stauts is not a known field; did you mean "status"?',
    ],
    [
      'an impact Statuspage has no word for',
      [entry('2026-03-24T09:00:00Z', {status: 'investigating', components: {auth: 'down'}})],
      'incident.timeline[0].components.auth must be one of operational, degraded_performance, partial_outage, major_outage',
    ],
  ])('refuses %s, naming the file, field and entry', (_, timeline, expected) => {
    const faults = faultsOf({timeline});
    expect(
      faults.some((line) => line.startsWith(`${FILE}: `) && line.includes(expected)),
      faults.join('\n'),
    ).toBe(true);
  });

  it('takes entries before the first stated state, which leave it unstated until then', () => {
    const parsed = parse({
      timeline: [entry('2026-03-24T10:39:00Z'), entry('2026-03-24T14:00:00Z', {status: 'identified'})],
    });
    expect(parsed.status).toBe('identified');
  });

  it('accepts a reopened incident that says so', () => {
    const parsed = parse({
      timeline: [
        entry('2026-03-24T09:00:00Z', {status: 'resolved'}),
        entry('2026-03-24T10:00:00Z', {status: 'investigating', reopened: true}),
      ],
    });
    expect(parsed.status).toBe('investigating');
  });

  it('takes no second status beside it, which could disagree', () => {
    const faults = faultsOf({
      status: 'resolved',
      status_note: 'as stated',
      timeline: [entry('2026-03-24', {status: 'investigating'})],
    });
    expect(
      faults.filter((line) => /incident\.status(_note)? cannot be given beside incident\.timeline/.test(line)),
    ).toHaveLength(2);
  });
});

describe('stamps as readers see them', () => {
  it('in UTC, with the instant or the day as the datetime', () => {
    expect(formatStamp('2026-03-24T14:00:00-04:00')).toEqual({
      label: '24 Mar 2026, 18:00 UTC',
      datetime: '2026-03-24T18:00:00.000Z',
    });
    expect(formatStamp('2026-03-25')).toEqual({label: '25 Mar 2026', datetime: '2026-03-25'});
  });

  it('grouped by their UTC day, newest first: 23:30 in New York is the next day in UTC', () => {
    const days = entriesByDay([entry('2026-03-24T10:00:00Z'), entry('2026-03-24T23:30:00-04:00'), entry('2026-03-26')]);
    expect(days.map(({day, entries}) => [day, entries.map(({at}) => at)])).toEqual([
      ['2026-03-26', ['2026-03-26']],
      ['2026-03-25', ['2026-03-24T23:30:00-04:00']],
      ['2026-03-24', ['2026-03-24T10:00:00Z']],
    ]);
    expect(parseStamp('2026-03-24T23:30:00-04:00')).toMatchObject({kind: 'instant', utcDay: '2026-03-25'});
  });
});

describe("the reader's own time, beside a UTC stamp", () => {
  it('names the offset and the zone, and the day where it differs from the UTC day', () => {
    expect(localTime('2026-03-24T18:00:00.000Z', 'America/New_York')).toBe(
      'your time: 14:00 GMT-4, Eastern Daylight Time',
    );
    expect(localTime('2026-03-25T02:45:00.000Z', 'America/New_York')).toBe(
      'your time: 24 Mar, 22:45 GMT-4, Eastern Daylight Time',
    );
    expect(localTime('2026-03-24T20:00:00.000Z', 'Asia/Kolkata')).toBe(
      'your time: 25 Mar, 01:30 GMT+5:30, India Standard Time',
    );
  });
});

describe('the post-mortem sections', () => {
  it('are due once resolved, and not before, nor where the post-mortem is pending', () => {
    const timeline = (status: string) => [{at: '2026-03-24', status}];
    expect(postMortemDue({timeline: timeline('investigating')})).toBe(false);
    expect(postMortemDue({timeline: timeline('resolved')})).toBe(true);
    expect(postMortemDue({timeline: timeline('resolved'), postmortem: 'pending'})).toBe(false);
    // A post without a timeline is a post-mortem, as every post was before timelines.
    expect(postMortemDue({status: 'investigating'})).toBe(true);
  });
});
