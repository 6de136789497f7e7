/**
 * The sources a post is written from, declared once in its front matter under
 * `sources:`, and the citations `[^id]` in its text that point at them. The
 * build fails on a citation of an undeclared source, a declared source that is
 * never cited, or a source a reader cannot follow.
 */

import {hostFault} from '../html/linkTargets';
import {
  describe,
  errorCollector,
  IncidentMetaError,
  isRecord,
  readPlainText,
  readQuotedDate,
  rejectUnknownFields,
} from './frontMatterFields';

export const SOURCE_KINDS = [
  'product post-mortem',
  'pull request',
  'issue',
  'commit',
  'release notes',
  'documentation',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export type Source = {
  id: string;
  title: string;
  url: string;
  kind: SourceKind;
  /** YYYY-MM-DD: when it was published, opened or merged; absent when not stated. */
  date?: string;
};

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;
const FIELDS = ['id', 'title', 'url', 'kind', 'date'];

/** A citation in the text: `[^pr-26225]`. */
export const CITATION = /\[\^([^\]\s]+)\]/g;

/** Where a source is listed on the page; citations link here. */
export const sourceAnchor = (id: string) => `source-${id}`;

/** The n-th citation of a source in the text (from 1); the Sources list links back to each. */
export const citationAnchor = (id: string, n: number) => `cite-${id}-${n}`;

/**
 * Throws every fault at once, each naming the file and the field. `today`,
 * where given, bounds the sources' dates.
 */
export function parseSources(frontMatter: Record<string, unknown>, file: string, today?: string): Source[] {
  const raw = frontMatter.sources;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new IncidentMetaError(
      file,
      'sources',
      `must list the sources the post is written from (id, title, url, kind, date); got ${describe(raw)}`,
    );
  }
  const {check, throwIfAny} = errorCollector();
  const seen = new Set<string>();
  const sources = raw.map((entry: unknown, i) => {
    const field = (name: string) => `sources[${i}].${name}`;
    if (!isRecord(entry))
      return check(() => {
        throw new IncidentMetaError(
          file,
          `sources[${i}]`,
          `must be a mapping with ${FIELDS.join(', ')}; got ${describe(entry)}`,
        );
      });
    check(() => rejectUnknownFields(entry, FIELDS, file, field));
    const {id, url, kind} = entry;
    check(() => {
      if (typeof id !== 'string' || !SOURCE_ID.test(id)) {
        throw new IncidentMetaError(
          file,
          field('id'),
          `must be lower-case letters, digits and dashes, such as pr-26225; got ${describe(id)}`,
        );
      }
      if (seen.has(id)) throw new IncidentMetaError(file, field('id'), `"${id}" is declared twice`);
      seen.add(id);
    });
    const title = check(() => readPlainText(entry.title, file, field('title'), 'name the source for a reader'));
    check(() => {
      const fault = typeof url === 'string' ? urlFault(url) : '';
      if (fault !== undefined) {
        throw new IncidentMetaError(
          file,
          field('url'),
          `of source ${describe(id)} must be an https:// address a reader can follow; got ${describe(url)}${fault && `, which ${fault}`}`,
        );
      }
    });
    check(() => {
      if (!SOURCE_KINDS.includes(kind as SourceKind))
        throw new IncidentMetaError(
          file,
          field('kind'),
          `must be one of ${SOURCE_KINDS.join(', ')}; got ${describe(kind)}`,
        );
    });
    const date =
      entry.date === undefined
        ? undefined
        : check(() => {
            const stated = readQuotedDate(entry.date, file, field('date'));
            if (today !== undefined && stated > today)
              throw new IncidentMetaError(
                file,
                field('date'),
                `(${stated}) is in the future (today is ${today}); give the date the source was published, opened or merged`,
              );
            return stated;
          });
    return {id, title, url, kind, ...(date && {date})} as Source;
  });
  throwIfAny();
  return sources as Source[];
}

/** Why a source address cannot be linked as written, or undefined: only https, with an honest host. */
function urlFault(text: string): string | undefined {
  if (/\s/.test(text)) return 'holds whitespace';
  if (!/^https:\/\//i.test(text))
    return URL.canParse(text) ? `uses ${new URL(text).protocol.replace(':', '')}` : 'is not a complete address';
  return hostFault(text);
}

/**
 * Checks the citations found in the text against the declared sources:
 * every citation must name a declared source, and every declared source must
 * be cited at least once (a source nobody cites supports no claim).
 */
export function checkCitations(sources: readonly Source[], citedIds: readonly string[], file: string): void {
  const declared = new Set(sources.map((source) => source.id));
  const undeclared = citedIds.find((id) => !declared.has(id));
  if (undeclared !== undefined) {
    throw new IncidentMetaError(
      file,
      'sources',
      `does not declare "${undeclared}", which the text cites as [^${undeclared}]`,
    );
  }
  const cited = new Set(citedIds);
  const uncited = sources.findIndex((source) => !cited.has(source.id));
  if (uncited !== -1) {
    throw new IncidentMetaError(
      file,
      `sources[${uncited}]`,
      `("${sources[uncited].id}") is declared but the text never cites it; cite it as [^${sources[uncited].id}] where it supports a claim, or remove it`,
    );
  }
}

/** "Pull request, merged 29 April 2026"-style line under a source's title. */
export function describeSource(source: Source, formatDate: (date: string) => string): string {
  const kind = source.kind.charAt(0).toUpperCase() + source.kind.slice(1);
  return source.date ? `${kind}, ${formatDate(source.date)}` : `${kind}, date not stated`;
}
