import React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

import IncidentTable from '@site/src/components/IncidentTable';
import type {IncidentsRouteProps} from '@site/src/plugins/incidents';

export default function IncidentIndexPage({rows}: IncidentsRouteProps): React.JSX.Element {
  return (
    <Layout title="All incidents" description="Every incident of the LiteLLM proxy with its date, duration, severity and status.">
      <main className="container margin-vert--lg">
        <Heading as="h1">All incidents</Heading>
        <p>
          Every post-mortem on this site, newest incident first. Each report links the public issues and pull requests it
          is written from.
        </p>
        <IncidentTable rows={rows} caption={`${rows.length} incidents`} />
      </main>
    </Layout>
  );
}
