/**
 * What every front-matter reader here shares: one error shape that names the
 * file and the field, and dates read strictly.
 */

export class IncidentMetaError extends Error {
  constructor(file: string, field: string, fault: string) {
    super(`${file}: front matter "${field}" ${fault}`);
    this.name = 'IncidentMetaError';
  }
}

export function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `the unquoted date ${value.toISOString().slice(0, 10)}`;
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Lower-case words joined by dashes: slugs and component names. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refuses a misspelt or unknown key of a front-matter mapping; `at(key)` names its field. */
export function rejectUnknownFields(entry: Record<string, unknown>, known: readonly string[], file: string, at: (key: string) => string): void {
  const unknown = Object.keys(entry).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new IncidentMetaError(file, at(unknown), `is not a known field; known fields: ${known.join(', ')}`);
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
 * Dates must be quoted in front matter. Unquoted, the YAML reader turns
 * 2026-13-40 into a real day in 2027 before any check can see it, so an
 * impossible date would publish as a plausible one.
 */
export function readQuotedDate(value: unknown, file: string, field: string, {monthOnly = false} = {}): string {
  const form = monthOnly ? '"YYYY-MM-DD" (or "YYYY-MM" when the source gives only the month)' : '"YYYY-MM-DD"';
  if (value instanceof Date) {
    throw new IncidentMetaError(file, field, `must be a quoted date, ${form}; got ${describe(value)}, which the YAML reader may have rolled over from an impossible date`);
  }
  const date = typeof value === 'string' ? toCalendarDate(value, {monthOnly}) : undefined;
  if (!date) throw new IncidentMetaError(file, field, `must be a real calendar date written ${form}; got ${describe(value)}`);
  return date;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', {month: 'long', year: 'numeric', timeZone: 'UTC'});
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});

/** "21 April 2026", or "April 2026" for a month; fixed to UTC and English so server and browser agree. */
export function formatCalendarDate(date: string): string {
  const monthOnly = date.length === 7;
  return (monthOnly ? MONTH_FORMAT : DAY_FORMAT).format(new Date(`${monthOnly ? `${date}-01` : date}T00:00:00Z`));
}
