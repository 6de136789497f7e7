import type {RouteConfig} from '@docusaurus/types';

import type {Components} from '../../incidents/components';
import {
  currentComponentImpacts,
  incidentFilters,
  type ComponentNow,
  type FilterKind,
  type IncidentRow,
} from '../../incidents/incidentIndex';
import {paginate, type Pagination} from '../../incidents/incidentPages';
import {SEARCH_PAGE, SEARCH_SCRIPT} from '../../search/searchPaths';
import {componentFeedPath, FEEDS_PAGE, incidentFeedPath} from '../../incidents/feedPaths';

/** A link to one filtered view of the index; a component's carries its impact while an ongoing incident names it. */
export type FilterLink = {kind: FilterKind; label: string; path: string; count: number; now?: ComponentNow};

export type IncidentsRouteProps = {
  /** This page's rows, ongoing incidents first, then newest first. */
  rows: IncidentRow[];
  components: Components;
  /** Every filtered view, for the filter links. */
  filters: FilterLink[];
  /** The view this page shows; absent on /incidents itself. */
  current?: {kind: FilterKind; label: string; now?: ComponentNow};
};

/** One page of /incidents or of a filtered view. */
export type IncidentIndexRouteProps = IncidentsRouteProps & {
  pagination: Pagination;
  /** Where "Am I affected?" fetches every incident's versions (a hashed file under /assets). */
  versionsUrl: string;
};
/** /feeds: every feed there is to follow. */
export type FeedsRouteProps = {
  incidents: {title: string; permalink: string; feed: string}[];
  components: {label: string; feed: string}[];
};
/** /search: the script that searches the index, and the filtered views it links for readers without JavaScript. */
export type SearchRouteProps = {filters: FilterLink[]; searchScript: string};

/**
 * The plugin's pages, from the posts' rows: `/`, /search, and /incidents with every filtered view, each in pages
 * of `pageSize` rows. The rows reach the pages as route props: only these pages load them, not every page as
 * global data would.
 */
export function incidentRoutes({
  rows,
  components,
  pageSize,
  versionsUrl,
}: {
  rows: IncidentRow[];
  components: Components;
  pageSize: number;
  versionsUrl: string;
}): RouteConfig[] {
  const views = incidentFilters(rows, components);
  const impacts = currentComponentImpacts(rows);
  const nowOf = (kind: FilterKind, value: string) => (kind === 'component' ? impacts[value] : undefined);
  const filters: FilterLink[] = views.map(({kind, value, label, path, rows: matching}) => ({
    kind,
    label,
    path,
    count: matching.length,
    now: nowOf(kind, value),
  }));
  const route = <Props extends Record<string, unknown>>(
    path: string,
    component: string,
    props: Props,
  ): RouteConfig => ({
    path,
    exact: true,
    component: `@site/src/components/${component}`,
    props,
  });
  const viewPages = [
    ...paginate('/incidents', rows, pageSize).map((page) => ({...page, current: undefined})),
    ...views.flatMap((view) =>
      paginate(view.path, view.rows, pageSize).map((page) => ({
        ...page,
        current: {kind: view.kind, label: view.label, now: nowOf(view.kind, view.value)},
      })),
    ),
  ];
  return [
    route<SearchRouteProps>(SEARCH_PAGE, 'SearchPage', {filters, searchScript: SEARCH_SCRIPT}),
    route<IncidentsRouteProps>('/', 'HomePage', {rows, components, filters}),
    route<FeedsRouteProps>(FEEDS_PAGE, 'FeedsPage', {
      incidents: rows.map(({title, permalink, slug}) => ({title, permalink, feed: incidentFeedPath(slug)})),
      components: Object.entries(components).map(([key, {label}]) => ({label, feed: componentFeedPath(key)})),
    }),
    ...viewPages.map(({path, rows: pageRows, pagination, current}) =>
      route<IncidentIndexRouteProps>(path, 'IncidentIndexPage', {
        rows: pageRows,
        components,
        filters,
        current,
        pagination,
        versionsUrl,
      }),
    ),
  ];
}
