import React from 'react';

import {
  formatCalendarDate,
  NOT_STATED,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type IncidentMeta,
  type IncidentUpdate,
} from '@site/src/incidents/incidentMeta';
import styles from './styles.module.css';

type Props = {incident: IncidentMeta; updates: readonly IncidentUpdate[]};

/** The facts a reader from an incident notice looks for first, from the post's front matter. */
export default function IncidentHeader({incident, updates}: Props): React.JSX.Element {
  const lastUpdate = updates[updates.length - 1];
  const rows: [string, React.ReactNode][] = [
    [
      'Incident date',
      <>
        <time dateTime={incident.date}>{formatCalendarDate(incident.date)}</time>
        {incident.date_note && ` (${incident.date_note})`}
      </>,
    ],
    ['Duration', incident.duration],
    [
      'Severity',
      <>
        <span className={styles.severity} data-severity={incident.severity}>
          {SEVERITY_LABELS[incident.severity]}
        </span>
        {incident.severity_scope && ` ${incident.severity_scope}`}
      </>,
    ],
    ['Status', STATUS_LABELS[incident.status]],
    ['First fixed release', incident.fixed_in ?? NOT_STATED],
  ];
  if (incident.tracking_id) rows.push(['Tracking id', <code>{incident.tracking_id}</code>]);
  if (lastUpdate) rows.push(['Last updated', <time dateTime={lastUpdate.date}>{formatCalendarDate(lastUpdate.date)}</time>]);

  return (
    <>
      <dl className={styles.header} aria-label="Incident summary" data-incident-header="">
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {updates.length > 0 && (
        <section className={styles.updates} aria-label="Updates" data-incident-updates="">
          <strong>Updates since publication</strong>
          <ul>
            {updates.map((update) => (
              <li key={`${update.date}-${update.note}`}>
                <time dateTime={update.date}>{formatCalendarDate(update.date)}</time>: {update.note}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
