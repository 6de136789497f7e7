import React from 'react';
import Link from '@docusaurus/Link';

import {formatCalendarDate, SEVERITY_LABELS, STATUS_LABELS} from '@site/src/incidents/incidentMeta';
import type {IncidentRow} from '@site/src/incidents/incidentIndex';
import styles from './styles.module.css';

type Props = {rows: readonly IncidentRow[]; caption: string};

/** Every incident at a glance; on a phone each row becomes a small card. */
export default function IncidentTable({rows, caption}: Props): React.JSX.Element {
  return (
    <table className={styles.table} data-incident-index="">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Date</th>
          <th scope="col">Duration</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.permalink}>
            <th scope="row" data-label="Incident">
              <Link to={row.permalink}>{row.title}</Link>
            </th>
            <td data-label="Date">
              <time dateTime={row.incident.date}>{formatCalendarDate(row.incident.date)}</time>
            </td>
            <td data-label="Duration">{row.incident.duration}</td>
            <td data-label="Severity">
              {SEVERITY_LABELS[row.incident.severity]}
              {row.incident.severity_scope && <span className={styles.scope}>: {row.incident.severity_scope}</span>}
            </td>
            <td data-label="Status">{STATUS_LABELS[row.incident.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
