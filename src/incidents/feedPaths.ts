/** Where the feeds of one incident and of one component are served, and the page that lists every feed. */
export const FEEDS_PAGE = '/feeds';
export const incidentFeedPath = (slug: string) => `${FEEDS_PAGE}/incidents/${slug}.xml`;
export const componentFeedPath = (key: string) => `${FEEDS_PAGE}/components/${key}.xml`;
