/**
 * The vocabulary of a post's incident metadata, for every reader of it (the
 * build, the pages, the browser's version check): severities, statuses, the
 * header facts that must be cited, and their labels. The schema that checks
 * front matter, and the types of what it yields, are in frontMatterSchema.ts.
 */
export {formatCalendarDate, IncidentMetaError} from './frontMatterFields';
export type {
  IncidentMeta,
  IncidentPostMeta,
  IncidentUpdate,
  IncidentVersions,
  VersionStatement,
} from './frontMatterSchema';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'not-stated'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];

/** The header facts that must say which declared source they come from. */
export const CITED_FIELDS = ['date', 'duration', 'severity', 'status', 'fixed_in'] as const;
export type CitedField = (typeof CITED_FIELDS)[number];

/** The top-level keys a post may use; any other is a typo that would silently drop its content. */
export const POST_FIELDS = [
  'slug',
  'title',
  'description',
  'date',
  'authors',
  'tags',
  'hide_table_of_contents',
  'sources',
  'incident',
  'updates',
] as const;

export const NOT_STATED = 'Not stated';

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  'not-stated': 'Not stated',
};

export const STATUS_LABELS: Record<Status, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};
