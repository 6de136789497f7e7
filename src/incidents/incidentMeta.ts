/**
 * The front matter every post in blog/ carries: the post's own fields, the
 * `incident:` block the header and the index show, its `updates:` and its
 * `sources:`. One parser serves the build (which fails on bad input), the
 * index and the tests, so the rules live in exactly one place.
 */

import {
  describe,
  errorCollector,
  formatCalendarDate,
  IncidentMetaError,
  isRecord,
  KEBAB_CASE,
  readPlainText,
  readQuotedDate,
  rejectUnknownFields,
} from './frontMatterFields';
import {parseSources, type Source} from './sources';
import {
  compareVersions,
  implausibleRelease,
  PACKAGES,
  parseVersion,
  VERSION_EXAMPLES,
  type IncidentVersions,
  type PackageKey,
  type VersionStatement,
} from './versions';

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
  /** The status as the source words it and when, where that says more, e.g. "active investigation, last updated 27 March 2026". */
  status_note?: string;
  /** First release with the fix, as the source words it; absent when the sources name none. */
  fixed_in?: string;
  tracking_id?: string;
  /** Short names of what broke, from blog/components.yml. */
  components: string[];
  /** What the sources state about affected and fixed versions, each statement with its source. */
  versions: IncidentVersions;
  /** The id of the declared source each header fact comes from. */
  cite: Partial<Record<CitedField, string>>;
};

/** What the `incident:` block is checked against: the post's declared sources and the site's components. */
export type IncidentContext = {sourceIds: readonly string[]; components: readonly string[]};

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

const FIELDS = [
  'date',
  'date_note',
  'duration',
  'severity',
  'severity_scope',
  'status',
  'status_note',
  'fixed_in',
  'tracking_id',
  'components',
  'versions',
  'cite',
] as const;
const STATEMENT_FIELDS = [
  'package',
  'affected',
  'first_affected',
  'last_affected',
  'fixed',
  'requires',
  'source',
  'note',
];

const TRACKING_ID = /^[A-Z][A-Z0-9]*-\d+$/;

export const NOT_STATED = 'Not stated';
const saysNotStated = (text: string) => /^not stated\b/i.test(text);

/**
 * The `incident:` block. `cite` and each version statement must name one of
 * the post's declared sources; every header fact a source gives must be cited.
 */
export function parseIncidentMeta(
  frontMatter: Record<string, unknown>,
  file: string,
  {sourceIds, components}: IncidentContext,
): IncidentMeta {
  const raw = frontMatter.incident;
  if (!isRecord(raw)) {
    throw new IncidentMetaError(
      file,
      'incident',
      `is required on every incident post and must be a mapping with ${FIELDS.join(', ')}; got ${describe(raw)}`,
    );
  }
  const {check, throwIfAny} = errorCollector();
  check(() => rejectUnknownFields(raw, FIELDS, file, (key) => `incident.${key}`));

  const text = (field: (typeof FIELDS)[number], required: boolean): string | undefined =>
    raw[field] === undefined && !required
      ? undefined
      : check(() => readPlainText(raw[field], file, `incident.${field}`));
  const oneOf = <T extends string>(field: 'severity' | 'status', allowed: readonly T[]): T | undefined =>
    check(() => {
      if (allowed.includes(raw[field] as T)) return raw[field] as T;
      throw new IncidentMetaError(
        file,
        `incident.${field}`,
        `must be one of ${allowed.join(', ')}; got ${describe(raw[field])}`,
      );
    });

  const meta = {
    date: check(() => readQuotedDate(raw.date, file, 'incident.date', {monthOnly: true})),
    date_note: text('date_note', false),
    duration: text('duration', true),
    severity: oneOf('severity', SEVERITIES),
    severity_scope: text('severity_scope', false),
    status: oneOf('status', STATUSES),
    status_note: text('status_note', false),
    fixed_in: text('fixed_in', false),
    tracking_id: text('tracking_id', false),
    components: check(() => parseComponents(raw.components, file, components)),
    versions: check(() => parseVersions(raw.versions, file, sourceIds)),
    cite: check(() => parseCite(raw.cite, file, sourceIds)),
  };
  if (meta.tracking_id !== undefined && !TRACKING_ID.test(meta.tracking_id)) {
    check(() => {
      throw new IncidentMetaError(
        file,
        'incident.tracking_id',
        `must look like LIT-2614; got ${describe(meta.tracking_id)}`,
      );
    });
  }
  if (meta.duration !== undefined && saysNotStated(meta.duration) && /\d/.test(meta.duration)) {
    check(() => {
      throw new IncidentMetaError(
        file,
        'incident.duration',
        `says "Not stated" but also states a figure (${describe(meta.duration)}); write only "Not stated", or give the figure and cite its source under cite.duration`,
      );
    });
  }
  if (meta.versions !== undefined) check(() => checkFixedInAgrees(meta.fixed_in, meta.versions!, file));
  const needsSource: Record<CitedField, boolean> = {
    date: true,
    duration: meta.duration !== undefined && !saysNotStated(meta.duration),
    severity: meta.severity !== undefined && meta.severity !== 'not-stated',
    status: false,
    fixed_in: meta.fixed_in !== undefined,
  };
  const uncited = CITED_FIELDS.filter(
    (field) => needsSource[field] && meta.cite !== undefined && meta.cite[field] === undefined,
  );
  for (const field of uncited) {
    check(() => {
      throw new IncidentMetaError(
        file,
        `incident.cite.${field}`,
        `must name the declared source the header's ${field.replace('_', ' ')} comes from`,
      );
    });
  }
  throwIfAny();
  // Drop absent optional fields so the parsed value round-trips through JSON unchanged.
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as IncidentMeta;
}

