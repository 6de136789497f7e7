import {IncidentMetaError, type IncidentPostMeta} from './incidentMeta';

/** One blog post with its validated front matter. */
export type IncidentPost = {
  permalink: string;
  title: string;
  /** The post's file, for error messages, e.g. "blog/x/index.md". */
  file: string;
  meta: IncidentPostMeta;
};

export type IncidentRow = {permalink: string; title: string} & IncidentPostMeta;

/**
 * Refuses two posts with one slug (one URL, two reports) or one tracking id
 * (/incidents/<id> must lead to one post), naming both files.
 */
export function checkDistinct(posts: readonly Pick<IncidentPost, 'file' | 'meta'>[]): void {
  const owners = {slug: new Map<string, string>(), 'incident.tracking_id': new Map<string, string>()};
  for (const {file, meta} of posts) {
    for (const [field, value] of [['slug', meta.slug], ['incident.tracking_id', meta.incident.tracking_id]] as const) {
      if (value === undefined) continue;
      const owner = owners[field].get(value);
      if (owner !== undefined) throw new IncidentMetaError(file, field, `"${value}" is already used by ${owner}`);
      owners[field].set(value, file);
    }
  }
}

/**
 * One row per post, newest incident first (ties by title, so the order never
 * depends on file-system order).
 */
export function buildIncidentIndex(posts: readonly IncidentPost[]): IncidentRow[] {
  return posts
    .map((post) => ({permalink: post.permalink, title: post.title, ...post.meta}))
    .sort((a, b) => b.incident.date.localeCompare(a.incident.date) || a.title.localeCompare(b.title));
}
