import type {CreateFeedItemsFn} from '@docusaurus/plugin-content-blog';

import type {IncidentPostMeta} from '../../incidents/frontMatterSchema';
import {escapeXml} from '../../html/xmlText';
import {updateEntries} from '../../incidents/feeds';

type FeedItem = Awaited<ReturnType<CreateFeedItemsFn>>[number];

/**
 * The feeds carry an entry per post, as Docusaurus writes it, and one per status update of an incident's timeline:
 * a reader following an incident sees each update arrive. An update's id is its post's URL and its own stamp, so it
 * never changes as later updates are added. Revisions of the text (`updates:`) stay with their post's entry.
 */
export const feedItemsWithUpdates: CreateFeedItemsFn = async (params) => {
  const items = await params.defaultCreateFeedItems(params);
  const updates = params.blogPosts.flatMap((post, p): FeedItem[] => {
    const {incident} = post.metadata.frontMatter as unknown as IncidentPostMeta;
    const postItem = items[p];
    return updateEntries(postItem.link, post.metadata.title, incident?.timeline ?? []).map((entry) => ({
      title: entry.title,
      id: entry.id,
      link: entry.link,
      date: entry.date,
      description: entry.text,
      content: `<p>${escapeXml(`${entry.label}. ${entry.text}`)}</p>`,
      category: postItem.category,
      ...(postItem.author && {author: postItem.author}),
    }));
  });
  return [...items, ...updates].sort((a, b) => b.date.getTime() - a.date.getTime());
};
