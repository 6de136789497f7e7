import {Feed} from 'feed';
import {describe, expect, it} from 'vitest';

import {newestFeedDate, withFeedDate} from '../../src/plugins/incidents/blog';

type BlogPosts = Parameters<typeof newestFeedDate>[0];
const post = (date: string, timeline?: {at: string}[]) =>
  ({metadata: {date: new Date(date), frontMatter: {incident: {timeline}}}}) as unknown as BlogPosts[number];

/** A feed as the feed library writes it for the blog, its own date the newest post's. */
function feed() {
  const f = new Feed({
    id: 'https://x.test/blog',
    title: 'T',
    copyright: 'c',
    updated: new Date('2026-04-29T00:00:00Z'),
  });
  f.addItem({id: 'a', title: 'A <updated>', link: 'https://x.test/a', date: new Date('2026-04-29T00:00:00Z')});
  return f;
}

describe("the blog feeds' own date", () => {
  it("is the newest of the posts' dates and their status updates' stamps", () => {
    expect(newestFeedDate([post('2026-04-29'), post('2026-03-24', [{at: '2026-05-02T08:15:00+05:30'}])])).toEqual(
      new Date('2026-05-02T02:45:00Z'),
    );
    expect(newestFeedDate([post('2026-04-29'), post('2026-03-24', [{at: '2026-03-25'}])])).toEqual(
      new Date('2026-04-29T00:00:00Z'),
    );
    expect(newestFeedDate([])).toBeUndefined();
  });

  it("replaces the Atom feed's <updated> and the RSS feed's <lastBuildDate>, and no entry's", () => {
    const date = new Date('2026-05-02T02:45:00Z');
    const atom = withFeedDate(feed().atom1(), 'atom', date);
    const [head, entry] = atom.split('<entry>');
    expect(head).toContain('<updated>2026-05-02T02:45:00.000Z</updated>');
    // The entry keeps its own date, and the title that spells the element is left as written.
    expect(entry).toContain('<updated>2026-04-29T00:00:00.000Z</updated>');
    expect(entry).toContain('A <updated>');
    const rss = withFeedDate(feed().rss2(), 'rss', date);
    expect(rss).toContain('<lastBuildDate>Sat, 02 May 2026 02:45:00 GMT</lastBuildDate>');
  });

  it('fails loudly where the feed library no longer writes the element before its entries', () => {
    expect(() => withFeedDate('<feed><entry><updated>x</updated></entry></feed>', 'atom', new Date())).toThrow(
      'the atom feed has no <updated> of its own before its entries',
    );
  });
});
