import {readdirSync, readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {parse, parseFragment} from 'parse5';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {attribute, elements, textOf} from '../../src/html/builtHtml';
import {summarizeProbes} from '../../src/measurements/probeRecording';
import {expectCheckToCatch, fieldFault} from '../support/faultLines';
import {parseHtml} from '../support/builtSite';
import {copySite, type SiteCopy} from '../support/siteCopy';

/**
 * What a post's text can do to a reader, tried on copies of the site: each
 * build below holds several faults in posts of their own, and must fail
 * naming every one of them by file and field (or line); the last must build
 * and publish its payload as inert text.
 */

const BASE_POST = 'blog/vllm_embeddings_incident/index.md';
const LEAD_RECORDING = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';
const PAYLOAD = '</script><meta http-equiv=refresh content=0;url=https://evil.example/>';

const copies: SiteCopy[] = [];
afterAll(() => {
  for (const copy of copies) copy.remove();
});

/** A copy of the site with, per folder, a copy of the vLLM post given that slug and changed by `edit`. */
function siteWithPosts(posts: Record<string, [slug: string, edit: (text: string) => string]>): SiteCopy {
  const site = copySite();
  copies.push(site);
  const base = site.read(BASE_POST);
  for (const [folder, [slug, edit]] of Object.entries(posts)) {
    const text = edit(base.replace('slug: vllm-embeddings-incident', `slug: ${slug}`));
    if (text === base.replace('slug: vllm-embeddings-incident', `slug: ${slug}`))
      throw new Error(`edit of ${folder} changed nothing`);
    site.write(`blog/${folder}/index.md`, text);
  }
  return site;
}

function failedBuild(site: SiteCopy): string {
  const {status, output} = site.build();
  expect(status, output).not.toBe(0);
  return output;
}

/** Inserts `text` as a paragraph before the Impact heading. */
const beforeImpact = (text: string) => (post: string) =>
  post.replace('## Impact {#impact}', `${text}\n\n## Impact {#impact}`);
/** The line of a post that holds `needle`, from 1. */
const lineOf = (site: SiteCopy, file: string, needle: string) =>
  site
    .read(file)
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

describe('front matter that would publish harm or untruth fails the build, every fault at once', () => {
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = siteWithPosts({
      title_markup: ['title-markup', (t) => t.replace(/^title: .*$/m, `title: '${PAYLOAD}'`)],
      description_markup: [
        'description-markup',
        (t) => t.replace(/^description: "/m, 'description: "<img src=x onerror=alert(1)> '),
      ],
      source_title_markup: [
        'source-title-markup',
        (t) =>
          t.replace(
            'title: "BerriAI/litellm PR #21474, which added that report"',
            'title: "PR <script>alert(1)</script>"',
          ),
      ],
      update_note_markup: [
        'update-note-markup',
        (t) =>
          t.replace(
            /^(updates:\n {2}- date: "[\d-]+"\n {4}note: )"?/m,
            '$1"<iframe src=https://evil.example></iframe> ',
          ),
      ],
      source_userinfo: [
        'source-userinfo',
        (t) =>
          t.replace(
            'url: https://github.com/BerriAI/litellm/pull/21474',
            'url: https://github.com@evil.example/BerriAI/litellm/pull/21474',
          ),
      ],
      misspelt_key: ['misspelt-key', (t) => t.replace(/^updates:/m, 'update:')],
      not_stated_figure: [
        'not-stated-figure',
        (t) => t.replace('duration: About 3 hours', 'duration: Not stated, about 3 hours'),
      ],
      future_post: ['future-post', (t) => t.replace('date: "2026-02-18"\nauthors', 'date: "2099-02-18"\nauthors')],
      future_source: [
        'future-source',
        (t) =>
          t.replace(
            /(url: https:\/\/github.com\/BerriAI\/litellm-docs\/blob\/HEAD\/blog\/vllm_embeddings_incident\/index.md\n {4}kind: product post-mortem\n {4}date: )"2026-02-18"/,
            '$1"2099-01-01"',
          ),
      ],
      fixed_in_contradiction: [
        'fixed-in-contradiction',
        (t) =>
          t
            .replace('  versions: not stated', '  fixed_in: "1.82.3"\n  versions: not stated')
            .replace('    status: product-page', '    status: product-page\n    fixed_in: product-page'),
      ],
      duplicate_component: [
        'duplicate-component',
        (t) => t.replace('components: [embeddings]', 'components: [embeddings, embeddings]'),
      ],
      empty_title: ['empty-title', (t) => t.replace(/^title: .*$/m, 'title: ""')],
      absurd_version: [
        'absurd-version',
        (t) =>
          t.replace(
            '  versions: not stated',
            '  versions:\n    - package: pypi\n      affected: ["1.82.99999"]\n      source: product-page',
          ),
      ],
      'loop-incident': ['loop-incident', (t) => t.replace(/^title: "/m, 'title: "Loop: ')],
      'vllm-embeddings-incident': ['shadow-incident', (t) => t.replace(/^title: "/m, 'title: "Shadow: ')],
      blog_route: ['tags', (t) => t.replace(/^title: "/m, 'title: "Tags: ')],
      invisible_title: ['invisible-title', (t) => t.replace(/^title: .*$/m, 'title: "\\u200b\\u200b"')],
      cdata_title: [
        'cdata-title',
        (t) => t.replace(/^title: "/m, 'title: "Broken ]]>&lt;img src=x onerror=alert(2)&gt; '),
      ],
      inline_author: [
        'inline-author',
        (t) =>
          t.replace(
            'authors: [incident-editors]',
            'authors: [{key: incident-editors, name: Official statement, url: "https://evil.example/"}]',
          ),
      ],
      idn_source: [
        'idn-source',
        (t) =>
          t.replace(
            'url: https://github.com/BerriAI/litellm/pull/21474',
            'url: https://gіthub.com/BerriAI/litellm/pull/21474',
          ),
      ],
    });
    output = failedBuild(site);
  });

  it('npm run check prints each of these faults as the build does', () => expectCheckToCatch(site.dir, output));

  const fault = (folder: string, field: string, message: string) =>
    fieldFault(`blog/${folder}/index.md`, field, message);

  it.each([
    [
      'a title that would break out of the JSON-LD block',
      fault('title_markup', 'title', 'must be plain text but holds markup at "</script><meta http-equi"'),
    ],
    [
      'markup in a description',
      fault('description_markup', 'description', 'must be plain text but holds markup at "<img'),
    ],
    [
      'markup in a source title',
      fault('source_title_markup', 'sources[1].title', 'must be plain text but holds markup at "<script>'),
    ],
    [
      'markup in an update note',
      fault('update_note_markup', 'updates[0].note', 'must be plain text but holds markup at "<iframe'),
    ],
    [
      'a source URL whose user name hides the real host',
      fault(
        'source_userinfo',
        'sources[1].url',
        'of source "pr-21474" must be an https:// address a reader can follow; got "https://github.com@evil.example/BerriAI/litellm/pull/21474", which names a user before the host',
      ),
    ],
    [
      'a misspelt top-level key that would drop the revision history',
      fault('misspelt_key', 'update', 'is not a known field; did you mean "updates"?'),
    ],
    [
      'a "Not stated" duration that states a figure',
      fault('not_stated_figure', 'incident.duration', 'says "Not stated" but also states a figure'),
    ],
    ['a publication date in the future', fault('future_post', 'date', '(2099-02-18) is in the future')],
    ['a source date in the future', fault('future_source', 'sources[0].date', '(2099-01-01) is in the future')],
    [
      'a fixed_in the versions contradict',
      fault(
        'fixed_in_contradiction',
        'incident.fixed_in',
        '(1.82.3) is not the fixed version any statement under incident.versions gives (none)',
      ),
    ],
    ['a component listed twice', fault('duplicate_component', 'incident.components', 'lists "embeddings" twice')],
    ['an empty title', fault('empty_title', 'title', 'must say what broke, in a few words; got ""')],
    [
      'a version no release could have',
      fault('absurd_version', 'incident.versions[0].affected[0]', '(1.82.99999) has a number above 999'),
    ],
    [
      'a folder named as its own slug, whose redirect would loop',
      fault(
        'loop-incident',
        'slug',
        '"loop-incident" is also the name of its folder, so /blog/loop-incident would redirect to itself forever',
      ),
    ],
    [
      "a folder that would redirect another post's URL away, naming both files",
      fault(
        'vllm-embeddings-incident',
        'slug',
        'cannot be redirected to from the folder "vllm-embeddings-incident": /blog/vllm-embeddings-incident is the URL of blog/vllm_embeddings_incident/index.md',
      ),
    ],
    ["a slug that takes the blog's own page", fault('blog_route', 'slug', '"tags" is the blog\'s own page /blog/tags')],
    [
      'a title of zero-width spaces, which would publish an invisible heading',
      fault('invisible_title', 'title', 'must say what broke, in a few words; got "\u200b\u200b"'),
    ],
    [
      "a title that would end the feeds' CDATA and let markup out",
      fault('cdata_title', 'title', 'holds "]]>", which would end the feeds\' text early'),
    ],
    [
      'an inline author, which would carry its own name and link',
      fault('inline_author', 'authors[0]', 'must list keys from blog/authors.yml'),
    ],
    [
      'a source host in another script that imitates a known one',
      fault(
        'idn_source',
        'sources[1].url',
        'of source "pr-21474" must be an https:// address a reader can follow; got "https://gіthub.com/BerriAI/litellm/pull/21474", which has an internationalised host name',
      ),
    ],
  ])('%s', (_name, message) => {
    expect(output).toMatch(message);
  });

  it('prints each fault once, without a stack trace', () => {
    expect(output.match(new RegExp(fault('title_markup', 'title', '').source, 'gm'))).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at .*\(.*src\/incidents\//m);
  });
});

describe('markup in a post body that could run script or mislead fails the build, naming the file and the line', () => {
  // [text inserted before the Impact heading, the message, the text of the line it names if not the first inserted]
  const faults: Record<string, [insert: string, message: string, at?: string]> = {
    body_script: ['<script>alert(1)</script>', '<script> is not allowed in a post'],
    body_iframe: ['<iframe src="https://evil.example/"></iframe>', '<iframe> is not allowed in a post'],
    body_handler: ['<div onClick="alert(1)">Hello</div>', '<div onClick> is not allowed: no event handlers'],
    // Unquoted, as HTML allows and JSX does not: named as the allowlist names it, not as an MDX parse error.
    unquoted_img: ['<img src=x onerror=alert(1)>', '<img> is not allowed in a post'],
    unquoted_handler: ['<span onclick=alert(1)>Hello</span>', '<span onclick> is not allowed: no event handlers'],
    body_style: ['<span style={{color: "red"}}>Hello</span>', '<span style> is not allowed'],
    body_id: ['<span id="source-product-page">The vendor confirmed it.</span>', '<span id> is not allowed'],
    body_javascript_link: [
      '<a href="java\tscript:alert(1)">the fix</a>',
      '<a href="java\tscript:alert(1)"> is not allowed: it uses javascript:, which is not a link; links are paths, #anchors, https: or mailto:',
    ],
    body_relative_html_link: [
      '<a href="./trace.csv">the trace</a>',
      '<a href="./trace.csv"> is not allowed: an HTML link is not rewritten by the build; write a path from the site root',
    ],
    markdown_javascript_link: [
      'See [the fix](javascript:alert(1)).',
      'the link target "javascript:alert(1)" uses javascript:, which is not a link',
    ],
    markdown_offsite_path: [
      'See [the mirror](/\\evil.example/x).',
      'the link target "/\\evil.example/x" starts with "//" or "/\\", which leads to another site',
    ],
    markdown_userinfo_link: [
      'See [PR #21474](https://github.com@evil.example/x).',
      'the link target "https://github.com@evil.example/x" names a user before the host',
    ],
    class_overlay: ['<div className="navbar-sidebar--show">Hello</div>', '<div className> is not allowed'],
    heading_takes_source_anchor: [
      '## Where this comes from {#source-product-page}',
      'the heading id "source-product-page" is kept for the Sources list',
    ],
    other_json_import: ["import data from './other.json';", '"import data from \'./other.json\';" is not allowed'],
    body_meta: [
      '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />',
      '<meta> is not allowed in a post',
    ],
    body_export: [
      'export const stolen = globalThis.document;',
      '"export const stolen = globalThis.document;" is not allowed',
    ],
    body_expression: ['{globalThis.alert(1)}', 'the expression {globalThis.alert(1)} is not allowed'],
    other_component: [
      "import Island from '@site/src/components/Island';",
      '"import Island from \'@site/src/components/Island\';" is not allowed',
    ],
    component_code: [
      "import LatencyReplay from '@site/src/components/LatencyReplay';\n\n<LatencyReplay recording={globalThis.process.exit(0)} />",
      "<LatencyReplay recording={...}> is not allowed: a component's attributes take text, numbers, lists and objects of them",
      '<LatencyReplay',
    ],
    component_markup: [
      "import ReconnectFlowDiagram from '@site/src/components/ReconnectFlowDiagram';\n\n<ReconnectFlowDiagram children={<div dangerouslySetInnerHTML={{__html: '<meta http-equiv=refresh content=0;url=https://evil.example/>'}} />} />",
      '<ReconnectFlowDiagram children={...}> is not allowed',
      '<ReconnectFlowDiagram',
    ],
    heading_citation: ['## Detection[^product-page] {#detection}', 'a heading may not cite a source'],
    duplicate_heading: [
      '## Impact again {#impact}',
      'the heading id "impact" is already used on line',
      '## Impact {#impact}',
    ],
    space_before_citation: ['It lasted about three hours [^product-page].', 'remove the space before [^product-page]'],
  };
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = siteWithPosts(
      Object.fromEntries(
        Object.entries(faults).map(([folder, [insert]]) => [
          folder,
          [folder.replaceAll('_', '-'), beforeImpact(insert)],
        ]),
      ),
    );
    output = failedBuild(site);
  });

  it('npm run check prints each of these faults as the build does', () => expectCheckToCatch(site.dir, output));

  it.each(Object.entries(faults))('%s', (folder, [insert, message, at]) => {
    const file = `blog/${folder}/index.md`;
    expect(output).toContain(`${file}:${lineOf(site, file, at ?? insert.split('\n')[0])}: ${message}`);
  });
});

describe('lab recordings that would tell another story fail the build, every fault at once', () => {
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = copySite();
    copies.push(site);
    site.edit(LEAD_RECORDING, (text) => {
      const data = JSON.parse(text);
      const after = data.scenarios[0].runs.after;
      Object.assign(after.samples[40], {latencyMs: 4000, outcome: 'ok'});
      after.summary = summarizeProbes(after.samples);
      return JSON.stringify(data, null, 1);
    });
    site.write('blog/vllm_embeddings_incident/broken.probes.json', '{\n  "schemaVersion": 2,\n  "measured": {,\n}\n');
    output = failedBuild(site);
  });

  it('npm run check prints each of these faults as the build does', () => expectCheckToCatch(site.dir, output));

  it('an "after" run that freezes, which would invert the story', () => {
    expect(output).toContain(
      `${LEAD_RECORDING}: scenarios[0].runs.after.samples[40] (ok, 4000 ms) shows a freeze, but the run after the fix must answer every probe within 200 ms`,
    );
  });

  it('a probes file that is not JSON, with the line and column where it breaks', () => {
    expect(output).toContain('blog/vllm_embeddings_incident/broken.probes.json:3:16: is not valid JSON');
  });
});

describe('a post that fails while its page renders', () => {
  it('fails the build naming the post file, not only its URL', () => {
    const site = copySite();
    copies.push(site);
    site.edit('blog/prisma_reconnect_blocking_incident/index.mdx', (text) =>
      text.replace('recording={livenessProbes}', 'recording={null}'),
    );
    expect(failedBuild(site)).toContain(
      'blog/prisma_reconnect_blocking_incident/index.mdx: the recording passed to <LatencyReplay>: the file must be an object; got null',
    );
  });
});

describe('the Content-Security-Policy allows only the inline code the site knowingly emits', () => {
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = copySite();
    copies.push(site);
    // Inline script from a component, the one way past the body allowlist: the build must name it, never allow it.
    site.edit('src/components/ReconnectFlowDiagram/index.tsx', (text) =>
      text
        .replace(
          /return \(\n(\s*)<figure/,
          'return (\n$1<>\n$1<script dangerouslySetInnerHTML={{__html: "alert(1)"}} />\n$1<figure',
        )
        .replace(/<\/figure>\n(\s*)\);/, '</figure>\n$1</>\n$1);'),
    );
    output = failedBuild(site);
  });

  it('the build names the page and the post of an unknown inline script, and never advises allowing it', () => {
    expect(output).toContain(
      'Inline code the site does not emit itself, which the Content-Security-Policy will never allow; remove it from its post:',
    );
    expect(output).toContain(
      '- blog/prisma_reconnect_blocking_incident/index.mdx (page /blog/prisma-reconnect-blocking-incident): <script>alert(1)',
    );
    expect(output).not.toContain('npm run csp');
  });

  it('npm run csp refuses to add its hash and leaves the policy unchanged', () => {
    const before = site.read('src/security/inlineHashes.json');
    const result = spawnSync('npx', ['tsx', 'src/plugins/securityHeaders/updateInlineHashes.ts'], {
      cwd: site.dir,
      encoding: 'utf8',
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain('src/security/inlineHashes.json not changed');
    expect(result.stderr).toContain('(page /blog/prisma-reconnect-blocking-incident): <script>alert(1)');
    expect(site.read('src/security/inlineHashes.json')).toBe(before);
  });
});

const PREVIEW_HOST = 'incidents-git-fix-abc.vercel.app';

// Built as a pull request's preview is: the public page where post text from outside first reaches a browser.
describe('post text that reaches pages, JSON-LD and feeds is published as inert text, on a preview deploy', () => {
  let site: SiteCopy;
  let output = '';
  beforeAll(() => {
    site = siteWithPosts({
      // The payload as code, the one way post text may hold it, in the summary so it also reaches the lists and feeds.
      inert_payload: [
        'inert-payload',
        (t) =>
          t
            .replace(
              /(## Summary \{#summary\}\n\n)/,
              `$1Quoted as the attacker wrote it: \`${PAYLOAD}\`. Latency < 5 s & > 2 s.\n\n`,
            )
            .replace(/^title: "/m, 'title: "Latency < 5 s & \\"quoted\\": '),
      ],
    });
    const build = site.build({VERCEL_ENV: 'preview', VERCEL_URL: PREVIEW_HOST});
    output = build.output;
    expect(build.status, output).toBe(0);
  });

  const builtFiles = (ext: string) =>
    readdirSync(path.join(site.dir, 'build'), {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith(ext))
      .map((file) => ({file, text: readFileSync(path.join(site.dir, 'build', file), 'utf8')}));

  /** Elements that would navigate or run code if post text became markup. */
  const liveElements = (html: string, document = parse(html)) =>
    [...elements(document)]
      .filter(
        (element) =>
          (element.tagName === 'meta' && attribute(element, 'http-equiv') !== undefined) ||
          element.tagName === 'iframe',
      )
      .map((element) => element.tagName);

  it('no page carries the payload as an element, and the post shows it as text', () => {
    for (const {file, text} of builtFiles('.html')) expect(liveElements(text), file).toEqual([]);
    const page = parse(readFileSync(path.join(site.dir, 'build/blog/inert-payload.html'), 'utf8'));
    expect([...elements(page)].some((element) => element.tagName === 'code' && textOf(element) === PAYLOAD)).toBe(true);
  });

  it('the JSON-LD blocks hold the title as data that parses back unchanged', () => {
    for (const file of ['blog/inert-payload.html', 'blog.html']) {
      const blocks = [...elements(parse(readFileSync(path.join(site.dir, 'build', file), 'utf8')))].filter(
        (element) => attribute(element, 'type') === 'application/ld+json',
      );
      expect(blocks.length, file).toBe(1);
      expect(JSON.stringify(JSON.parse(textOf(blocks[0]))), file).toContain('Latency < 5 s & \\"quoted\\": ');
    }
  });

  it('each feed carries the payload only as escaped text inside its HTML content', () => {
    const xml = new XMLParser({ignoreAttributes: false});
    for (const feed of ['blog/rss.xml', 'blog/atom.xml']) {
      const data = xml.parse(readFileSync(path.join(site.dir, 'build', feed), 'utf8'));
      const items = feed.endsWith('rss.xml') ? data.rss.channel.item : data.feed.entry;
      const item = items.find((entry: any) => JSON.stringify(entry).includes('inert-payload'));
      const html = String(feed.endsWith('rss.xml') ? item['content:encoded'] : item.content['#text']);
      expect(liveElements(html, parseFragment(html) as never), feed).toEqual([]);
      expect(html, feed).toContain('&lt;/script&gt;&lt;meta');
    }
    const json = JSON.parse(readFileSync(path.join(site.dir, 'build/blog/feed.json'), 'utf8'));
    const html = json.items.find((item: {url: string}) => item.url.endsWith('/inert-payload')).content_html as string;
    expect(liveElements(html, parseFragment(html) as never)).toEqual([]);
  });

  it('builds without an error', () => expect(output).not.toMatch(/\[ERROR\]/));

  it('marks its pages noindex, shows the preview banner and names its own URL', () => {
    const page = parseHtml(
      readFileSync(path.join(site.dir, 'build/blog/prisma-reconnect-blocking-incident.html'), 'utf8'),
    );
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    expect(page.querySelector('[data-preview-banner]')).not.toBeNull();
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://${PREVIEW_HOST}/blog/prisma-reconnect-blocking-incident`,
    );
  });
});
