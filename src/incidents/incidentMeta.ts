/**
 * The incident metadata every post in blog/ carries under `incident:` in its
 * front matter. One parser serves the build (which fails on bad input), the
 * incidents index and the tests, so the rules live in exactly one place.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'not-stated'] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];

/** Field names match the front matter, so a parsed value parses again unchanged. */
export type IncidentMeta = {
  /** YYYY-MM-DD */
  date: string;
  /** What the date marks when it is not the start of the outage, e.g. "first reported". */
  date_note?: string;
  duration: string;
  severity: Severity;
  /** Who the severity applies to, e.g. "for vLLM embedding users". */
  severity_scope?: string;
  status: Status;
  /** First release with the fix; absent when the sources name none. */
  fixed_in?: string;
  tracking_id?: string;
};

export type IncidentUpdate = {date: string; note: string};

const FIELDS = [
  'date',
  'date_note',
  'duration',
  'severity',
  'severity_scope',
  'status',
  'fixed_in',
  'tracking_id',
] as const;

const TRACKING_ID = /^[A-Z][A-Z0-9]*-\d+$/;

export class IncidentMetaError extends Error {
  constructor(source: string, field: string, fault: string) {
    super(`${source}: front matter "${field}" ${fault}`);
    this.name = 'IncidentMetaError';
  }
}

/**
 * YAML turns an unquoted 2026-04-21 into a Date at UTC midnight, and JSON
 * turns that Date into an ISO string; all three spellings mean the same day.
 */
export function toCalendarDate(value: unknown): string | undefined {
  let text: string | undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    text = value.toISOString();
  } else if (typeof value === 'string') {
    text = value.trim();
  }
  const match = text?.match(/^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z)?$/);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Rejects 2026-02-30, which Date.UTC would silently roll over into March.
  return probe.getUTCMonth() === Number(m) - 1 && probe.getUTCDate() === Number(d)
    ? `${y}-${m}-${d}`
    : undefined;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Throws an IncidentMetaError naming the file and the field at the first fault. */
export function parseIncidentMeta(frontMatter: Record<string, unknown>, source: string): IncidentMeta {
  const raw = frontMatter.incident;
  if (!isRecord(raw)) {
    throw new IncidentMetaError(
      source,
      'incident',
      `is required on every incident post and must be a mapping with ${FIELDS.join(', ')}; got ${describe(raw)}`,
    );
  }
  const unknown = Object.keys(raw).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new IncidentMetaError(source, `incident.${unknown[0]}`, `is not a known field; known fields: ${FIELDS.join(', ')}`);
  }

  const text = (field: (typeof FIELDS)[number], required: boolean): string | undefined => {
    const value = raw[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new IncidentMetaError(source, `incident.${field}`, `must be non-empty text; got ${describe(value)}`);
    }
    return value.trim();
  };
  const oneOf = <T extends string>(field: 'severity' | 'status', allowed: readonly T[]): T => {
    const value = raw[field];
    if (!allowed.includes(value as T)) {
      throw new IncidentMetaError(source, `incident.${field}`, `must be one of ${allowed.join(', ')}; got ${describe(value)}`);
    }
    return value as T;
  };

  const date = toCalendarDate(raw.date);
  if (!date) {
    throw new IncidentMetaError(source, 'incident.date', `must be a calendar date written YYYY-MM-DD; got ${describe(raw.date)}`);
  }
  const meta: IncidentMeta = {
    date,
    date_note: text('date_note', false),
    duration: text('duration', true)!,
    severity: oneOf('severity', SEVERITIES),
    severity_scope: text('severity_scope', false),
    status: oneOf('status', STATUSES),
    fixed_in: text('fixed_in', false),
    tracking_id: text('tracking_id', false),
  };
  if (meta.tracking_id !== undefined && !TRACKING_ID.test(meta.tracking_id)) {
    throw new IncidentMetaError(source, 'incident.tracking_id', `must look like LIT-2614; got ${describe(meta.tracking_id)}`);
  }
  // Drop absent optional fields so the parsed value round-trips through JSON unchanged.
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as IncidentMeta;
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

export const NOT_STATED = 'Not stated';

/** "21 April 2026", fixed to UTC and English so server and browser render the same text. */
export function formatCalendarDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The optional `updates:` list of a post revised after publication, oldest
 * first: each a date and a note saying what changed.
 */
export function parseIncidentUpdates(frontMatter: Record<string, unknown>, source: string): IncidentUpdate[] {
  const raw = frontMatter.updates;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new IncidentMetaError(source, 'updates', `must be a list of {date, note}; got ${describe(raw)}`);
  const updates = raw.map((entry: unknown, i): IncidentUpdate => {
    const date = isRecord(entry) ? toCalendarDate(entry.date) : undefined;
    if (!date) throw new IncidentMetaError(source, `updates[${i}].date`, `must be a calendar date written YYYY-MM-DD; got ${describe(isRecord(entry) ? entry.date : entry)}`);
    const note = isRecord(entry) && typeof entry.note === 'string' ? entry.note.trim() : '';
    if (note === '') throw new IncidentMetaError(source, `updates[${i}].note`, 'must say what changed');
    return {date, note};
  });
  updates.forEach((update, i) => {
    if (i > 0 && update.date < updates[i - 1].date) {
      throw new IncidentMetaError(source, `updates[${i}].date`, `(${update.date}) is earlier than the update before it; list updates oldest first`);
    }
  });
  return updates;
}