/**
 * The header's "Fixed in" and the version statements must tell one story: a
 * fixed_in that is a version is a statement's `fixed`, and a statement's
 * `fixed` is what the header shows. Otherwise a reader sees two answers.
 */
function checkFixedInAgrees(fixedIn: string | undefined, versions: IncidentVersions, file: string): void {
  const stated =
    versions === 'not stated' ? [] : versions.flatMap((statement) => (statement.fixed ? [statement.fixed] : []));
  const header = fixedIn === undefined ? undefined : parseVersion(fixedIn);
  const same = (text: string) => header !== undefined && compareVersions(header, parseVersion(text)!) === 0;
  if (header && !stated.some(same)) {
    throw new IncidentMetaError(
      file,
      'incident.fixed_in',
      `(${fixedIn}) is not the fixed version any statement under incident.versions gives (${stated.join(', ') || 'none'}); add it as a statement's fixed, or make them agree`,
    );
  }
  if (stated.length > 0 && !stated.some(same)) {
    throw new IncidentMetaError(
      file,
      'incident.fixed_in',
      `is ${describe(fixedIn)} but incident.versions states the fix in ${stated.join(', ')}; write fixed_in: "${stated[0]}" so the header and the version check agree`,
    );
  }
}

/** A reference to one of the post's declared sources, by id. */
function declaredSourceId(id: unknown, sourceIds: readonly string[], file: string, field: string): string {
  if (typeof id !== 'string' || !sourceIds.includes(id)) {
    throw new IncidentMetaError(
      file,
      field,
      `must be the id of a source declared under "sources" (${sourceIds.join(', ')}); got ${describe(id)}`,
    );
  }
  return id;
}

function parseComponents(raw: unknown, file: string, known: readonly string[]): string[] {
  const field = 'incident.components';
  if (!Array.isArray(raw) || raw.length === 0)
    throw new IncidentMetaError(
      file,
      field,
      `must list what broke, from blog/components.yml (${known.join(', ')}); got ${describe(raw)}`,
    );
  const unknown = raw.find((name) => !known.includes(name));
  if (unknown !== undefined)
    throw new IncidentMetaError(
      file,
      field,
      `has ${describe(unknown)}, which is not in blog/components.yml; known: ${known.join(', ')}`,
    );
  const twice = raw.find((name, i) => raw.indexOf(name) !== i);
  if (twice !== undefined)
    throw new IncidentMetaError(file, field, `lists ${describe(twice)} twice; list each component once`);
  return raw as string[];
}

/**
 * `versions:` is "not stated", or a list of what the sources state: for one
 * package each, exact affected versions and/or a range (first and last
 * affected, first fixed), with the id of the source that states it.
 */
