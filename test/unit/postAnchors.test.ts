import {describe, expect, it} from 'vitest';

import {postAnchors} from '../../src/plugins/citations/postAnchors';
import {postLinkTarget} from '../../src/plugins/citations/remarkCitations';

const post = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n\n${body}`;

describe('postAnchors', () => {
  it("reads each heading's {#id}, each source's entry and the status updates' heading, skipping code", () => {
    const text = post(
      'slug: x\nsources:\n  - id: pr-1\nincident:\n  timeline:\n    - at: "2026-03-24"',
      [
        '## Summary {#summary}',
        '````python',
        '# a comment, not a heading {#not-an-id}',
        '```',
        '## still code: a shorter fence does not close a longer one {#nor-this}',
        '````',
        '~~~',
        '## Fenced with tildes {#tilde}',
        '~~~',
        '### Fix {#fix}',
        '#hashtag {#no}',
      ].join('\n'),
    );
    expect(postAnchors(text)).toEqual({ids: ['source-pr-1', 'status-updates', 'summary', 'fix'], complete: true});
  });

  it('is incomplete where a heading has no {#id}, whose id only the slugger gives', () => {
    expect(postAnchors(post('slug: x', '## Summary {#summary}\n\n## What `pip` shows'))).toEqual({
      ids: ['summary'],
      complete: false,
    });
  });

  it('reads the headings of a post whose front matter YAML cannot read', () => {
    expect(postAnchors(post('slug: [x', '## Summary {#summary}')).ids).toEqual(['summary']);
  });
});

describe('postLinkTarget, the one reading of a link between posts for the build and the check', () => {
  const FILE = 'blog/a_incident/index.md';
  const target = (url: string) => postLinkTarget(url, FILE, '/blog', '/site');

  it('reads a URL with or without a trailing slash or .html, and a relative path to a post file', () => {
    expect(target('/blog/b-incident#fix')).toEqual({segment: 'b-incident', anchor: 'fix'});
    expect(target('/blog/b-incident/#fix')).toEqual({segment: 'b-incident', anchor: 'fix'});
    expect(target('/blog/b-incident.html?x=1#fix')).toEqual({segment: 'b-incident', anchor: 'fix'});
    expect(target('/blog/b-incident')).toEqual({segment: 'b-incident', anchor: undefined});
    expect(target('../b_incident/index.mdx#fix')).toEqual({path: 'blog/b_incident/index.mdx', anchor: 'fix'});
  });

  it("leaves every other link to the link check: the blog's own pages, other paths, other sites", () => {
    for (const url of ['/blog/tags/security', '/blog/archive', '/blog/', '/incidents#x', 'https://example.com/a.md'])
      expect(target(url), url).toBeUndefined();
  });
});
