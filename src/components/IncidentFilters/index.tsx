import type React from 'react';
import Link from '@docusaurus/Link';

import {type FilterKind, nowLabel} from '@site/src/incidents/incidentIndex';
import type {FilterLink} from '@site/src/plugins/incidents';
import styles from './styles.module.css';

const GROUPS: [FilterKind, string][] = [
  ['component', 'Component'],
  ['severity', 'Severity'],
  ['year', 'Year'],
];

/** Links to the pre-built filtered views, so filtering needs no JavaScript. */
export default function IncidentFilters({
  filters,
  current,
  onIndex = true,
}: {
  filters: FilterLink[];
  current?: {kind: FilterKind; label: string};
  /** False where the links stand outside the index (on /search): then "All" is not the current page. */
  onIndex?: boolean;
}): React.JSX.Element {
  return (
    <nav className={styles.filters} aria-label="Filter incidents">
      {GROUPS.map(([kind, name]) => (
        <div key={kind} className={styles.group}>
          <span className={styles.name}>{name}</span>
          <ul>
            <li>
              <Link to="/incidents" aria-current={onIndex && current === undefined ? 'page' : undefined}>
                All
              </Link>
            </li>
            {filters
              .filter((filter) => filter.kind === kind)
              .map((filter) => (
                <li key={filter.path}>
                  <Link
                    to={filter.path}
                    aria-current={current?.kind === kind && current.label === filter.label ? 'page' : undefined}
                  >
                    {filter.label} <span className={styles.count}>({filter.count})</span>
                    {filter.now && <span data-component-impact="">, now {nowLabel(filter.now)}</span>}
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
