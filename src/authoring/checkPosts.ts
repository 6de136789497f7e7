/**
 * Every check of the posts that needs no bundling, shared by the build (each
 * check where the build runs it) and `npm run check` (all of them, in a few
 * seconds): front matter, the URLs the posts own, lab recordings, and each
 * post's text through Docusaurus' own Markdown pipeline with the site's
 * plugins, then the links between posts. Every fault is one line,
 * `file:line: field: what is wrong, how to fix it`.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Heading, Link, Root} from 'mdast';
import type {DocusaurusConfig} from '@docusaurus/types';
import type {Options as BlogOptions} from '@docusaurus/plugin-content-blog';

import {faultCollector, FaultError, faultLine, isFaultError, type Fault} from '../faults/fault';
import {describe} from '../incidents/frontMatterFields';
import {loadYaml} from '../faults/yaml';
import {readComponents} from '../incidents/components';
import {parseIncidentPost, type IncidentPostMeta} from '../incidents/frontMatterSchema';
import {postAnchors} from '../plugins/citations/postAnchors';
import {readRecordings} from '../measurements/recordingFiles';
import {postUrlFaults} from '../site/redirects';
import {decodeAnchor, postLinkTarget} from '../plugins/citations/remarkCitations';
import {locateFault, refuseFrontMatterEngines} from './frontMatterFaults';

export type PostFrontMatter = {file: string; frontMatter: Record<string, unknown>};

/** The site's lists besides blog/components.yml: the blog reads both itself. */
export const TAGS_FILE = 'blog/tags.yml';
export const AUTHORS_FILE = 'blog/authors.yml';

/**
 * The keys a post may use from blog/components.yml, blog/tags.yml and blog/authors.yml, each left out where its
 * file cannot be read, and the faults of those files, each with its line.
 */
export function readSiteLists(siteDir: string) {
  const keysOf = (file: string) => {
    const list = loadYaml(readFileSync(path.join(siteDir, file), 'utf8'), file);
    // Read as no keys, an empty or list-shaped file would fail every post that names one, and not itself.
    if (typeof list !== 'object' || list === null || Array.isArray(list) || Object.keys(list).length === 0)
      throw new FaultError({
        file,
        line: 1,
        message: `must map each key posts use to its entry, as in "incident-editors:" with the entry's fields indented below; got ${Array.isArray(list) ? 'a list' : list === null || list === undefined ? 'nothing' : describe(list)}`,
      });
    return Object.keys(list);
  };
  const {check, faults} = faultCollector();
  const [components, tags, authors] = [
    () => Object.keys(readComponents(siteDir)),
    () => keysOf(TAGS_FILE),
    () => keysOf(AUTHORS_FILE),
  ].map(check);
  return {components, tags, authors, faults};
}

/** Front matter and URLs of every post: the valid ones' metadata, and the faults of the rest, located. */
export function checkPostFrontMatter(
  siteDir: string,
  posts: readonly PostFrontMatter[],
): {valid: {file: string; meta: IncidentPostMeta}[]; faults: Fault[]} {
  // A list that cannot be read is left out of the posts' checks, and its own faults are reported with theirs.
  const {faults: listFaults, ...lists} = readSiteLists(siteDir);
  const context = {today: new Date().toISOString().slice(0, 10), ...lists};
  const {check, faults} = faultCollector();
  faults.push(...listFaults);
  const valid = posts.flatMap(({file, frontMatter}) => {
    // Redirects and checks are per folder: a post elsewhere would escape them.
    if (!/^blog\/[^/]+\/index\.mdx?$/.test(file))
      faults.push({
        file,
        field: 'slug',
        message: 'belongs to a post outside blog/<folder>/index.md(x); move it into a folder of its own',
      });
    const meta = check(() => parseIncidentPost(frontMatter, file, context));
    return meta ? [{file, meta}] : [];
  });
  faults.push(
    ...postUrlFaults(
      valid.map(({file, meta}) => ({
        file,
        folder: path.basename(path.dirname(file)),
        slug: meta.slug,
        trackingId: meta.incident.tracking_id,
      })),
    ),
  );
  const text = (file: string) => readFileSync(path.join(siteDir, file), 'utf8');
  return {valid, faults: faults.map((fault) => locateFault(fault, text(fault.file)))};
}

/** The post files Docusaurus' blog reads: Markdown and MDX under blog/, except what starts with "_". */
function postFiles(siteDir: string): string[] {
  return readdirSync(path.join(siteDir, 'blog'), {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file) && !file.split(path.sep).some((part) => part.startsWith('_')))
    .map((file) => path.join('blog', file))
    .sort();
}

type Compiled = {
  file: string;
  slug: string;
  /** Whether every heading has its {#id}: then remarkCitations has checked the links to it. */
  explicitIds: boolean;
  ids: Set<string>;
  links: {url: string; line: number}[];
};

