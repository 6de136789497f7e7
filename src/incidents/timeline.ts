/**
 * An incident's status timeline (`incident.timeline`): what was known and when, as the notices went out, which the
 * page, the feeds and the Statuspage-shaped API all read. Not `updates:`, which records revisions of the post's text.
 * Plain TypeScript, shared by the schema, the build and the pages.
 */
import {STATUSES, type Status} from './vocabulary';

/** The id of the status updates' heading on an incident's page, which the feeds' entries link to. */
export const STATUS_UPDATES_ID = 'status-updates';

/** A stamp as the sources give it: an instant with its offset, or a day where the source gives only the day. */
export type Stamp =
  | {kind: 'instant'; text: string; ms: number; utcDay: string}
  | {kind: 'day'; text: string; day: string};

export type TimelineEntry = {
  at: string;
  /** Absent: an update that keeps the state (or, before any entry states one, leaves it unstated). */
  status?: Status;
  body: string;
  /** The impact on each component this entry states, in Statuspage's words. */
  components?: Record<string, ComponentImpact>;
  /** A state earlier than the one before it: the incident was reopened, and the entry says so. */
  reopened?: boolean;
};

export const COMPONENT_IMPACTS = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentImpact = (typeof COMPONENT_IMPACTS)[number];

// 2026-03-24 | 2026-03-24T14:00 | 2026-03-24T14:00:00 | …Z | …-04:00
const STAMP = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Reads a stamp, or says why it cannot be read. */
export function parseStamp(text: string): Stamp | {fault: string} {
  const match = STAMP.exec(text);
  if (!match)
    return {fault: 'must be a time with its offset, "2026-03-24T14:00:00-04:00" or "…Z", or a day, "2026-03-24"'};
  const [, day, hours, minutes, seconds = '00', offset] = match;
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(dayMs) || new Date(dayMs).toISOString().slice(0, 10) !== day)
    return {fault: `(${text}) is not a real day`};
  if (hours === undefined) return {kind: 'day', text, day};
  if (offset === undefined)
    return {
      fault: `(${text}) has no offset, so readers in other zones would read another time: add Z for UTC, or the source's offset (ET is -04:00 in summer, -05:00 in winter)`,
    };
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59)
    return {fault: `(${text}) is not a real time`};
  const ms = Date.parse(`${day}T${hours}:${minutes}:${seconds}${offset}`);
  return {kind: 'instant', text, ms, utcDay: new Date(ms).toISOString().slice(0, 10)};
}

/** The UTC day a stamp falls on: the day the page groups it under. */
export const utcDayOf = (stamp: Stamp) => (stamp.kind === 'day' ? stamp.day : stamp.utcDay);

/** Where a stamp sorts: an instant as itself, a day as its start in UTC. */
const sortKey = (stamp: Stamp) => (stamp.kind === 'day' ? Date.parse(`${stamp.day}T00:00:00Z`) : stamp.ms);

/** The faults of a timeline, by entry index and field, given stamps that all parse, against the build's time. */
export function timelineFaults(
  entries: readonly TimelineEntry[],
  now: number,
): {index: number; field: string; message: string}[] {
  const faults: {index: number; field: string; message: string}[] = [];
  const stamps = entries.map((entry) => parseStamp(entry.at) as Stamp);
  let state: Status | undefined;
  entries.forEach((entry, i) => {
    const stamp = stamps[i];
    if (sortKey(stamp) > now)
      faults.push({
        index: i,
        field: 'at',
        message: `(${entry.at}) is after this build; stamp an update when it is sent`,
      });
    const before = stamps.slice(0, i);
    if (stamp.kind === 'day' && before.some((other) => other.kind === 'instant' && other.utcDay === stamp.day))
      faults.push({
        index: i,
        field: 'at',
        message: `(${entry.at}) gives only a day, after an entry with a time on that day (UTC); give its time, or move it before`,
      });
    else if (before.some((other) => sortKey(other) > sortKey(stamp)))
      faults.push({
        index: i,
        field: 'at',
        message: `(${entry.at}) is earlier than an entry before it; list entries oldest first`,
      });
    if (entry.status && state && STATUSES.indexOf(entry.status) < STATUSES.indexOf(state) && !entry.reopened)
      faults.push({
        index: i,
        field: 'status',
        message: `(${entry.status}) goes back from ${state}: if the incident was reopened, add reopened: true and say why in the body`,
      });
    if (entry.reopened && !(entry.status && state && STATUSES.indexOf(entry.status) < STATUSES.indexOf(state)))
      faults.push({index: i, field: 'reopened', message: `is only for an entry whose status goes back; remove it`});
    if (entry.status) state = entry.status;
  });
  // Entries before the first stated state are allowed: a source may date events before it states a status.
  if (entries.length > 0 && state === undefined)
    faults.push({
      index: entries.length - 1,
      field: 'status',
      message: `is missing on every entry: give the state (${STATUSES.join(', ')}) where a source states it`,
    });
  return faults;
}

