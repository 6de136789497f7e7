/**
 * What every front-matter reader here shares: how a value is quoted in a fault, the front-matter block and the keys
 * the plugins add to it, and the plain-text rules. Dates are in calendarDates.ts. Faults are thrown as FaultError.
 */
import {didYouMean} from '../faults/didYouMean';
import {FaultError} from '../faults/fault';

export function describe(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the unquoted date ${value.toISOString().slice(0, 10)}`;
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A post's front-matter block, its YAML in group 1, as Docusaurus finds it: a byte-order mark and CRLF allowed. */
export const FRONT_MATTER_BLOCK = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/** Where, under `npm start`, a post's front matter carries its faults instead of stopping the server. */
export const POST_FAULTS = 'incidentFaults';

/** Where a post's front matter carries, per version statement, the other incidents its range takes in (computed at build). */
export const VERSION_OVERLAPS = 'incidentVersionOverlaps';

/** Lower-case words joined by dashes: slugs, component names, author and tag keys. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The fault of an unknown key of a front-matter mapping, suggesting the
 * nearest known one: a misspelt optional key (`update:`) would otherwise drop
 * its content without a word.
 */
export function unknownFieldFault(unknown: string, known: readonly string[]): string {
  return `is not a known field; ${didYouMean(unknown, known)}known fields: ${known.join(', ')}`;
}

/**
 * A "<" that the HTML tokenizer would read as the start of a tag, comment or
 * declaration. Text fields reach HTML, JSON-LD, feeds, the social card and
 * /incidents.json; each context escapes them, and markup in them is refused
 * outright so no context can ever be the one that forgot. A "<" before a space
 * or digit ("p < 0.05") and a lone ">" are not markup.
 */
const MARKUP = /<[A-Za-z/!?]/;

/** "]]>" ends a CDATA section: the feeds write titles and descriptions into one, so it would let the rest out as markup. */
const CDATA_END = ']]>';

/**
 * Why text a reader sees as written cannot be published, or undefined: it
 * must be text with at least one letter or digit (else "must <need>"), no
 * markup, no invisible format characters (zero-width spaces, bidirectional
 * overrides: text that reads one way and is another) and no "]]>".
 */
export function plainTextFault(value: unknown, need = 'be non-empty text'): string | undefined {
  if (typeof value !== 'string' || !/[\p{L}\p{N}]/u.test(value)) return `must ${need}; got ${describe(value)}`;
  const markup = MARKUP.exec(value);
  if (markup) {
    return `must be plain text but holds markup at "${value.slice(markup.index, markup.index + 24)}"; remove the tag, or write "<" as "less than"`;
  }
  const invisible = /\p{Cf}/u.exec(value);
  if (invisible) {
    return `holds the invisible character U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${invisible.index + 1}; remove it`;
  }
  if (value.includes(CDATA_END)) return `holds "${CDATA_END}", which would end the feeds' text early; remove it`;
  return undefined;
}

/** Text a reader sees as written (plainTextFault), trimmed; throws naming the file and field. */
export function readPlainText(value: unknown, file: string, field: string, need?: string): string {
  const fault = plainTextFault(value, need);
  if (fault) throw new FaultError({file, field, message: fault});
  return (value as string).trim();
}
