/**
 * What every front-matter reader here shares: plain-text rules, strict dates
 * and "did you mean". Faults are thrown as FaultError (src/faults).
 */
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

/** Edit distance between two short keys, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/**
 * The fault of an unknown key of a front-matter mapping, suggesting the
 * nearest known one: a misspelt optional key (`update:`) would otherwise drop
 * its content without a word.
 */
export function unknownFieldFault(unknown: string, known: readonly string[]): string {
  return `is not a known field; ${didYouMean(unknown, known)}known fields: ${known.join(', ')}`;
}

/** 'did you mean "nearest"? ' where a known key is a likely misspelling's target, else nothing. */
export function didYouMean(unknown: string, known: readonly string[]): string {
  const [nearest] = [...known].sort((a, b) => editDistance(unknown, a) - editDistance(unknown, b));
  return nearest !== undefined && editDistance(unknown, nearest) <= Math.max(2, unknown.length / 3)
    ? `did you mean "${nearest}"? `
    : '';
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

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * "2026-04-21" as text, or "2026-04" where `monthOnly` allows it (a source
 * that gives only the month). Anything else, 2026-02-30 included, is undefined.
 */
export function toCalendarDate(text: string, {monthOnly = false} = {}): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  if (d === undefined) return monthOnly && Number(m) >= 1 && Number(m) <= 12 ? `${y}-${m}` : undefined;
  return isRealDay(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : undefined;
}

/**
 * Why a front-matter date cannot be read, or undefined. Dates must be quoted:
 * unquoted, the YAML reader turns 2026-13-40 into a real day in 2027 before
 * any check can see it, so an impossible date would publish as a plausible one.
 */
export function dateFault(value: unknown, {monthOnly = false} = {}): string | undefined {
  const form = monthOnly ? '"YYYY-MM-DD" (or "YYYY-MM" when the source gives only the month)' : '"YYYY-MM-DD"';
  if (value instanceof Date) {
    return `must be a quoted date, ${form}; got ${describe(value)}, which the YAML reader may have rolled over from an impossible date`;
  }
  if (typeof value !== 'string' || !toCalendarDate(value, {monthOnly}))
    return `must be a real calendar date written ${form}; got ${describe(value)}`;
  return undefined;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', {month: 'long', year: 'numeric', timeZone: 'UTC'});
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});

/** "21 April 2026", or "April 2026" for a month; fixed to UTC and English so server and browser agree. */
export function formatCalendarDate(date: string): string {
  const monthOnly = date.length === 7;
  return (monthOnly ? MONTH_FORMAT : DAY_FORMAT).format(new Date(`${monthOnly ? `${date}-01` : date}T00:00:00Z`));
}
