import {linkTargetFault} from '../html/linkTargets';

/**
 * What the search page shows of a Pagefind result: plain text and site paths,
 * never Pagefind's HTML. Framework-free, shared by the search island and its tests.
 */

/** The part of a Pagefind result's data the page reads (pagefind.js `result.data()`). */
export type PagefindResultData = {
  url: string;
  meta: {title?: string};
  excerpt: string;
  sub_results?: {title: string; url: string; excerpt: string; weighted_locations?: {balanced_score: number}[]}[];
};

/** A run of excerpt text, marked where it matched the query. */
export type ExcerptPart = {text: string; marked: boolean};
export type SearchHit = {title: string; url: string; excerpt: ExcerptPart[]; sections: {title: string; url: string}[]};

/** Sections listed under a report: enough to reach the right one, few enough to scan on a phone. */
export const MAX_SECTIONS = 3;

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'"};

/**
 * Pagefind's excerpt is escaped page text with <mark> around matches. It
 * becomes text runs, so nothing in it is ever read as markup: any other tag
 * is dropped, and the few entities Pagefind writes become their characters.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const decode = (text: string) =>
    text.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]);
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = part.startsWith('<mark>');
      return {text: decode(marked ? part.slice(6, -7) : part), marked};
    })
    .filter(({text}) => text !== '');
}

/**
 * Pagefind's excerpt is a window of words around the first match, so it can open mid-sentence ("number stated).
 * Versions Not stated. Tracking id LIT-2614"). Where it plainly does (a small letter or a punctuation mark first), it
 * starts at the next sentence if one begins before the match, and with "…" if none does.
 */
export function fromSentenceStart(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const [first, ...rest] = parts;
  if (first === undefined || first.marked || !/^[\p{Ll}\p{P}]/u.test(first.text.trimStart())) return [...parts];
  const next = /[.!?][)\]"'”’]*\s+(?=[\p{Lu}\p{N}"“(])/u.exec(first.text);
  const text = next ? first.text.slice(next.index + next[0].length) : `… ${first.text.trimStart()}`;
  return text === '' ? rest : [{text, marked: false}, ...rest];
}

/** A path on this site ("/blog/x#fix"), or undefined: the page links nothing else. */
function sitePath(url: string): string | undefined {
  return url.startsWith('/') && linkTargetFault(url) === undefined ? url : undefined;
}

const score = (section: {weighted_locations?: {balanced_score: number}[]}) =>
  (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);

/**
 * The report's link, its excerpt and links to the sections that matched best (Pagefind lists them in page order),
 * or undefined for a URL off this site.
 */
export function searchHit({url, meta, excerpt, sub_results = []}: PagefindResultData): SearchHit | undefined {
  const page = sitePath(url);
  if (page === undefined) return undefined;
  const sections = sub_results
    .filter((section) => section.url.includes('#') && sitePath(section.url) !== undefined)
    .sort((a, b) => score(b) - score(a))
    .slice(0, MAX_SECTIONS)
    .map(({title, url: sectionUrl}) => ({title, url: sectionUrl}));
  return {title: meta.title?.trim() || page, url: page, excerpt: fromSentenceStart(excerptParts(excerpt)), sections};
}
