/**
 * Feeds beyond the blog's own: one per incident (to follow one incident) and one per component, each an Atom feed of
 * the post and its status updates. An update's entry has the same id here as in the site's feeds
 * (src/plugins/incidents/feed.ts): its post's URL and its own stamp, which later updates leave alone.
 */
import {Feed} from 'feed';

import type {Components} from './components';
import {componentFeedPath, incidentFeedPath} from './feedPaths';
import type {IncidentRow} from './incidentIndex';
import {formatStamp, STATUS_UPDATES_ID, stampInstant, type TimelineEntry} from './timeline';
import {CITATION, STATUS_LABELS} from './vocabulary';

export type UpdateEntry = {id: string; title: string; link: string; date: Date; text: string; label: string};

/** Each status update as a feed entry, oldest first. */
export function updateEntries(postUrl: string, title: string, timeline: readonly TimelineEntry[]): UpdateEntry[] {
  return timeline.map((entry) => {
    return {
      id: `${postUrl}#status-${entry.at}`,
      title: `${entry.status ? STATUS_LABELS[entry.status] : 'Update'}: ${title}`,
      link: `${postUrl}#${STATUS_UPDATES_ID}`,
      date: new Date(stampInstant(entry.at)),
      text: entry.body.replace(CITATION, ''),
      label: formatStamp(entry.at).label,
    };
  });
}

/** The post's own entry and its updates, newest first. */
function incidentEntries(row: IncidentRow, siteUrl: string): UpdateEntry[] {
  const url = `${siteUrl}${row.permalink}`;
  const post = {
    id: url,
    title: row.title,
    link: url,
    date: new Date(`${row.date}T00:00:00Z`),
    text: row.description,
    label: row.date,
  };
  return [post, ...updateEntries(url, row.title, row.incident.timeline ?? [])];
}

function atom(title: string, self: string, home: string, entries: UpdateEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime());
  const feed = new Feed({
    id: self,
    title,
    link: home,
    feedLinks: {atom: self},
    updated: sorted[0]?.date,
    copyright: 'Written from the public issues and pull requests of BerriAI/litellm.',
  });
  for (const entry of sorted)
    feed.addItem({id: entry.id, title: entry.title, link: entry.link, date: entry.date, description: entry.text});
  return feed.atom1();
}

/** Every incident's feed and every component's, by path. */
export function incidentFeeds(rows: readonly IncidentRow[], siteUrl: string, components: Components) {
  const files: Record<string, string> = {};
  for (const row of rows)
    files[incidentFeedPath(row.slug)] = atom(
      `${row.title}: LiteLLM incident report`,
      `${siteUrl}${incidentFeedPath(row.slug)}`,
      `${siteUrl}${row.permalink}`,
      incidentEntries(row, siteUrl),
    );
  for (const [key, {label}] of Object.entries(components))
    files[componentFeedPath(key)] = atom(
      `${label}: LiteLLM incidents`,
      `${siteUrl}${componentFeedPath(key)}`,
      `${siteUrl}/incidents/component/${key}`,
      rows.filter((row) => row.incident.components.includes(key)).flatMap((row) => incidentEntries(row, siteUrl)),
    );
  return files;
}
