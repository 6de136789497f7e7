/**
 * The front matter every post in blog/ carries: the post's own fields, the
 * `incident:` block the header and the index show, its `updates:` and its
 * `sources:`. One parser serves the build (which fails on bad input), the
 * index and the tests, so the rules live in exactly one place.
 */

import {describe, formatCalendarDate, IncidentMetaError, isRecord, readQuotedDate} from './frontMatterFields';
import {parseSources, type Source} from './sources';

export {formatCalendarDate, IncidentMetaError};

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'not-stated'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];

/** The header facts that must say which declared source they come from. */
export const CITED_FIELDS = ['date', 'duration', 'severity', 'status', 'fixed_in'] as const;
export type CitedField = (typeof CITED_FIELDS)[number];

/** Field names match the front matter, so a parsed value parses again unchanged. */
export type IncidentMeta = {
  /** YYYY-MM-DD, or YYYY-MM where the source gives only the month. */
  date: string;
  /** What the date marks when it is not the start of the outage, e.g. "regression merged". */
  date_note?: string;
  duration: string;
  severity: Severity;
  /** Who the severity applies to, e.g. "for vLLM embedding users". */
  severity_scope?: string;
  status: Status;
  /** First release with the fix, as the source words it; absent when the sources name none. */
  fixed_in?: string;
  tracking_id?: string;
  /** The id of the declared source each header fact comes from. */
  cite: Partial<Record<CitedField, string>>;
};

export type IncidentUpdate = {date: string; note: string};

/** Everything validated about one post, as the plugin stores it back into the front matter. */
export type IncidentPostMeta = {
  slug: string;
  description: string;
  /** The publication date, YYYY-MM-DD. */
  date: string;
  incident: IncidentMeta;
  updates: IncidentUpdate[];
  sources: Source[];
};

const FIELDS = ['date', 'date_note', 'duration', 'severity', 'severity_scope', 'status', 'fixed_in', 'tracking_id', 'cite'] as const;

const TRACKING_ID = /^[A-Z][A-Z0-9]*-\d+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const NOT_STATED = 'Not stated';
const saysNotStated = (text: string) => /^not stated\b/i.test(text);

/**
 * The `incident:` block. `sourceIds` are the post's declared sources, which
 * `cite` must name; every header fact a source gives must be cited.
 */
export function parseIncidentMeta(frontMatter: Record<string, unknown>, file: string, sourceIds: readonly string[]): IncidentMeta {
  const raw = frontMatter.incident;
  if (!isRecord(raw)) {
    throw new IncidentMetaError(file, 'incident', `is required on every incident post and must be a mapping with ${FIELDS.join(', ')}; got ${describe(raw)}`);
  }
  const unknown = Object.keys(raw).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new IncidentMetaError(file, `incident.${unknown[0]}`, `is not a known field; known fields: ${FIELDS.join(', ')}`);
  }

  const text = (field: (typeof FIELDS)[number], required: boolean): string | undefined => {
    const value = raw[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new IncidentMetaError(file, `incident.${field}`, `must be non-empty text; got ${describe(value)}`);
    }
    return value.trim();
  };
  const oneOf = <T extends string>(field: 'severity' | 'status', allowed: readonly T[]): T => {
    const value = raw[field];
    if (!allowed.includes(value as T)) {
      throw new IncidentMetaError(file, `incident.${field}`, `must be one of ${allowed.join(', ')}; got ${describe(value)}`);
    }
    return value as T;
  };

  const meta: IncidentMeta = {
    date: readQuotedDate(raw.date, file, 'incident.date', {monthOnly: true}),
    date_note: text('date_note', false),
    duration: text('duration', true)!,
    severity: oneOf('severity', SEVERITIES),
    severity_scope: text('severity_scope', false),
    status: oneOf('status', STATUSES),
    fixed_in: text('fixed_in', false),
    tracking_id: text('tracking_id', false),
    cite: parseCite(raw.cite, file, sourceIds),
  };
  if (meta.tracking_id !== undefined && !TRACKING_ID.test(meta.tracking_id)) {
    throw new IncidentMetaError(file, 'incident.tracking_id', `must look like LIT-2614; got ${describe(meta.tracking_id)}`);
  }
  const needsSource: Record<CitedField, boolean> = {
    date: true,
    duration: !saysNotStated(meta.duration),
    severity: meta.severity !== 'not-stated',
    status: false,
    fixed_in: meta.fixed_in !== undefined,
  };
  const uncited = CITED_FIELDS.find((field) => needsSource[field] && meta.cite[field] === undefined);
  if (uncited) {
    throw new IncidentMetaError(file, `incident.cite.${uncited}`, `must name the declared source the header's ${uncited.replace('_', ' ')} comes from`);
  }
  // Drop absent optional fields so the parsed value round-trips through JSON unchanged.
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as IncidentMeta;
}

