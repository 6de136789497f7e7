import type React from 'react';
import Layout from '@theme/Layout';
import Head from '@docusaurus/Head';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import IncidentFilters from '@site/src/components/IncidentFilters';
import IncidentTable from '@site/src/components/IncidentTable';
import VersionCheck from '@site/src/components/VersionCheck';
import type {IncidentIndexRouteProps} from '@site/src/plugins/incidents';
import type {Pagination} from '@site/src/incidents/incidentPages';
import {nowLabel} from '@site/src/incidents/incidentIndex';
import {INCIDENTS_JSON_PATH} from '@site/src/incidents/incidentsJson';

/** /incidents, and each of its filtered views (/incidents/component/auth, …). */
/** Links to every page of a long view, the current one marked; nothing when one page holds it all. */
function Pager({pagination}: {pagination: Pagination}): React.JSX.Element | null {
  const {page, pageCount, pagePaths} = pagination;
  if (pageCount === 1) return null;
  return (
    <nav aria-label="Pages" className="pagination-nav margin-vert--md">
      <ul className="pagination">
        {pagePaths.map((href, i) => (
          <li key={href} className={`pagination__item${i + 1 === page ? ' pagination__item--active' : ''}`}>
            <Link className="pagination__link" to={href} aria-current={i + 1 === page ? 'page' : undefined}>
              {i + 1}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function IncidentIndexPage({
  rows,
  components,
  filters,
  current,
  pagination,
  versionsUrl,
}: IncidentIndexRouteProps): React.JSX.Element {
  const view = current ? `Incidents: ${current.label}` : 'All incidents';
  const title = pagination.page === 1 ? view : `${view}, page ${pagination.page} of ${pagination.pageCount}`;
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
          ongoing incidents first, then newest first. Each report links the public issues and pull requests it is
          written from.
        </p>
        {current?.now && (
          <p data-component-now="">
            <strong>Now: {nowLabel(current.now)}</strong>, under{' '}
            {current.now.incidents.map(({title, permalink}, i) => (
              <span key={permalink}>
                {i > 0 && ', '}
                <Link to={permalink}>{title}</Link>
              </span>
            ))}
            .
          </p>
        )}
        {!current && pagination.page === 1 && <VersionCheck versionsUrl={versionsUrl} />}
        <IncidentFilters filters={filters} current={current} />
        <IncidentTable
          rows={rows}
          components={components}
          caption={
            pagination.pageCount === 1
              ? `${rows.length} ${rows.length === 1 ? 'incident' : 'incidents'}`
              : `Incidents ${pagination.first} to ${pagination.last} of ${pagination.total}`
          }
        />
        <Pager pagination={pagination} />
        <p>
          For scripts: the same list, with every field and source, as{' '}
          <Link href={`pathname://${INCIDENTS_JSON_PATH}`}>incidents.json</Link>.
        </p>
      </main>
    </Layout>
  );
}
