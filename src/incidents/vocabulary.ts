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

/** A citation in a post's text, or in its what_to_do: `[^pr-26225]`. */
export const CITATION = /\[\^([^\]\s]+)\]/g;

/** The top-level keys a post may use; any other is a typo that would silently drop its content. */
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

/**
 * The incident's optional facts in words, left out where no source gives one. From its entry here, each is checked
 * as plain text, published in /incidents.json as `json` (null when left out), described in both JSON Schemas and
 * offered by `npm run new-incident`: a new fact needs only its entry and its place on the page.
 */
export const INCIDENT_NOTES = {
  date_note: {
    json: 'incidentDateNote',
    description: 'What the date marks, if not the start',
    example: 'first reported',
  },
  severity_scope: {
    json: 'severityScope',
    description: 'Who the severity applies to',
    example: 'for vLLM embedding users',
  },
  status_note: {
    json: 'statusNote',
    description: 'The status as the source words it; not beside a timeline, whose entries word it',
    example: 'as last stated on 27 March 2026',
    besideTimeline: false,
  },
  fixed_in: {
    json: 'fixedIn',
    description: "The first fixed release, as the source words it; a version must be a statement's fixed",
    example: '"1.82.3"',
  },
  tracking_id: {
    json: 'trackingId',
    description: "The product's id of the incident, such as LIT-2614; /incidents/<id> redirects to the post",
    example: 'LIT-1234',
  },
} as const satisfies Record<string, {json: string; description: string; example: string; besideTimeline?: false}>;
export type IncidentNote = keyof typeof INCIDENT_NOTES;
/** The notes a timeline words itself, refused beside one and left out of the live scaffold. */
export const NOTES_NOT_BESIDE_TIMELINE = (Object.keys(INCIDENT_NOTES) as IncidentNote[]).filter(
  (key) => 'besideTimeline' in INCIDENT_NOTES[key],
);

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
