/**
 * The words of the incident record, for every reader of it (the schema, the
 * build, the pages, the browser's version check): severities, statuses, the
 * header facts that must be cited, source kinds, packages, and their labels.
 * A leaf: it imports nothing, so the schema can build on it and any browser
 * bundle can take it without the schema library.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'not-stated'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];

/** The header facts that must say which declared source they come from. */
export const CITED_FIELDS = ['date', 'duration', 'severity', 'status', 'fixed_in'] as const;
export type CitedField = (typeof CITED_FIELDS)[number];

/** The top-level keys a post may use; any other is a typo that would silently drop its content. */
/** A citation in a post's text, or in its what_to_do: `[^pr-26225]`. */
export const CITATION = /\[\^([^\]\s]+)\]/g;

export const POST_FIELDS = [
  'slug',
  'title',
  'description',
  'what_to_do',
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

/** The kinds of source a post may be written from. */
export const SOURCE_KINDS = [
  'product post-mortem',
  'pull request',
  'issue',
  'commit',
  'release notes',
  'documentation',
] as const;

/** The packages a version statement can apply to, as a reader knows them. */
export const PACKAGES = {
  pypi: 'PyPI litellm',
  docker: 'Docker image ghcr.io/berriai/litellm',
  release: 'LiteLLM release (package not stated)',
} as const;
export type PackageKey = keyof typeof PACKAGES;

/** The sections customer notices link to, by id, in the order a post gives them: the post-mortem, once written. */
export const STABLE_SECTIONS = [
  {id: 'summary', title: 'Summary'},
  {id: 'impact', title: 'Impact'},
  {id: 'root-cause', title: 'Root cause'},
  {id: 'fix', title: 'The fix'},
  {id: 'what-to-do', title: 'What operators should do'},
  {id: 'remediation', title: 'Remediation'},
] as const;

/** Whether a post's headings hold its post-mortem: every stable section. */
export const hasPostMortem = (headingIds: readonly string[]) =>
  STABLE_SECTIONS.every(({id}) => headingIds.includes(id));
