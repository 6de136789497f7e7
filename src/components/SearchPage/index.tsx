import type React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';

import IncidentFilters from '@site/src/components/IncidentFilters';
import Island from '@site/src/components/Island';
import type {SearchRouteProps} from '@site/src/plugins/incidents';
import {SEARCH_PAGE} from '@site/src/search/searchPaths';
import styles from './styles.module.css';

/**
 * /search. The form works without JavaScript: it reloads this page, which
 * then links the index and its filtered views. With JavaScript, the search
 * island answers from the static index the build wrote, and this is the only
 * page that loads it.
 */
// Under npm start no index is built; the island says so.
const startSearch = () => import('@site/src/islands/search').then((island) => island.mountSearch());

export default function SearchPage({filters, searchScript}: SearchRouteProps): React.JSX.Element {
  return (
    <Layout
      title="Search the reports"
      description="Search every LiteLLM incident report by words from its text, a tracking id, a component or a version."
    >
      <main className="container margin-vert--lg">
        <Heading as="h1">Search the reports</Heading>
        <Island name="search" props={{searchScript}} startWithoutIslands={startSearch}>
          {/* biome-ignore lint/a11y/useSemanticElements: <search> is a landmark only in browsers from 2023 on; role=search is one in all */}
          <form action={SEARCH_PAGE} method="get" role="search" className={styles.form}>
            <label htmlFor="search-query">Words, a tracking id or a version</label>
            <input
              id="search-query"
              className="site-field"
              name="q"
              type="search"
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="button button--primary button--sm">
              Search
            </button>
          </form>
          <noscript>
            <p>Search needs JavaScript. The reports are listed below, by component, severity and year.</p>
          </noscript>
          <div role="status" aria-live="polite" className={styles.status} />
          <ol className={styles.results} aria-label="Matching reports" />
        </Island>
        <section className={styles.browse} aria-labelledby="search-browse">
          <Heading as="h2" id="search-browse">
            Browse the reports
          </Heading>
          <p>
            Every report is also listed on <Link to="/incidents">All incidents</Link>, with its versions and components,
            and by filter below: the way to search without JavaScript.
          </p>
          <IncidentFilters filters={filters} onIndex={false} />
        </section>
      </main>
    </Layout>
  );
}
