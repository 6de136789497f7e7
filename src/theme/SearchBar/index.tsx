import type React from 'react';

import {SEARCH_PAGE} from '@site/src/search/searchPaths';
import styles from './styles.module.css';

/**
 * The navbar's search box: a plain form to /search, so it works on every page
 * without JavaScript and loads nothing until the reader searches.
 */
export default function SearchBar(): React.JSX.Element {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is a landmark only in browsers from 2023 on; role=search is one in all
    <form action={SEARCH_PAGE} method="get" role="search" className={styles.search}>
      <input
        className="site-field"
        name="q"
        type="search"
        placeholder="Search"
        aria-label="Search the reports"
        autoComplete="off"
      />
    </form>
  );
}
