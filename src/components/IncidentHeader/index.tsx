import React from 'react';

import {
  formatCalendarDate,
  NOT_STATED,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type IncidentMeta,
} from '@site/src/incidents/incidentMeta';
import styles from './styles.module.css';

type Props = {incident: IncidentMeta};

/** The facts a reader from an incident notice looks for first, from the post's front matter. */
export default function IncidentHeader({incident}: Props): React.JSX.Element {
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

  return (
    <dl className={styles.header} aria-label="Incident summary" data-incident-header="">
      {rows.map(([term, value]) => (
        <div key={term} className={styles.row}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
