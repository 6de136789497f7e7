import {describe, expect, it} from 'vitest';

import {postAnchors} from '../../src/plugins/citations/postAnchors';

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
