import type React from 'react';
import {Fragment} from 'react';

import Heading from '@theme/Heading';

import Island from '@site/src/components/Island';
import {formatCalendarDate} from '@site/src/incidents/calendarDates';
import {
  currentState,
  entriesByDay,
  formatStamp,
  impactLabel,
  STATUS_UPDATES_ID,
  type TimelineEntry,
} from '@site/src/incidents/timeline';
import {CITATION, STATUS_LABELS} from '@site/src/incidents/vocabulary';
import styles from './styles.module.css';

const startLocalTimes = () => import('@site/src/islands/localTimes').then((island) => island.mountLocalTimes());

/** Text with its [^id] citations, each rendered by `cite`. */
export function CitedText({text, cite}: {text: string; cite: (id: string) => React.ReactNode}): React.JSX.Element {
  return (
    <>
      {/* split() with a capturing group: the cited ids sit at the odd places, between the text. */}
      {text.split(new RegExp(CITATION.source)).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in its order
        i % 2 === 1 ? <Fragment key={i}>{cite(part)}</Fragment> : part,
      )}
    </>
  );
}

/** A UTC stamp in the static HTML; the local-times island adds the reader's own time beside a timed one. */
export function Stamp({at}: {at: string}): React.JSX.Element {
  const {label, datetime} = formatStamp(at);
  return datetime.includes('T') ? (
    <time dateTime={datetime} data-utc-time="">
      {label}
    </time>
  ) : (
    <time dateTime={datetime}>{label}</time>
  );
}

/** An incident's state as the latest entry stating one gives it: "Identified, as stated 24 Mar 2026, 18:00 UTC". */
export function StateSince({timeline}: {timeline: readonly TimelineEntry[]}): React.JSX.Element {
  const state = currentState(timeline)!;
  return (
    <>
      {STATUS_LABELS[state.status]}, as stated <Stamp at={state.since.at} />
    </>
  );
}

/** The status updates as they were sent, newest first, grouped under their day in UTC. */
export default function IncidentTimeline({
  entries,
  cite,
  components,
}: {
  entries: readonly TimelineEntry[];
  cite: (id: string) => React.ReactNode;
  components: Record<string, {label: string}>;
}): React.JSX.Element {
  return (
    <section className={styles.timeline} aria-labelledby={STATUS_UPDATES_ID} data-incident-timeline="">
      <Heading as="h2" id={STATUS_UPDATES_ID}>
        Status updates
      </Heading>
      <Island name="local-times" props={{}} startWithoutIslands={startLocalTimes}>
        <div>
          {entriesByDay(entries).map(({day, entries: onDay}) => (
            <section key={day} aria-label={`${formatCalendarDate(day)} (UTC)`}>
              <h3 className={styles.day}>{formatCalendarDate(day)} (UTC)</h3>
              <ol className={styles.entries}>
                {onDay.map((entry) => (
                  <li key={entry.at + entry.body} data-timeline-entry="">
                    <Stamp at={entry.at} />{' '}
                    <strong>
                      {entry.status ? STATUS_LABELS[entry.status] : 'Update'}
                      {entry.reopened && ' (reopened)'}
                    </strong>
                    <p>
                      <CitedText text={entry.body} cite={cite} />
                    </p>
                    {entry.components && (
                      <p className={styles.components}>
                        {Object.entries(entry.components)
                          .map(([key, impact]) => `${components[key]?.label ?? key}: ${impactLabel(impact)}`)
                          .join('; ')}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      </Island>
    </section>
  );
}
