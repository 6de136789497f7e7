import {describe, expect, it} from 'vitest';

import {buildIncidentIndex, incidentFilters, type IncidentPost} from '../../src/incidents/incidentIndex';
import type {Severity} from '../../src/incidents/vocabulary';

function post(
  slug: string,
  date: string,
  trackingId?: string,
  severity: Severity = 'low',
  components = ['auth'],
): IncidentPost {
  return {
    permalink: `/blog/${slug}`,
    title: `Title of ${slug}`,
    file: `blog/${slug}/index.md`,
    hasPostMortem: true,
    meta: {
      slug,
      description: 'x',
      what_to_do: 'x[^s]',
      date: '2026-05-01',
      incident: {
        date,
        duration: '1 hour',
        severity,
        status: 'resolved',
        components,
        versions: 'not stated',
        cite: {},
        ...(trackingId && {tracking_id: trackingId}),
      },
      updates: [],
      sources: [],
    },
  };
}

describe('buildIncidentIndex', () => {
  it('makes one row per post, newest incident first, a month-only date before the days of an earlier month', () => {
    const rows = buildIncidentIndex([post('old', '2026-01-27'), post('new', '2026-04'), post('mid', '2026-02-16')]);
    expect(rows.map((row) => row.permalink)).toEqual(['/blog/new', '/blog/mid', '/blog/old']);
    expect(rows[0]).toMatchObject({title: 'Title of new', incident: {date: '2026-04', duration: '1 hour'}});
  });

  it('orders incidents of the same day by title, whatever order the files came in', () => {
    expect(buildIncidentIndex([post('b', '2026-02-16'), post('a', '2026-02-16')]).map((row) => row.title)).toEqual([
      'Title of a',
      'Title of b',
    ]);
  });
});

describe('incidentFilters', () => {
  const rows = buildIncidentIndex([
    post('a', '2026-03-18', undefined, 'high', ['auth', 'logging']),
    post('b', '2025-12-01', undefined, 'low', ['auth']),
    post('c', '2026-02', undefined, 'high', ['logging']),
  ]);
  const labels = {logging: {label: 'Logging'}, auth: {label: 'Auth'}, router: {label: 'Router'}};

  it("makes one view per component, severity and year that has incidents, in a reader's order", () => {
    const views = incidentFilters(rows, labels).map(({path, label, rows: matching}) => [
      path,
      label,
      matching.map((row) => row.slug),
    ]);
    expect(views).toEqual([
      ['/incidents/component/logging', 'Logging', ['a', 'c']],
      ['/incidents/component/auth', 'Auth', ['a', 'b']],
      ['/incidents/severity/high', 'High', ['a', 'c']],
      ['/incidents/severity/low', 'Low', ['b']],
      ['/incidents/year/2026', '2026', ['a', 'c']],
      ['/incidents/year/2025', '2025', ['b']],
    ]);
  });
});