function parseVersions(raw: unknown, file: string, sourceIds: readonly string[]): IncidentVersions {
  if (raw === 'not stated') return raw;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new IncidentMetaError(
      file,
      'incident.versions',
      `must be "not stated" or a list of statements (package, affected, first_affected, last_affected, fixed, requires, source); got ${describe(raw)}`,
    );
  }
  return raw.map((entry: unknown, i): VersionStatement => {
    const at = (name: string) => `incident.versions[${i}]${name ? `.${name}` : ''}`;
    if (!isRecord(entry)) throw new IncidentMetaError(file, at(''), `must be a mapping; got ${describe(entry)}`);
    rejectUnknownFields(entry, STATEMENT_FIELDS, file, at);
    if (!((entry.package as string) in PACKAGES)) {
      throw new IncidentMetaError(
        file,
        at('package'),
        `must be one of ${Object.keys(PACKAGES).join(', ')}; got ${describe(entry.package)}`,
      );
    }
    const source = declaredSourceId(entry.source, sourceIds, file, at('source'));
    const version = (value: unknown, name: string) => {
      const parsed = typeof value === 'string' ? parseVersion(value) : undefined;
      if (!parsed)
        throw new IncidentMetaError(
          file,
          at(name),
          `must be a quoted version such as ${VERSION_EXAMPLES}; got ${describe(value)}`,
        );
      const fault = implausibleRelease(parsed);
      if (fault)
        throw new IncidentMetaError(
          file,
          at(name),
          `(${parsed.text}) ${fault}; write it as the release is named, such as ${VERSION_EXAMPLES}`,
        );
      return parsed;
    };
    if (entry.affected !== undefined && (!Array.isArray(entry.affected) || entry.affected.length === 0)) {
      throw new IncidentMetaError(file, at('affected'), `must list exact versions; got ${describe(entry.affected)}`);
    }
    const exact = ((entry.affected as unknown[] | undefined) ?? []).map((value, j) => version(value, `affected[${j}]`));
    const bounds = (['first_affected', 'last_affected', 'fixed'] as const).flatMap((name) =>
      entry[name] === undefined ? [] : [{name, version: version(entry[name], name)}],
    );
    // A remedy's minimum version, not part of the affected range, so not checked against it.
    const requires = entry.requires === undefined ? undefined : version(entry.requires, 'requires');
    if (exact.length === 0 && bounds.length === 0 && !requires) {
      throw new IncidentMetaError(
        file,
        at(''),
        'states no version: give affected, first_affected, last_affected, fixed or requires, or write versions: not stated',
      );
    }
    // Bounds in order first ≤ last < fixed, and every exact version before the fix.
    const fixed = bounds.find((bound) => bound.name === 'fixed');
    for (const [a, b] of bounds.flatMap((x, k) => bounds.slice(k + 1).map((y) => [x, y] as const))) {
      const order = compareVersions(a.version, b.version);
      if (order > 0 || (order === 0 && b.name === 'fixed')) {
        throw new IncidentMetaError(
          file,
          at(b.name),
          `(${b.version.text}) must come after ${a.name} (${a.version.text}): the range is out of order`,
        );
      }
    }
    exact.forEach((affected, j) => {
      if (fixed && compareVersions(affected, fixed.version) >= 0) {
        throw new IncidentMetaError(
          file,
          at(`affected[${j}]`),
          `(${affected.text}) is not before the fixed version (${fixed.version.text})`,
        );
      }
    });
    const note = entry.note === undefined ? undefined : readPlainText(entry.note, file, at('note'));
    const statement: VersionStatement = {package: entry.package as PackageKey, source};
    if (exact.length > 0) statement.affected = exact.map((v) => v.text);
    for (const bound of bounds) statement[bound.name] = bound.version.text;
    if (requires) statement.requires = requires.text;
    if (note !== undefined) statement.note = note;
    return statement;
  });
}

function parseCite(raw: unknown, file: string, sourceIds: readonly string[]): IncidentMeta['cite'] {
  if (raw === undefined) return {};
  if (!isRecord(raw))
    throw new IncidentMetaError(
      file,
      'incident.cite',
      `must map header fields (${CITED_FIELDS.join(', ')}) to source ids; got ${describe(raw)}`,
    );
  for (const [field, id] of Object.entries(raw)) {
    if (!(CITED_FIELDS as readonly string[]).includes(field)) {
      throw new IncidentMetaError(
        file,
        `incident.cite.${field}`,
        `is not a header field; cite one of ${CITED_FIELDS.join(', ')}`,
      );
    }
    declaredSourceId(id, sourceIds, file, `incident.cite.${field}`);
  }
  return raw as IncidentMeta['cite'];
}

/**
 * The optional `updates:` list of a post revised after publication, oldest
 * first: each a date (not before publication, not after today) and a note.
 */
