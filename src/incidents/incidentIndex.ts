import {IncidentMetaError, parseIncidentMeta, type IncidentMeta} from './incidentMeta';

/** What the index needs to know of one blog post. */
export type IncidentPost = {
  permalink: string;
  title: string;
  /** The post's file, for error messages, e.g. "@site/blog/x/index.md". */
  source: string;
  frontMatter: Record<string, unknown>;
};

export type IncidentRow = {permalink: string; title: string} & IncidentMeta;

/**
 * One row per post, newest incident first (ties by title, so the order never
 * depends on file-system order). Throws on invalid metadata or on two posts
 * sharing a tracking id, which would make /incidents/<id> ambiguous.
 */
export function buildIncidentIndex(posts: readonly IncidentPost[]): IncidentRow[] {
  const rows = posts.map((post) => ({
    permalink: post.permalink,
    title: post.title,
    ...parseIncidentMeta(post.frontMatter, post.source),
  }));
  const owners = new Map<string, string>();
  for (const [i, row] of rows.entries()) {
    if (row.tracking_id === undefined) continue;
    const owner = owners.get(row.tracking_id);
    if (owner !== undefined) {
      throw new IncidentMetaError(posts[i].source, 'incident.tracking_id', `"${row.tracking_id}" is already used by ${owner}`);
    }
    owners.set(row.tracking_id, posts[i].source);
  }
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}
