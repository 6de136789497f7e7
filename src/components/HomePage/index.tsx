import type React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import {formatCalendarDate} from '@site/src/incidents/calendarDates';
import {isOngoing} from '@site/src/incidents/incidentIndex';
import {STATUS_LABELS} from '@site/src/incidents/vocabulary';
import {StateSince} from '@site/src/components/IncidentTimeline';
import type {IncidentsRouteProps} from '@site/src/plugins/incidents';

export default function HomePage({rows}: IncidentsRouteProps): React.JSX.Element {
  // The rows come ongoing first; the newest report is the newest incident of all.
  const ongoing = rows.filter(isOngoing);
  const newest = rows.toSorted((a, b) => b.incident.date.localeCompare(a.incident.date))[0];
  return (
    <Layout description="Post-mortems of the LiteLLM proxy, each linked to its public issues and pull requests.">
      <main className="container margin-vert--lg">
        <Heading as="h1">LiteLLM incident reports</Heading>
        <p>
          What went wrong in the LiteLLM proxy, who it affected, how it was fixed and what operators should check. Every
          figure on these pages comes from a linked public issue, pull request or measurement.
        </p>
        {ongoing.length > 0 && (
          <section className="card margin-vert--lg" aria-labelledby="ongoing" data-home-ongoing="">
            <div className="card__body">
              <Heading as="h2" id="ongoing">
                {ongoing.length === 1 ? 'Ongoing incident' : 'Ongoing incidents'}
              </Heading>
              <ul>
                {ongoing.map(({permalink, title, incident}) => (
                  <li key={permalink}>
                    <Link to={permalink}>{title}</Link>:{' '}
                    {incident.timeline ? <StateSince timeline={incident.timeline} /> : STATUS_LABELS[incident.status]}
                  </li>
                ))}
              </ul>
            </div>
          </section>
        )}
        {newest && (
          <section className="card margin-vert--lg" aria-labelledby="newest-incident">
            <div className="card__body">
              <Heading as="h2" id="newest-incident">
                Newest report
              </Heading>
              <p>
                <Link to={newest.permalink}>{newest.title}</Link>
                <br />
                Incident of <time dateTime={newest.incident.date}>{formatCalendarDate(newest.incident.date)}</time>
              </p>
            </div>
          </section>
        )}
        <Link className="button button--primary button--lg" to="/incidents">
          See all {rows.length} incidents
        </Link>
      </main>
    </Layout>
  );
}
