import {describe, expect, it} from 'vitest';

import {buildIncidentIndex, type IncidentPost} from '../../src/incidents/incidentIndex';

function post(slug: string, date: string, extra: Record<string, unknown> = {}): IncidentPost {
  return {
    permalink: `/blog/${slug}`,
    title: `Title of ${slug}`,
    source: `blog/${slug}/index.md`,
    frontMatter: {incident: {date, duration: '1 hour', severity: 'low', status: 'resolved', ...extra}},
  };
}

describe('buildIncidentIndex', () => {
  it('makes one row per post, newest incident first', () => {
    const rows = buildIncidentIndex([post('old', '2026-01-27'), post('new', '2026-04-21'), post('mid', '2026-02-16')]);
    expect(rows.map((row) => row.permalink)).toEqual(['/blog/new', '/blog/mid', '/blog/old']);
    expect(rows[0]).toMatchObject({title: 'Title of new', date: '2026-04-21', duration: '1 hour', severity: 'low', status: 'resolved'});
  });

  it('orders incidents of the same day by title, whatever order the files came in', () => {
    const a = post('a', '2026-02-16');
    const b = post('b', '2026-02-16');
    expect(buildIncidentIndex([b, a]).map((row) => row.title)).toEqual(['Title of a', 'Title of b']);
  });

  it('returns no rows for no posts', () => {
    expect(buildIncidentIndex([])).toEqual([]);
  });

  it('fails on the first post with bad metadata, naming its file', () => {
    expect(() => buildIncidentIndex([post('fine', '2026-01-01'), post('broken', 'yesterday')])).toThrow(
      'blog/broken/index.md: front matter "incident.date"',
    );
  });

  it('refuses two posts with one tracking id, since /incidents/<id> must lead to one post', () => {
    expect(() =>
      buildIncidentIndex([post('one', '2026-01-01', {tracking_id: 'LIT-1'}), post('two', '2026-01-02', {tracking_id: 'LIT-1'})]),
    ).toThrow('blog/two/index.md: front matter "incident.tracking_id" "LIT-1" is already used by blog/one/index.md');
  });
});