function parseCite(raw: unknown, file: string, sourceIds: readonly string[]): IncidentMeta['cite'] {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new IncidentMetaError(file, 'incident.cite', `must map header fields (${CITED_FIELDS.join(', ')}) to source ids; got ${describe(raw)}`);
  for (const [field, id] of Object.entries(raw)) {
    if (!(CITED_FIELDS as readonly string[]).includes(field)) {
      throw new IncidentMetaError(file, `incident.cite.${field}`, `is not a header field; cite one of ${CITED_FIELDS.join(', ')}`);
    }
    if (typeof id !== 'string' || !sourceIds.includes(id)) {
      throw new IncidentMetaError(file, `incident.cite.${field}`, `must be the id of a source declared under "sources" (${sourceIds.join(', ')}); got ${describe(id)}`);
    }
  }
  return raw as IncidentMeta['cite'];
}

/**
 * The optional `updates:` list of a post revised after publication, oldest
 * first: each a date (not before publication, not after today) and a note.
 */
export function parseIncidentUpdates(frontMatter: Record<string, unknown>, file: string, published: string, today: string): IncidentUpdate[] {
  const raw = frontMatter.updates;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new IncidentMetaError(file, 'updates', `must be a list of {date, note}; got ${describe(raw)}`);
  const updates = raw.map((entry: unknown, i): IncidentUpdate => {
    const date = readQuotedDate(isRecord(entry) ? entry.date : entry, file, `updates[${i}].date`);
    const note = isRecord(entry) && typeof entry.note === 'string' ? entry.note.trim() : '';
    if (note === '') throw new IncidentMetaError(file, `updates[${i}].note`, 'must say what changed');
    if (date < published) throw new IncidentMetaError(file, `updates[${i}].date`, `(${date}) is before the post was published (${published})`);
    if (date > today) throw new IncidentMetaError(file, `updates[${i}].date`, `(${date}) is in the future (today is ${today})`);
    return {date, note};
  });
  updates.forEach((update, i) => {
    if (i > 0 && update.date < updates[i - 1].date) {
      throw new IncidentMetaError(file, `updates[${i}].date`, `(${update.date}) is earlier than the update before it; list updates oldest first`);
    }
  });
  return updates;
}

/**
 * The whole front matter of one post. `today` (YYYY-MM-DD) bounds update
 * dates; the build passes the day it runs.
 */
export function parseIncidentPost(frontMatter: Record<string, unknown>, file: string, today: string): IncidentPostMeta {
  const {slug, description} = frontMatter;
  if (typeof slug !== 'string' || !SLUG.test(slug)) {
    throw new IncidentMetaError(file, 'slug', `is required: customers hold links to it, so it must be written out (lower-case words joined by dashes); got ${describe(slug)}`);
  }
  if (typeof description !== 'string' || description.trim().length < 50) {
    throw new IncidentMetaError(file, 'description', `is required: one or two sentences (50 characters or more) for link previews and search results; got ${describe(description)}`);
  }
  const date = readQuotedDate(frontMatter.date, file, 'date');
  const sources = parseSources(frontMatter, file);
  const incident = parseIncidentMeta(frontMatter, file, sources.map((source) => source.id));
  if (incident.date > date) {
    throw new IncidentMetaError(file, 'incident.date', `(${incident.date}) is after the post's publication date (${date}); a report cannot precede its incident`);
  }
  const updates = parseIncidentUpdates(frontMatter, file, date, today);
  return {slug, description: description.trim(), date, incident, updates, sources};
}

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