/** Records, after the site's own plugins ran, the anchors a post will have and the links it writes. */
function remarkCollect(into: Pick<Compiled, 'ids' | 'links'>) {
  return () => (tree: Root) => {
    const visit = (node: Root | Root['children'][number]) => {
      const id = (node as Heading).data?.hProperties?.id;
      if (typeof id === 'string') into.ids.add(id);
      if (node.type === 'link') into.links.push({url: (node as Link).url, line: node.position?.start.line ?? 1});
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** The options the config gives the blog (src/plugins/incidents/blog.ts, by name: the config loads its own copy). */
function blogOptionsOf(siteConfig: DocusaurusConfig): BlogOptions {
  for (const plugin of siteConfig.plugins) {
    if (Array.isArray(plugin) && typeof plugin[0] === 'function' && plugin[0].name === 'incidentsBlogPlugin')
      return plugin[1] as BlogOptions;
  }
  throw new Error('docusaurus.config.ts configures no incidentsBlogPlugin; the posts are read from its options');
}

/** Every fault of the posts' text and of the links between posts, compiled as the build compiles them. */
async function textFaults(
  siteDir: string,
  posts: readonly {file: string; text: string; frontMatter: Record<string, unknown>}[],
): Promise<Fault[]> {
  // Docusaurus' own pieces, so the text is read exactly as the build reads it.
  const {loadSiteConfig} = require('@docusaurus/core/lib/server/config');
  const {compileToJSX} = require('@docusaurus/mdx-loader/lib/utils');
  const {siteConfig} = await loadSiteConfig({siteDir});
  // The blog's own Markdown plugins, from the config: a plugin added there is checked here too.
  const blog = blogOptionsOf(siteConfig);
  const blogPath = `/${blog.routeBasePath ?? 'blog'}`;
  const faults: Fault[] = [];
  const compiled: Compiled[] = [];
  for (const {file, text, frontMatter} of posts) {
    const found = {ids: new Set<string>(), links: [] as Compiled['links']};
    try {
      await compileToJSX({
        filePath: path.join(siteDir, file),
        // The whole file, front matter included, as the build's loader passes it: lines count from the top.
        fileContent: text,
        frontMatter,
        compilerName: 'server',
        options: {
          siteDir,
          staticDirs: [],
          markdownConfig: siteConfig.markdown,
          admonitions: true,
          beforeDefaultRemarkPlugins: blog.beforeDefaultRemarkPlugins ?? [],
          remarkPlugins: [...(blog.remarkPlugins ?? []), remarkCollect(found)],
          rehypePlugins: blog.rehypePlugins ?? [],
          recmaPlugins: blog.recmaPlugins ?? [],
          beforeDefaultRehypePlugins: blog.beforeDefaultRehypePlugins ?? [],
        },
      });
    } catch (error) {
      const cause = (error as {cause?: unknown}).cause ?? error;
      if (isFaultError(cause)) faults.push(...cause.faults.map((fault) => locateFault(fault, text)));
      else
        faults.push({
          file,
          line: (cause as {line?: number}).line ?? 1,
          message: (cause as Error).message.split('\n')[0],
        });
      continue;
    }
    // What the page adds to the text's headings: the Sources entries and the status updates' heading.
    const anchors = postAnchors(text);
    for (const id of anchors.ids) found.ids.add(id);
    compiled.push({file, slug: String(frontMatter.slug), explicitIds: anchors.complete, ...found});
  }
  // Links between posts: the post linked to must hold the anchor. remarkCitations checks them where they are
  // written, the build and `npm start` too, against each heading's {#id}; a post with a heading that has none gets
  // its ids from the slugger, which only compiling it tells, as here.
  // A link to no post at all is named by remarkCitations, in the build as here; this checks anchors in another post.
  const compiledOnly = compiled.filter((post) => !post.explicitIds);
  for (const post of compiled) {
    for (const {url, line} of post.links) {
      const link = postLinkTarget(url, post.file, blogPath, siteDir);
      if (!link?.anchor) continue;
      const target = compiledOnly.find((other) =>
        'path' in link ? other.file === link.path : other.slug === link.segment,
      );
      if (!target || target === post || target.ids.has(decodeAnchor(link.anchor))) continue;
      // As the build names it, once Docusaurus has resolved a file to its URL.
      const named = 'path' in link ? `${blogPath}/${target.slug}#${link.anchor}` : url;
      // The headings' ids, without the Sources entries' and the citations' own.
      const headings = [...target.ids].filter((id) => !/^(?:source|cite)-/.test(id));
      faults.push({
        file: post.file,
        line,
        message: `the link to ${named} points at no heading of ${target.file} (ids: ${headings.join(', ')})`,
      });
    }
  }
  return faults;
}

/** Everything `npm run check` checks: one line per fault of every post and recording. */
export async function checkSite(siteDir: string): Promise<{posts: number; faults: string[]}> {
  const {posts, faults} = await readPosts(siteDir);
  faults.push(...checkPostFrontMatter(siteDir, posts).faults, ...readRecordings(siteDir).faults);
  faults.push(...(await textFaults(siteDir, posts)));
  // The text's checks read the sources again: a fault found by both is one fault.
  return {posts: posts.length, faults: [...new Set(faults.map(faultLine))]};
}

/** Every fault of the lists and the posts' front matter, as `npm run check` names them: for where the blog stops. */
export async function frontMatterFaults(siteDir: string): Promise<Fault[]> {
  const {posts, faults} = await readPosts(siteDir);
  return [...faults, ...checkPostFrontMatter(siteDir, posts).faults];
}

/** Every post, its text and its front matter read as Docusaurus reads it; the faults of those it cannot read. */
async function readPosts(siteDir: string) {
  const faults: Fault[] = [];
  const posts = postFiles(siteDir).flatMap((file) => {
    const text = readFileSync(path.join(siteDir, file), 'utf8');
    try {
      refuseFrontMatterEngines(path.join(siteDir, file), text, siteDir);
      return [{file, text}];
    } catch (error) {
      faults.push(...(error as FaultError).faults);
      return [];
    }
  });
  // Read as Docusaurus reads it, once, for both the front-matter and the text checks.
  const {DEFAULT_PARSE_FRONT_MATTER} = require('@docusaurus/utils');
  const parsed = await Promise.all(
    posts.map(async (post) => ({
      ...post,
      frontMatter: (await DEFAULT_PARSE_FRONT_MATTER({filePath: post.file, fileContent: post.text})).frontMatter,
    })),
  );
  return {posts: parsed, faults};
}
