/**
 * Beside each timed status update, which the page states in UTC, the same moment in the reader's own time and zone:
 * "(your time: 14:00 GMT-4, Eastern Daylight Time)". Days are left alone (a day has no time to convert). Without JavaScript the UTC stamp
 * is all there is, and it is complete.
 */
import {mountIslands} from './mountIslands';

/**
 * "your time: 14:00 GMT-4, Eastern Daylight Time", with the day where the reader's differs from UTC's: the offset,
 * which reads the same everywhere, and the zone's name, which an abbreviation (EDT, IST) leaves ambiguous.
 */
export function localTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  const format = (options: Intl.DateTimeFormatOptions, zone = timeZone) =>
    new Intl.DateTimeFormat('en-GB', {...options, timeZone: zone}).format(date);
  const day = {year: 'numeric', month: '2-digit', day: '2-digit'} as const;
  const time = format({hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset'});
  const zone = new Intl.DateTimeFormat('en-GB', {timeZone, timeZoneName: 'long'})
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  const sameDay = format(day) === format(day, 'UTC');
  return `your time: ${sameDay ? '' : `${format({day: 'numeric', month: 'short'})}, `}${time}${zone ? `, ${zone}` : ''}`;
}

export function mountLocalTimes(): void {
  mountIslands<Record<string, never>>('local-times', (root) => {
    for (const stamp of root.querySelectorAll<HTMLTimeElement>('time[data-utc-time]')) {
      if (stamp.nextElementSibling?.hasAttribute('data-local-time')) continue;
      const local = document.createElement('span');
      local.dataset.localTime = '';
      local.textContent = ` (${localTime(stamp.dateTime)})`;
      stamp.after(local);
    }
  });
}

// Not on import in Node, where the tests read localTime.
if (typeof document !== 'undefined') mountLocalTimes();
