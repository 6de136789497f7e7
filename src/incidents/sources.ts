/**
 * The sources a post is written from, declared once in its front matter under
 * `sources:`, and the citations `[^id]` in its text that point at them. The
 * build fails on a citation of an undeclared source, a declared source that is
 * never cited, or a source a reader cannot follow.
 */

import {FaultError} from '../faults/fault';
import type {Source} from './frontMatterSchema';

/** Where a source is listed on the page; citations link here. */
export const sourceAnchor = (id: string) => `source-${id}`;

/** The n-th citation of a source in the text (from 1); the Sources list links back to each. */
export const citationAnchor = (id: string, n: number) => `cite-${id}-${n}`;

/**
 * Every declared source must be cited at least once: a source nobody cites
 * supports no claim. (A citation of an undeclared source is refused where the
 * citations are read, in remarkCitations, with its line.)
 */
export function checkSourcesCited(sources: readonly Source[], citedIds: readonly string[], file: string): void {
  const cited = new Set(citedIds);
  const uncited = sources.findIndex((source) => !cited.has(source.id));
  if (uncited !== -1) {
    throw new FaultError({
      file,
      field: `sources[${uncited}]`,
      message: `("${sources[uncited].id}") is declared but the text never cites it; cite it as [^${sources[uncited].id}] where it supports a claim, or remove it`,
    });
  }
}

/** "Pull request, merged 29 April 2026"-style line under a source's title. */
export function describeSource(source: Source, formatDate: (date: string) => string): string {
  const kind = source.kind.charAt(0).toUpperCase() + source.kind.slice(1);
  return source.date ? `${kind}, ${formatDate(source.date)}` : `${kind}, date not stated`;
}
