/**
 * OSV records (the OpenSSF vulnerability format, https://ossf.github.io/osv-schema/, version 1.7.4), one per incident
 * whose sources state affected or fixed versions, so that dependency scanners learn what "Am I affected?" knows:
 * the PyPI package `litellm` in OSV's terms, the Docker image and the release tags (OSV has no ecosystem for either)
 * in `database_specific`, in our words. Nothing is written that the sources do not state: where no first affected
 * version is stated, no range is written (OSV's ranges must start with `introduced`, and "0", every earlier
 * version, would be a guess); the statement stands in `database_specific` instead.
 */
import type {IncidentRow} from './incidentIndex';
import type {IncidentVersions, Source, SourceKind, VersionStatement} from './frontMatterSchema';
import {dayStart} from './calendarDates';
import {describeStatement, statesAffectedOrFixed} from './versionStatements';
import {PACKAGES} from './vocabulary';

export const OSV_PATH = '/osv';
export const OSV_INDEX_PATH = `${OSV_PATH}/index.json`;
export const OSV_SCHEMA_VERSION = '1.7.4';
/** Our own database prefix (not one OSV registers): LITELLM-IR, for LiteLLM incident report. */
const ID_PREFIX = 'LITELLM-IR-';

type OsvEvent = {introduced: string} | {fixed: string} | {last_affected: string};
export type OsvAffected = {
  package: {ecosystem: 'PyPI'; name: 'litellm'; purl: 'pkg:pypi/litellm'};
  ranges?: {type: 'ECOSYSTEM'; events: OsvEvent[]}[];
  versions?: string[];
  database_specific: {statement: string; source: string; first_affected_stated: boolean; note?: string};
};
type OsvReferenceType = 'ADVISORY' | 'ARTICLE' | 'REPORT' | 'WEB';
export type OsvRecord = {
  schema_version: string;
  id: string;
  published: string;
  modified: string;
  summary: string;
  details: string;
  affected: OsvAffected[];
  references: {type: OsvReferenceType; url: string}[];
  database_specific: {
    url: string;
    /** The statements about the Docker image and release tags, which OSV has no ecosystem for. */
    other_statements: {package: string; statement: string; source: string; note?: string}[];
    other_statements_note?: string;
  };
};
export type OsvIndexEntry = {id: string; modified: string; url: string};

/** Whether an incident has a record: a source states affected or fixed versions (a remedy's minimum is neither). */
export const hasOsvRecord = (versions: IncidentVersions) =>
  versions !== 'not stated' && versions.some(statesAffectedOrFixed);

/** The record's id, from the slug, which never changes: LITELLM-IR-prisma-reconnect-blocking-incident. */
export const osvId = (slug: string) => `${ID_PREFIX}${slug}`;
export const osvPath = (id: string) => `${OSV_PATH}/${id}.json`;

/** A post's record path, or undefined where it has none: for its header and /incidents.json. */
export const osvAdvisory = (slug: string, versions: IncidentVersions) =>
  hasOsvRecord(versions) ? {id: osvId(slug), path: osvPath(osvId(slug))} : undefined;

const REFERENCE_TYPE: Record<SourceKind, OsvReferenceType> = {
  'product post-mortem': 'ARTICLE',
  issue: 'REPORT',
  // A pull request, commit or release note is not always the fix: OSV's FIX would claim it is.
  'pull request': 'WEB',
  commit: 'WEB',
  'release notes': 'WEB',
  documentation: 'WEB',
};

/**
 * A PyPI statement in OSV's terms: exact versions as `versions`, a stated range as events from its first version.
 * A last affected version with no first is itself affected, and is listed; the versions before it are not claimed.
 */
function pypiAffected(statement: VersionStatement, source: Source): OsvAffected {
  const {affected, first_affected: first, last_affected: last, fixed} = statement;
  const end: OsvEvent[] = fixed ? [{fixed}] : last ? [{last_affected: last}] : [];
  const versions = [...(affected ?? []), ...(last && !first ? [last] : [])];
  return {
    package: {ecosystem: 'PyPI', name: 'litellm', purl: 'pkg:pypi/litellm'},
    ...(first && {ranges: [{type: 'ECOSYSTEM', events: [{introduced: first}, ...end]}]}),
    ...(versions.length > 0 && {versions}),
    database_specific: {
      statement: describeStatement(statement),
      source: source.url,
      first_affected_stated: Boolean(first || affected),
      ...(statement.note && {note: statement.note}),
    },
  };
}

export function osvRecord(row: IncidentRow, siteUrl: string): OsvRecord {
  const url = `${siteUrl}${row.permalink}`;
  const statements = row.incident.versions === 'not stated' ? [] : row.incident.versions;
  const sourceOf = (statement: VersionStatement) => row.sources.find((source) => source.id === statement.source)!;
  const stated = statements.filter(statesAffectedOrFixed);
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: osvId(row.slug),
    published: dayStart(row.date),
    modified: dayStart(row.updates.at(-1)?.date ?? row.date),
    summary: row.title,
    details: `${row.description}\n\nThe full report, with its sources: ${url}`,
    affected: stated
      .filter((statement) => statement.package === 'pypi')
      .map((statement) => pypiAffected(statement, sourceOf(statement))),
    references: [
      {type: 'ADVISORY', url},
      ...row.sources.map((source) => ({type: REFERENCE_TYPE[source.kind], url: source.url})),
    ],
    database_specific: {
      url,
      other_statements: stated
        .filter((statement) => statement.package !== 'pypi')
        .map((statement) => ({
          package: PACKAGES[statement.package],
          statement: describeStatement(statement),
          source: sourceOf(statement).url,
          ...(statement.note && {note: statement.note}),
        })),
      ...(stated.some((statement) => statement.package !== 'pypi') && {
        other_statements_note:
          'OSV defines no ecosystem for the Docker image or for release tags: these statements are for people, not scanners',
      }),
    },
  };
}

/** Every record, and the index of their ids that a mirror reads first. */
export function osvRecords(rows: readonly IncidentRow[], siteUrl: string) {
  const records = rows.filter((row) => hasOsvRecord(row.incident.versions)).map((row) => osvRecord(row, siteUrl));
  const index: OsvIndexEntry[] = records.map(({id, modified}) => ({id, modified, url: `${siteUrl}${osvPath(id)}`}));
  return {records, index};
}