/** The incident's state now: the latest entry that states one, with that entry. */
export function currentState(entries: readonly TimelineEntry[]): {status: Status; since: TimelineEntry} | undefined {
  const since = entries.findLast((entry) => entry.status !== undefined);
  return since && {status: since.status!, since};
}

/** A component's impact as the latest entry that names it states; undefined where none does. */
export function statedImpact(entries: readonly TimelineEntry[] | undefined, key: string): ComponentImpact | undefined {
  return entries?.findLast((entry) => entry.components?.[key])?.components?.[key];
}

/** The worse of two impacts, to reduce the impacts several entries or incidents state to one. */
export const worseImpact = (a: ComponentImpact, b: ComponentImpact) =>
  COMPONENT_IMPACTS.indexOf(b) > COMPONENT_IMPACTS.indexOf(a) ? b : a;

/** An impact as a reader reads it: "partial outage". */
export const impactLabel = (impact: ComponentImpact) => impact.replaceAll('_', ' ');

const INSTANT_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});

/** "24 Mar 2026, 18:00 UTC", or "25 Mar 2026" for a day, and the `datetime` value for it (UTC, or the day). */
export function formatStamp(text: string): {label: string; datetime: string} {
  const stamp = parseStamp(text) as Stamp;
  if (stamp.kind === 'day') return {label: DAY_FORMAT.format(new Date(`${stamp.day}T00:00:00Z`)), datetime: stamp.day};
  return {label: `${INSTANT_FORMAT.format(new Date(stamp.ms))} UTC`, datetime: new Date(stamp.ms).toISOString()};
}

/** A stamp as one instant, ISO 8601 in UTC, where a format needs one: a day-only stamp as its day's start. */
export function stampInstant(text: string): string {
  const stamp = parseStamp(text) as Stamp;
  return new Date(sortKey(stamp)).toISOString();
}

/** Entries grouped by their UTC day, newest day and newest entry first, as status pages list them. */
export function entriesByDay(entries: readonly TimelineEntry[]): {day: string; entries: TimelineEntry[]}[] {
  const days = new Map<string, TimelineEntry[]>();
  for (const entry of [...entries].reverse()) {
    const day = utcDayOf(parseStamp(entry.at) as Stamp);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  return [...days].map(([day, list]) => ({day, entries: list}));
}

/**
 * Whether the post must already carry the post-mortem's sections, from its raw front matter (the text's checks read
 * it before the schema has): not while the incident is open, nor once resolved where it says the post-mortem is
 * pending.
 */
export function postMortemDue(incident: unknown): boolean {
  if (typeof incident !== 'object' || incident === null) return true;
  const {timeline, postmortem} = incident as {timeline?: unknown; postmortem?: unknown};
  if (postmortem === 'pending') return false;
  if (!Array.isArray(timeline)) return true;
  const states = timeline.flatMap((entry) =>
    typeof entry === 'object' && entry !== null && typeof entry.status === 'string' ? [entry.status] : [],
  );
  return states.at(-1) === 'resolved';
}
