/**
 * The sources a post is written from, declared once in its front matter under
 * `sources:`, and the citations `[^id]` in its text that point at them. The
 * build fails on a citation of an undeclared source, a declared source that is
 * never cited, or a source a reader cannot follow.
 */

import {describe, IncidentMetaError, isRecord, readQuotedDate, rejectUnknownFields} from './frontMatterFields';

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

/** Throws an IncidentMetaError naming the file and the field at the first fault. */
export function parseSources(frontMatter: Record<string, unknown>, file: string): Source[] {
  const raw = frontMatter.sources;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new IncidentMetaError(file, 'sources', `must list the sources the post is written from (id, title, url, kind, date); got ${describe(raw)}`);
  }
  const seen = new Set<string>();
  return raw.map((entry: unknown, i): Source => {
    const field = (name: string) => `sources[${i}].${name}`;
    if (!isRecord(entry)) throw new IncidentMetaError(file, `sources[${i}]`, `must be a mapping with ${FIELDS.join(', ')}; got ${describe(entry)}`);
    rejectUnknownFields(entry, FIELDS, file, field);

    const {id, title, url, kind} = entry;
    if (typeof id !== 'string' || !SOURCE_ID.test(id)) {
      throw new IncidentMetaError(file, field('id'), `must be lower-case letters, digits and dashes, such as pr-26225; got ${describe(id)}`);
    }
    if (seen.has(id)) throw new IncidentMetaError(file, field('id'), `"${id}" is declared twice`);
    seen.add(id);
    if (typeof title !== 'string' || title.trim() === '') {
      throw new IncidentMetaError(file, field('title'), `must name the source for a reader; got ${describe(title)}`);
    }
    if (typeof url !== 'string' || !isHttpsUrl(url)) {
      throw new IncidentMetaError(file, field('url'), `of source "${id}" must be an https:// address a reader can follow; got ${describe(url)}`);
    }
    if (!SOURCE_KINDS.includes(kind as SourceKind)) {
      throw new IncidentMetaError(file, field('kind'), `must be one of ${SOURCE_KINDS.join(', ')}; got ${describe(kind)}`);
    }
    const date = entry.date === undefined ? undefined : readQuotedDate(entry.date, file, field('date'));
    return {id, title: title.trim(), url, kind: kind as SourceKind, ...(date && {date})};
  });
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
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
    throw new IncidentMetaError(file, 'sources', `does not declare "${undeclared}", which the text cites as [^${undeclared}]`);
  }
  const cited = new Set(citedIds);
  const uncited = sources.findIndex((source) => !cited.has(source.id));
  if (uncited !== -1) {
    throw new IncidentMetaError(file, `sources[${uncited}]`, `("${sources[uncited].id}") is declared but the text never cites it; cite it as [^${sources[uncited].id}] where it supports a claim, or remove it`);
  }
}

/** "Pull request, merged 29 April 2026"-style line under a source's title. */
export function describeSource(source: Source, formatDate: (date: string) => string): string {
  const kind = source.kind.charAt(0).toUpperCase() + source.kind.slice(1);
  return source.date ? `${kind}, ${formatDate(source.date)}` : `${kind}, date not stated`;
}
