import type React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import {formatCalendarDate} from '@site/src/incidents/calendarDates';
import type {IncidentsRouteProps} from '@site/src/plugins/incidents';

export default function HomePage({rows}: IncidentsRouteProps): React.JSX.Element {
  const newest = rows[0];
  return (
    <Layout description="Post-mortems of the LiteLLM proxy, each linked to its public issues and pull requests.">
      <main className="container margin-vert--lg">
        <Heading as="h1">LiteLLM incident reports</Heading>
        <p>
          What went wrong in the LiteLLM proxy, who it affected, how it was fixed and what operators should check. Every
          figure on these pages comes from a linked public issue, pull request or measurement.
        </p>
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
