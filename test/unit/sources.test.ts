import type {Root} from 'mdast';
import {describe, expect, it} from 'vitest';

import {parseSources, type Source} from '../../src/incidents/frontMatterSchema';
import {checkSourcesCited} from '../../src/incidents/sources';
import remarkCitations, {backlinkLabel} from '../../src/plugins/citations/remarkCitations';
import {TO_FILL} from '../../src/authoring/scaffold';
import {STABLE_SECTIONS} from '../../src/incidents/vocabulary';
import {EXAMPLE_SOURCES} from '../support/examplePost';

const FILE = 'blog/example_incident/index.md';
const SOURCES = EXAMPLE_SOURCES;

describe('parseSources', () => {
  it('returns the declared sources in order', () => {
    expect(parseSources({sources: SOURCES}, FILE)).toEqual(SOURCES);
  });

  it.each([
    ['no list', {}, 'sources must list the sources the post is written from'],
    [
      'a source without a URL',
      [{...SOURCES[0], url: undefined}],
      'sources[0].url of source "product-page" must be an https:// address a reader can follow; got nothing',
    ],
    [
      'a URL that is not https',
      [{...SOURCES[0], url: 'github.com/x'}],
      'sources[0].url of source "product-page" must be an https:// address',
    ],
    [
      'a URL with a user name, which hides the real host',
      [{...SOURCES[0], url: 'https://github.com@evil.example/x'}],
      'sources[0].url of source "product-page" must be an https:// address a reader can follow; got "https://github.com@evil.example/x", which names a user before the host',
    ],
    [
      'a URL with whitespace',
      [{...SOURCES[0], url: 'https://github.com/x y'}],
      'sources[0].url of source "product-page" must be an https:// address a reader can follow; got "https://github.com/x y", which holds whitespace',
    ],
    [
      'a javascript: URL',
      [{...SOURCES[0], url: 'javascript:alert(1)'}],
      'sources[0].url of source "product-page" must be an https:// address a reader can follow; got "javascript:alert(1)", which uses javascript',
    ],
    [
      'a host in another script that can imitate a known one',
      [{...SOURCES[0], url: 'https://gіthub.com/BerriAI/litellm'}],
      'sources[0].url of source "product-page" must be an https:// address a reader can follow; got "https://gіthub.com/BerriAI/litellm", which has an internationalised host name',
    ],
    [
      'markup in a title',
      [{...SOURCES[0], title: 'Report <img src=x onerror=alert(1)>'}],
      'sources[0].title must be plain text but holds markup at "<img',
    ],
    ['an id with spaces', [{...SOURCES[0], id: 'PR 1'}], 'sources[0].id must be lower-case letters, digits and dashes'],
    ['an id declared twice', [SOURCES[1], SOURCES[1]], 'sources[1].id "pr-1" is declared twice'],
    ['a missing title', [{...SOURCES[0], title: ' '}], 'sources[0].title must name the source for a reader'],
    [
      'an unknown kind',
      [{...SOURCES[0], kind: 'tweet'}],
      'sources[0].kind must be one of product post-mortem, pull request, issue, commit, release notes, documentation; got "tweet"',
    ],
    [
      'an unquoted date',
      [{...SOURCES[0], date: new Date(Date.UTC(2026, 1, 18))}],
      'sources[0].date must be a quoted date',
    ],
    ['a misspelt field', [{...SOURCES[0], link: 'https://example.com'}], 'sources[0].link is not a known field'],
  ])('rejects %s, naming the file and the field', (_name, value, message) => {
    const frontMatter = Array.isArray(value) ? {sources: value} : value;
    expect(() => parseSources(frontMatter, FILE)).toThrow(`${FILE}: ${message}`);
  });
});

describe('checkSourcesCited', () => {
  const sources = SOURCES as Source[];

  it('accepts text that cites every declared source', () => {
    expect(() => checkSourcesCited(sources, ['pr-1', 'product-page', 'pr-1'], FILE)).not.toThrow();
  });

  it('refuses a declared source the text never cites, naming the id', () => {
    expect(() => checkSourcesCited(sources, ['product-page'], FILE)).toThrow(
      `${FILE}: sources[1] ("pr-1") is declared but the text never cites it`,
    );
  });
});

