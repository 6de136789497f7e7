import type React from 'react';
import Link from '@docusaurus/Link';

import type {Components} from '@site/src/incidents/components';
import {formatCalendarDate} from '@site/src/incidents/calendarDates';
import {NOT_STATED, SEVERITY_LABELS, STATUS_LABELS} from '@site/src/incidents/vocabulary';
import type {IncidentRow} from '@site/src/incidents/incidentIndex';
import {describeStatement} from '@site/src/incidents/versionStatements';
import {StateSince} from '@site/src/components/IncidentTimeline';
import styles from './styles.module.css';

type Props = {rows: readonly IncidentRow[]; components: Components; caption: string};

/** Every incident at a glance, with the versions its sources state; on a phone each row becomes a small card. */
export default function IncidentTable({rows, components, caption}: Props): React.JSX.Element {
  return (
    <table className={styles.table} data-incident-index="">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Date</th>
          <th scope="col">Severity</th>
          <th scope="col">Versions</th>
          <th scope="col">Components</th>
          <th scope="col">Duration</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({permalink, title, incident}) => (
          <tr key={permalink}>
            <th scope="row" data-label="Incident">
              <Link to={permalink}>{title}</Link>
            </th>
            <td data-label="Date">
              <time dateTime={incident.date}>{formatCalendarDate(incident.date)}</time>
            </td>
            <td data-label="Severity">
              {SEVERITY_LABELS[incident.severity]}
              {incident.severity_scope && <span className={styles.scope}>: {incident.severity_scope}</span>}
            </td>
            <td data-label="Versions" data-versions="">
              {incident.versions === 'not stated' ? NOT_STATED : incident.versions.map(describeStatement).join('; ')}
            </td>
            <td data-label="Components">
              {incident.components.map((key) => components[key]?.label ?? key).join(', ')}
            </td>
            <td data-label="Duration">{incident.duration}</td>
            <td data-label="Status">
              {incident.timeline ? <StateSince timeline={incident.timeline} /> : STATUS_LABELS[incident.status]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
