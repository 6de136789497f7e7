/**
 * Dates as the posts write them, "2026-04-21" or "2026-04": strict reading (no 30 February, and quoted, so YAML
 * cannot roll one over) and one English, UTC rendering that the server and the browser agree on.
 */
import {describe} from './frontMatterFields';

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

/** A day as a timestamp, where a format needs one: its start in UTC (posts are dated by day, not by time). */
export const dayStart = (day: string) => `${day}T00:00:00.000Z`;
