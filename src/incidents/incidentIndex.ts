import {SEVERITIES, SEVERITY_LABELS} from './vocabulary';
import type {IncidentPostMeta} from './frontMatterSchema';
import {impactLabel, statedImpact, worseImpact, type ComponentImpact} from './timeline';

/** One blog post with its validated front matter. */
export type IncidentPost = {
  permalink: string;
  title: string;
  /** The post's file, for error messages, e.g. "blog/x/index.md". */
  file: string;
  meta: IncidentPostMeta;
  /** Whether its text holds the post-mortem's sections (an incident still running may be published without). */
  hasPostMortem: boolean;
};

export type IncidentRow = {permalink: string; title: string; hasPostMortem: boolean} & IncidentPostMeta;

export const isOngoing = (row: IncidentRow) => row.incident.status !== 'resolved';

/**
 * One row per post: incidents still running first, as a reader who came from a notice looks for them, then newest
 * incident first (ties by title, so the order never depends on file-system order).
 */
export function buildIncidentIndex(posts: readonly IncidentPost[]): IncidentRow[] {
  return posts
    .map((post) => ({permalink: post.permalink, title: post.title, hasPostMortem: post.hasPostMortem, ...post.meta}))
    .sort(
      (a, b) =>
        Number(isOngoing(b)) - Number(isOngoing(a)) ||
        b.incident.date.localeCompare(a.incident.date) ||
        a.title.localeCompare(b.title),
    );
}

/** A component an ongoing incident names: the worst impact their timelines state, or none stated. */
export type ComponentNow = {impact: ComponentImpact | 'not stated'; incidents: {title: string; permalink: string}[]};

/** A component's state while an ongoing incident names it, in words: the impact stated, or that it is not. */
export const nowLabel = ({impact}: ComponentNow) =>
  impact === 'not stated' ? 'in an ongoing incident (impact not stated)' : impactLabel(impact);

/** Each component that an ongoing incident names, as it stands now; a component no such incident names is absent. */
export function currentComponentImpacts(rows: readonly IncidentRow[]): Record<string, ComponentNow> {
  const ongoing = rows.filter(isOngoing);
  const keys = [...new Set(ongoing.flatMap((row) => row.incident.components))];
  return Object.fromEntries(
    keys.map((key): [string, ComponentNow] => {
      const naming = ongoing.filter((row) => row.incident.components.includes(key));
      const stated = naming.flatMap((row) => statedImpact(row.incident.timeline, key) ?? []);
      return [
        key,
        {
          impact: stated.length === 0 ? 'not stated' : stated.reduce(worseImpact),
          incidents: naming.map(({title, permalink}) => ({title, permalink})),
        },
      ];
    }),
  );
}

export type FilterKind = 'component' | 'severity' | 'year';

/** One pre-built view of /incidents: every incident of a component, a severity or a year. */
export type IncidentFilter = {kind: FilterKind; value: string; label: string; path: string; rows: IncidentRow[]};

/**
 * The filtered views /incidents links to, each a page of its own so filtering
 * works without JavaScript: one per component, severity and year that has
 * incidents, in the order of blog/components.yml, of severity, and newest year
 * first.
 */
export function incidentFilters(
  rows: readonly IncidentRow[],
  componentLabels: Record<string, {label: string}>,
): IncidentFilter[] {
  const view = (
    kind: FilterKind,
    value: string,
    label: string,
    keep: (row: IncidentRow) => boolean,
  ): IncidentFilter[] => {
    const matching = rows.filter(keep);
    return matching.length === 0 ? [] : [{kind, value, label, path: `/incidents/${kind}/${value}`, rows: matching}];
  };
  const years = [...new Set(rows.map((row) => row.incident.date.slice(0, 4)))].sort().reverse();
  return [
    ...Object.entries(componentLabels).flatMap(([key, {label}]) =>
      view('component', key, label, (row) => row.incident.components.includes(key)),
    ),
    ...SEVERITIES.flatMap((severity) =>
      view('severity', severity, SEVERITY_LABELS[severity], (row) => row.incident.severity === severity),
    ),
    ...years.flatMap((year) => view('year', year, year, (row) => row.incident.date.startsWith(year))),
  ];
}
