import type React from 'react';
import Layout from '@theme/Layout';
import Head from '@docusaurus/Head';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import IncidentFilters from '@site/src/components/IncidentFilters';
import IncidentTable from '@site/src/components/IncidentTable';
import VersionCheck from '@site/src/components/VersionCheck';
import type {IncidentsRouteProps} from '@site/src/plugins/incidents';
import {INCIDENTS_JSON_PATH} from '@site/src/incidents/incidentsJson';

/** /incidents, and each of its filtered views (/incidents/component/auth, …). */
export default function IncidentIndexPage({
  rows,
  components,
  filters,
  current,
}: IncidentsRouteProps): React.JSX.Element {
  const title = current ? `Incidents: ${current.label}` : 'All incidents';
  return (
    <Layout
      title={title}
      description="Every incident of the LiteLLM proxy with its date, duration, severity, status, components and the versions its sources state."
    >
      <Head>
        <link rel="alternate" type="application/json" href={INCIDENTS_JSON_PATH} title="LiteLLM incidents as JSON" />
      </Head>
      <main className="container margin-vert--lg">
        <Heading as="h1">{title}</Heading>
        <p>
          {current
            ? `The incidents filed under ${current.kind} “${current.label}”, `
            : 'Every post-mortem on this site, '}
          newest incident first. Each report links the public issues and pull requests it is written from.
        </p>
        {!current && (
          <VersionCheck
            incidents={rows.map(({title: name, permalink, incident}) => ({
              title: name,
              permalink,
              versions: incident.versions,
            }))}
          />
        )}
        <IncidentFilters filters={filters} current={current} />
        <IncidentTable
          rows={rows}
          components={components}
          caption={`${rows.length} ${rows.length === 1 ? 'incident' : 'incidents'}`}
        />
        <p>
          For scripts: the same list, with every field and source, as{' '}
          <Link href={`pathname://${INCIDENTS_JSON_PATH}`}>incidents.json</Link>.
        </p>
      </main>
    </Layout>
  );
}
