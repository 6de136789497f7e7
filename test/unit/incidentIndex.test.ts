import {describe, expect, it} from 'vitest';

import {
  buildIncidentIndex,
  currentComponentImpacts,
  incidentFilters,
  type IncidentPost,
} from '../../src/incidents/incidentIndex';
import type {IncidentPostMeta} from '../../src/incidents/frontMatterSchema';
import type {Severity, Status} from '../../src/incidents/vocabulary';

type Timeline = NonNullable<IncidentPostMeta['incident']['timeline']>;

function post(
  slug: string,
  date: string,
  trackingId?: string,
  severity: Severity = 'low',
  components = ['auth'],
  timeline?: Timeline,
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
        status: (timeline?.findLast((entry) => entry.status)?.status ?? 'resolved') as Status,
        components,
        ...(timeline && {timeline}),
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

describe('ongoing incidents', () => {
  const running = (slug: string, date: string, components: string[], timeline: Timeline) =>
    post(slug, date, undefined, 'high', components, timeline);
  const rows = buildIncidentIndex([
    post('newest-resolved', '2026-05-01', undefined, 'low', ['auth', 'logging']),
    running(
      'older-open',
      '2026-03-01',
      ['auth', 'router'],
      [
        {at: '2026-03-01T10:00:00Z', status: 'investigating', body: 'x', components: {auth: 'major_outage'}},
        {at: '2026-03-01T11:00:00Z', status: 'identified', body: 'y', components: {auth: 'degraded_performance'}},
      ],
    ),
    running(
      'newer-open',
      '2026-04-01',
      ['auth'],
      [{at: '2026-04-01T10:00:00Z', status: 'monitoring', body: 'x', components: {auth: 'partial_outage'}}],
    ),
    running(
      'closed',
      '2026-04-02',
      ['auth'],
      [
        {at: '2026-04-02T10:00:00Z', status: 'investigating', body: 'x', components: {auth: 'major_outage'}},
        {at: '2026-04-02T11:00:00Z', status: 'resolved', body: 'y'},
      ],
    ),
  ]);

  it('come first, newest first among them, then every other incident newest first', () => {
    expect(rows.map((row) => row.slug)).toEqual(['newer-open', 'older-open', 'newest-resolved', 'closed']);
  });

  it("give each component they name its worst impact now, each incident's latest stated one, or none stated", () => {
    // older-open's latest word on auth is degraded, not its earlier major outage; the resolved one's counts for nothing.
    expect(currentComponentImpacts(rows)).toEqual({
      auth: {
        impact: 'partial_outage',
        incidents: [
          {title: 'Title of newer-open', permalink: '/blog/newer-open'},
          {title: 'Title of older-open', permalink: '/blog/older-open'},
        ],
      },
      router: {impact: 'not stated', incidents: [{title: 'Title of older-open', permalink: '/blog/older-open'}]},
    });
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
