import {describe, expect, it} from 'vitest';

import {excerptParts, fromSentenceStart, MAX_SECTIONS, searchHit} from '../../src/search/searchHits';

describe('excerptParts', () => {
  it('turns marks into marked runs and entities into characters, reading nothing as markup', () => {
    expect(excerptParts('the <mark>event</mark> loop &lt;froze&gt; &amp; &quot;stayed&quot; &#39;so&#39;')).toEqual([
      {text: 'the ', marked: false},
      {text: 'event', marked: true},
      {text: ' loop <froze> & "stayed" \'so\'', marked: false},
    ]);
  });

  it('drops any other tag, keeping its text', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>a <b>bold</b> <mark><i>hit</i></mark>')).toEqual([
      {text: 'a bold ', marked: false},
      {text: 'hit', marked: true},
    ]);
  });
});

describe('fromSentenceStart', () => {
  const parts = (excerpt: string) => fromSentenceStart(excerptParts(excerpt));

  it('starts an excerpt that opens mid-sentence at the next sentence before the match', () => {
    expect(parts('number stated). Versions Not stated. Tracking id <mark>LIT-2614</mark>.')).toEqual([
      {text: 'Versions Not stated. Tracking id ', marked: false},
      {text: 'LIT-2614', marked: true},
      {text: '.', marked: false},
    ]);
  });

  it('marks the cut with … where no sentence begins before the match', () => {
    expect(parts('while it <mark>reconnected</mark>. Then')).toEqual([
      {text: '… while it ', marked: false},
      {text: 'reconnected', marked: true},
      {text: '. Then', marked: false},
    ]);
  });

  it('leaves an excerpt that starts with a capital or with the match as it is', () => {
    for (const excerpt of ['The proxy <mark>froze</mark>.', '<mark>froze</mark> the loop'])
      expect(parts(excerpt)).toEqual(excerptParts(excerpt));
  });
});

describe('searchHit', () => {
  const data = {
    url: '/blog/prisma-reconnect-blocking-incident',
    meta: {title: 'Prisma reconnect froze the event loop'},
    excerpt: 'froze the <mark>event</mark> loop',
    sub_results: [
      {title: 'Prisma reconnect froze the event loop', url: '/blog/prisma-reconnect-blocking-incident', excerpt: ''},
      ...['summary', 'impact', 'background', 'the-fix'].map((id) => ({
        title: id,
        url: `/blog/prisma-reconnect-blocking-incident#${id}`,
        excerpt: '',
      })),
    ],
  };

  it('lists the sections that matched best first', () => {
    const scored = (id: string, scores: number[]) => ({
      title: id,
      url: `${data.url}#${id}`,
      excerpt: '',
      weighted_locations: scores.map((balanced_score) => ({balanced_score})),
    });
    const hit = searchHit({
      ...data,
      sub_results: [
        scored('summary', [1]),
        scored('background', [0.5, 0.5, 0.4]),
        scored('the-fix', [3]),
        scored('impact', []),
      ],
    })!;
    expect(hit.sections.map((section) => section.title)).toEqual(['the-fix', 'background', 'summary']);
  });

  it('links the report and at most a few of the sections that matched, never the page itself twice', () => {
    const hit = searchHit(data)!;
    expect(hit.url).toBe(data.url);
    expect(hit.title).toBe('Prisma reconnect froze the event loop');
    expect(hit.sections.map((section) => section.url)).toEqual(
      ['summary', 'impact', 'background'].map((id) => `${data.url}#${id}`),
    );
    expect(hit.sections).toHaveLength(MAX_SECTIONS);
  });

  it('refuses a result or section that would lead off this site', () => {
    for (const url of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])
      expect(searchHit({...data, url}), url).toBeUndefined();
    const hit = searchHit({
      ...data,
      sub_results: [{title: 'x', url: '//evil.example/#x', excerpt: ''}],
    })!;
    expect(hit.sections).toEqual([]);
  });

  it('names an untitled report by its address', () => {
    expect(searchHit({...data, meta: {title: '  '}})!.title).toBe(data.url);
  });
});
