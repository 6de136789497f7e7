import type {IncidentRow} from '../../src/incidents/incidentIndex';

/** The two sources the unit tests' example post declares: a product post-mortem and the pull request that fixed it. */
export const EXAMPLE_SOURCES = [
  {
    id: 'product-page',
    title: 'The product report',
    url: 'https://example.com/report',
    kind: 'product post-mortem',
    date: '2026-02-18',
  },
  {id: 'pr-1', title: 'The fix', url: 'https://example.com/pr/1', kind: 'pull request'},
];

/** The unit tests' example post, its incident block aside: each test gives the incident it is about. */
export const EXAMPLE_POST = {
  slug: 'example-incident',
  title: 'Example incident',
  authors: ['incident-editors'],
  tags: ['incident-report'],
  description: 'What broke, for whom and for how long, in a sentence long enough for a link preview.',
  what_to_do: 'If you run the example, upgrade to the release with the fix[^pr-1].',
  date: '2026-02-18',
  sources: EXAMPLE_SOURCES,
};

/** An index row of a resolved incident, as the build gives the outputs that read rows; `incident` and `extra` override. */
export function exampleRow(
  slug: string,
  incident: Partial<IncidentRow['incident']> = {},
  extra: Partial<IncidentRow> = {},
): IncidentRow {
  return {
    slug,
    permalink: `/blog/${slug}`,
    title: `Title of ${slug}`,
    description: `What happened in ${slug}.`,
    date: '2026-03-01',
    updates: [],
    hasPostMortem: true,
    sources: EXAMPLE_SOURCES,
    incident: {date: '2026-02-27', severity: 'high', status: 'resolved', components: ['auth'], ...incident},
    ...extra,
  } as IncidentRow;
}