export function parseIncidentUpdates(
  frontMatter: Record<string, unknown>,
  file: string,
  published: string,
  today: string,
): IncidentUpdate[] {
  const raw = frontMatter.updates;
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new IncidentMetaError(file, 'updates', `must be a list of {date, note}; got ${describe(raw)}`);
  const updates = raw.map((entry: unknown, i): IncidentUpdate => {
    if (isRecord(entry)) rejectUnknownFields(entry, ['date', 'note'], file, (key) => `updates[${i}].${key}`);
    const date = readQuotedDate(isRecord(entry) ? entry.date : entry, file, `updates[${i}].date`);
    const note = readPlainText(
      isRecord(entry) ? entry.note : undefined,
      file,
      `updates[${i}].note`,
      'say what changed',
    );
    if (date < published)
      throw new IncidentMetaError(
        file,
        `updates[${i}].date`,
        `(${date}) is before the post was published (${published})`,
      );
    if (date > today)
      throw new IncidentMetaError(file, `updates[${i}].date`, `(${date}) is in the future (today is ${today})`);
    return {date, note};
  });
  updates.forEach((update, i) => {
    if (i > 0 && update.date < updates[i - 1].date) {
      throw new IncidentMetaError(
        file,
        `updates[${i}].date`,
        `(${update.date}) is earlier than the update before it; list updates oldest first`,
      );
    }
  });
  return updates;
}

/** The top-level front-matter keys a post may use; any other is a typo that would silently drop its content. */
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

/**
 * The whole front matter of one post, every fault reported at once.
 * `today` (YYYY-MM-DD, the day the build runs) bounds every date: a report,
 * an update or a source cannot come from the future. `components` are the
 * names in blog/components.yml.
 */
export function parseIncidentPost(
  frontMatter: Record<string, unknown>,
  file: string,
  {today, components}: {today: string; components: readonly string[]},
): IncidentPostMeta {
  const {check, throwIfAny} = errorCollector();
  check(() => rejectUnknownFields(frontMatter, POST_FIELDS, file, (key) => key));
  const {slug, description} = frontMatter;
  check(() => {
    if (typeof slug !== 'string' || !KEBAB_CASE.test(slug)) {
      throw new IncidentMetaError(
        file,
        'slug',
        `is required: customers hold links to it, so it must be written out (lower-case words joined by dashes); got ${describe(slug)}`,
      );
    }
  });
  check(() => readPlainText(frontMatter.title, file, 'title', 'say what broke, in a few words'));
  for (const [field, list] of [
    ['authors', 'blog/authors.yml'],
    ['tags', 'blog/tags.yml'],
  ] as const) {
    check(() => {
      const keys = frontMatter[field];
      // Keys only: an inline author or tag would carry its own name, link and image past every check.
      if (
        !Array.isArray(keys) ||
        keys.length === 0 ||
        !keys.every((key) => typeof key === 'string' && KEBAB_CASE.test(key))
      ) {
        throw new IncidentMetaError(
          file,
          field,
          `must list keys from ${list}, such as [${field === 'authors' ? 'incident-editors' : 'incident-report'}]; got ${describe(keys)}`,
        );
      }
    });
  }
  check(() => {
    if (typeof description !== 'string' || description.trim().length < 50) {
      throw new IncidentMetaError(
        file,
        'description',
        `is required: one or two sentences (50 characters or more) for link previews and search results; got ${describe(description)}`,
      );
    }
    readPlainText(description, file, 'description');
  });
  const date = check(() => {
    const published = readQuotedDate(frontMatter.date, file, 'date');
    if (published > today)
      throw new IncidentMetaError(
        file,
        'date',
        `(${published}) is in the future (today is ${today}); date the post the day it is published`,
      );
    return published;
  });
  const sources = check(() => parseSources(frontMatter, file, today));
  // With faulty sources, the incident is still checked against the ids written, so every fault shows in one run.
  const writtenIds = Array.isArray(frontMatter.sources)
    ? frontMatter.sources.flatMap((source) => (isRecord(source) && typeof source.id === 'string' ? [source.id] : []))
    : [];
  const sourceIds = sources?.map((source) => source.id) ?? writtenIds;
  const incident = check(() => parseIncidentMeta(frontMatter, file, {sourceIds, components}));
  if (incident && date && incident.date > date) {
    check(() => {
      throw new IncidentMetaError(
        file,
        'incident.date',
        `(${incident.date}) is after the post's publication date (${date}); a report cannot precede its incident`,
      );
    });
  }
  const updates = date === undefined ? undefined : check(() => parseIncidentUpdates(frontMatter, file, date, today));
  throwIfAny();
  return {
    slug: slug as string,
    description: (description as string).trim(),
    date: date!,
    incident: incident!,
    updates: updates!,
    sources: sources!,
  };
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
