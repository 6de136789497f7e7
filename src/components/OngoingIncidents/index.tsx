import type React from 'react';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import {useLocation} from '@docusaurus/router';

import {Stamp} from '@site/src/components/IncidentTimeline';
import {STATUS_LABELS} from '@site/src/incidents/vocabulary';
import {impactLabel} from '@site/src/incidents/timeline';
import type {IncidentsGlobalData} from '@site/src/plugins/incidents';
import styles from './styles.module.css';

/**
 * On every page while any incident is unresolved: each one linked, with its latest state and when it was stated
 * (on an incident's own page, the others).
 * From the build (a deploy per update), so it needs no script and is there for every reader a notice brings.
 */
export default function OngoingIncidents(): React.JSX.Element | null {
  const {pathname} = useLocation();
  // Not on the incident's own page, whose header says the same first.
  const ongoing = (usePluginData('incidents-index') as IncidentsGlobalData).ongoing.filter(
    (incident) => incident.permalink !== pathname,
  );
  if (ongoing.length === 0) return null;
  return (
    <section className={styles.banner} aria-label="Ongoing incidents" data-ongoing-incidents="">
      <strong>{ongoing.length === 1 ? 'Ongoing incident:' : `${ongoing.length} ongoing incidents:`}</strong>
      <ul>
        {ongoing.map(({title, permalink, status, since, impacts}) => (
          <li key={permalink}>
            <Link to={permalink}>{title}</Link> · {STATUS_LABELS[status]}
            {since ? (
              <span className={styles.since}>
                , as stated <Stamp at={since} />
              </span>
            ) : null}
            {impacts.map(({label, impact}) => (
              <span key={label} data-component-impact="">
                {' '}
                · {label}: {impactLabel(impact)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
