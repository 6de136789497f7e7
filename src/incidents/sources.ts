/**
 * The sources a post is written from, declared once in its front matter under
 * `sources:`, and the citations `[^id]` in its text that point at them. The
 * build fails on a citation of an undeclared source, a declared source that is
 * never cited, or a source a reader cannot follow.
 */

import {IncidentMetaError} from './frontMatterFields';
import type {Source} from './frontMatterSchema';

export const SOURCE_KINDS = [
  'product post-mortem',
  'pull request',
  'issue',
  'commit',
  'release notes',
  'documentation',
] as const;

export type {Source, SourceKind} from './frontMatterSchema';

/** A citation in the text: `[^pr-26225]`. */
export const CITATION = /\[\^([^\]\s]+)\]/g;

/** Where a source is listed on the page; citations link here. */
export const sourceAnchor = (id: string) => `source-${id}`;

/** The n-th citation of a source in the text (from 1); the Sources list links back to each. */
export const citationAnchor = (id: string, n: number) => `cite-${id}-${n}`;

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