describe('remarkCitations', () => {
  const text = (value: string) => ({type: 'text' as const, value});
  const sourcesHeading = {
    type: 'heading' as const,
    depth: 2 as const,
    children: [text('Sources')],
    data: {hProperties: {id: 'sources'}},
  };
  const heading = (id: string, line?: number) => ({
    type: 'heading' as const,
    depth: 2 as const,
    children: [text(id)],
    data: {hProperties: {id}},
    ...(line && {position: {start: {line, column: 1}, end: {line, column: 1}}}),
  });
  // Each stable section's heading on line 10 + its index, so a fault can point at one.
  const stableSections = STABLE_SECTIONS.map(({id}, k) => heading(id, 10 + k));
  const tree = (...paragraphs: string[]): Root => ({
    type: 'root',
    children: [
      ...paragraphs.map((p) => ({type: 'paragraph' as const, children: [text(p)]})),
      ...stableSections,
      sourcesHeading,
    ],
  });
  // The full post holds the truncate marker; the excerpt for the blog lists is cut before it.
  const file = (value = 'summary <!-- truncate --> body') => ({
    path: `/site/${FILE}`,
    value,
    data: {frontMatter: {slug: 'example-incident', sources: SOURCES}},
  });
  const run = (root: Root, vfile = file()) => remarkCitations({siteDir: '/site', blogPath: '/blog'})(root, vfile);

  it('turns each [^id] into a numbered link with an id, and lists the sources with links back', () => {
    const root = tree('Fixed[^pr-1] and reported[^product-page][^pr-1].');
    run(root);
    const paragraph = root.children[0] as {children: unknown[]};
    expect(paragraph.children).toMatchObject([
      {type: 'text', value: 'Fixed'},
      {
        data: {hName: 'sup'},
        children: [
          {type: 'link', url: '#source-pr-1', children: [{value: '[2]'}], data: {hProperties: {id: 'cite-pr-1-1'}}},
        ],
      },
      {type: 'text', value: ' and reported'},
      {
        children: [
          {url: '#source-product-page', children: [{value: '[1]'}], data: {hProperties: {id: 'cite-product-page-1'}}},
        ],
      },
      {children: [{url: '#source-pr-1', data: {hProperties: {id: 'cite-pr-1-2'}}}]},
      {type: 'text', value: '.'},
    ]);
    const list = root.children.at(-1) as {type: string; ordered: boolean; children: unknown[]};
    expect(list).toMatchObject({type: 'list', ordered: true});
    const backlinks = JSON.stringify(list.children[1]);
    expect(backlinks).toContain('"url":"#cite-pr-1-1"');
    expect(backlinks).toContain('"url":"#cite-pr-1-2"');
    expect(backlinks).toContain('"url":"https://example.com/pr/1"');
  });

  it('fails the build on an undeclared source, naming the file and the id', () => {
    expect(() => run(tree('Claim[^product-page][^pr-1][^pr-9].'))).toThrow(
      `${FILE}:1: [^pr-9] cites "pr-9", which is not among the ids this post declares under "sources" (product-page, pr-1); declare it there, or cite one of those`,
    );
  });

  it('fails the build on a declared source nobody cites', () => {
    expect(() => run(tree('Claim[^product-page].'))).toThrow(
      `${FILE}:1: sources[1]: ("pr-1") is declared but the text never cites it`,
    );
  });

  it('needs the Sources section last', () => {
    const root = tree('Claim[^product-page][^pr-1].');
    root.children.pop();
    expect(() => run(root)).toThrow(`${FILE}:1: the last section must be "## Sources {#sources}"`);
  });

  it('needs every stable section, and no text the scaffold left to fill', () => {
    const root = tree(`${TO_FILL}: the summary[^product-page][^pr-1].`);
    root.children.splice(root.children.indexOf(stableSections[4]), 1);
    const message = (() => {
      try {
        run(root);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain(`${FILE}:0: "TO FILL" is left from the scaffold`);
    expect(message).toContain(
      `${FILE}:15: the section "## What operators should do {#what-to-do}" is missing; customer notices link to it, so every post has it: add it before the heading {#remediation} on this line`,
    );
  });

  it('names a misspelt stable id at its own heading, not at the next one', () => {
    const root = tree('Claim[^product-page][^pr-1].');
    const k = root.children.indexOf(stableSections[4]);
    root.children[k] = heading('what-to-doo', 14);
    expect(() => run(root)).toThrow(
      `${FILE}:14: the heading id "what-to-doo" should be "what-to-do", which customer notices link to: write "## What operators should do {#what-to-do}"`,
    );
  });

  it("names a misspelt id of a section an ongoing incident's post need not have yet, and a misspelt Sources id", () => {
    const root: Root = {
      type: 'root',
      children: [
        {type: 'paragraph', children: [text('Claim[^product-page][^pr-1].')]},
        heading('summary', 10),
        heading('root-cuase', 11),
        heading('source', 12),
      ],
    };
    const ongoing = file();
    Object.assign(ongoing.data.frontMatter, {incident: {timeline: [{at: '2026-03-24', status: 'investigating'}]}});
    expect(() => run(root, ongoing)).toThrow(
      [
        `${FILE}:11: the heading id "root-cuase" should be "root-cause", which customer notices link to: write "## Root cause {#root-cause}"`,
        `${FILE}:12: the heading id "source" should be "sources", which customer notices link to: write "## Sources {#sources}"`,
      ].join('\n'),
    );
  });

  it('in the excerpt for the lists, links citations to the post page and lists nothing', () => {
    const root = tree('Summary[^pr-1].');
    run(root, file('summary only'));
    expect(JSON.stringify(root.children[0])).toContain('"url":"/blog/example-incident#source-pr-1"');
    expect(root.children.at(-1)).toBe(sourcesHeading);
  });

  it('labels links back a, b, … z, aa, ab', () => {
    expect([0, 1, 25, 26, 27].map(backlinkLabel)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});
