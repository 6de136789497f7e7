import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Heading, Link, List, ListItem, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast';

import {locateFault} from '../../authoring/frontMatterFaults';
import {FaultError, isFaultError, type Fault} from '../../faults/fault';
import {nearestKey} from '../../faults/didYouMean';
import {TO_FILL} from '../../authoring/scaffold';
import {formatCalendarDate} from '../../incidents/calendarDates';
import {checkSourcesCited, citationAnchor, describeSource, sourceAnchor} from '../../incidents/sources';
import {BLOG_ROUTES, type PostUrls, readPostUrls} from '../../site/redirects';
import {CITATION, STABLE_SECTIONS} from '../../incidents/vocabulary';
import {type Source, parseSources} from '../../incidents/frontMatterSchema';
import {postMortemDue} from '../../incidents/timeline';
import {postAnchors} from './postAnchors';

type VFileLike = {path: string; value: unknown; data: {frontMatter?: Record<string, unknown>}};

/**
 * Docusaurus' default truncate marker. The blog compiles each post twice: in
 * full for its page, and cut at the marker for the lists of posts, where the
 * Sources list is not on the page.
 */
const TRUNCATE_MARKER = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/;

/** a, b, …, z, aa, ab: the labels of the links back to each citation, as Wikipedia writes them. */
export function backlinkLabel(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : backlinkLabel(Math.floor(index / 26) - 1) + letter;
}

const text = (value: string): Text => ({type: 'text', value});

/**
 * `[n]`, a small link to the source's entry in the Sources list, with an id
 * the list links back to; in an excerpt, a link to the list on the post's page.
 */
function citationNode(source: Source, number: number, occurrence: number, postUrl: string | null): PhrasingContent {
  const id = postUrl === null ? {id: citationAnchor(source.id, occurrence)} : {};
  const link: Link = {
    type: 'link',
    url: `${postUrl ?? ''}#${sourceAnchor(source.id)}`,
    children: [text(`[${number}]`)],
    data: {hProperties: {...id, ariaLabel: `Source ${number}: ${source.title}`}},
  };
  return {type: 'emphasis', children: [link], data: {hName: 'sup', hProperties: {className: ['citation']}}};
}

/** Replaces each `[^id]` in the text with a citation; returns the ids cited, in order. */
function replaceCitations(
  tree: Root,
  sources: readonly Source[],
  postUrl: string | null,
): {id: string; line: number}[] {
  const numbers = new Map(sources.map((source, i) => [source.id, {source, number: i + 1}]));
  const cited: {id: string; line: number}[] = [];
  const visit = (parent: Parent) => {
    // Text inside a link cannot hold another link.
    if (parent.type === 'link' || parent.type === 'linkReference') return;
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if ('children' in child) visit(child);
      if (child.type !== 'text' || !child.value.includes('[^')) return [child];
      const parts: RootContent[] = [];
      let last = 0;
      for (const match of child.value.matchAll(CITATION)) {
        const id = match[1];
        const line = (child.position?.start.line ?? 1) + (child.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        cited.push({id, line});
        const known = numbers.get(id);
        if (match.index > last) parts.push(text(child.value.slice(last, match.index)));
        // Undeclared ids stay as text here; the plugin fails the build on them.
        parts.push(
          known
            ? citationNode(known.source, known.number, cited.filter((c) => c.id === id).length, postUrl)
            : text(match[0]),
        );
        last = match.index + match[0].length;
      }
      if (last < child.value.length) parts.push(text(child.value.slice(last)));
      return parts;
    });
  };
  visit(tree);
  return cited;
}

/** The numbered Sources list: each entry links to the source and back to every place that cites it. */
function sourceList(sources: readonly Source[], cited: readonly string[]): List {
  const items = sources.map((source, i): ListItem => {
    const count = cited.filter((id) => id === source.id).length;
    const back = (n: number, label: string): Link => ({
      type: 'link',
      url: `#${citationAnchor(source.id, n)}`,
      children: [text(label)],
      // The accessible name starts with the visible label, so voice control users can say it.
      data: {
        hProperties: {
          ariaLabel:
            count === 1
              ? `Back to where source ${i + 1} is cited`
              : `${label}: back to citation ${n} of source ${i + 1}`,
        },
      },
    });
    // Spaces, not commas, between them: each is a box a finger can hit (src/css), and a comma could start a line.
    const backlinks = Array.from({length: count}, (_, n) => [
      text(' '),
      back(n + 1, count === 1 ? '↑' : backlinkLabel(n)),
    ]).flat();
    const title: Link = {
      type: 'link',
      url: source.url,
      children: [text(source.title)],
      data: {hProperties: {id: sourceAnchor(source.id)}},
    };
    return {
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            title,
            text(`. ${describeSource(source, formatCalendarDate)}. `),
            {
              type: 'emphasis',
              children: [text('Cited at'), ...backlinks],
              data: {hName: 'span', hProperties: {className: ['source-backlinks']}},
            },
          ],
        },
      ],
    };
  });
  return {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: items,
    data: {hProperties: {className: ['source-list'], dataSources: ''}},
  };
}

export const decodeAnchor = (anchor: string) => {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
};

/** A citation with space before it, which renders as "2 hours [1]". */
const SPACED_CITATION = new RegExp(`\\s+(${CITATION.source})`, 'g');

/** Text of a node and its descendants, as written. */
const textOf = (node: RootContent | Root): string =>
  'value' in node && typeof node.value === 'string'
    ? node.value
    : 'children' in node
      ? node.children.map(textOf).join('')
      : '';

/**
 * Faults in how a post uses citations and headings, one line each with its
 * line number: a citation in a heading (the table of contents would show it
 * raw), a space before a citation (it renders as "2 hours [1]"), two
 * headings with one id (a customer's link to a section would land on the
 * first), a stable section missing, and text the scaffold left to fill.
 */
function headingAndCitationFaults(
  tree: Root,
  file: string,
  sources: readonly Source[],
  postUrl: string,
  sections: typeof STABLE_SECTIONS | readonly (typeof STABLE_SECTIONS)[number][],
): Fault[] {
  const faults: Fault[] = [];
  const seenIds = new Map<string, number>();
  const anchorLinks: {anchor: string; line: number}[] = [];
  let lastLine = 1;
  const visit = (node: RootContent | Root) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'heading') {
      if (new RegExp(CITATION.source).test(textOf(node)))
        faults.push({
          file,
          line,
          message: `a heading may not cite a source (the table of contents would show [^id] raw); cite in the text below it`,
        });
      const id = node.data?.hProperties?.id;
      if (typeof id === 'string' && /^(source-|cite-|__docusaurus)/.test(id)) {
        faults.push({
          file,
          line,
          message: `the heading id "${id}" is kept for the Sources list and its citations (source-*, cite-*); give the heading another {#id}`,
        });
      }
      if (typeof id === 'string') {
        if (seenIds.has(id))
          faults.push({
            file,
            line,
            message: `the heading id "${id}" is already used on line ${seenIds.get(id)}; give this heading its own {#id}`,
          });
        else seenIds.set(id, line);
      }
      return;
    }
    lastLine = Math.max(lastLine, node.position?.end.line ?? 0);
    if (node.type === 'link') {
      const anchor = node.url.startsWith('#')
        ? node.url.slice(1)
        : node.url.startsWith(`${postUrl}#`)
          ? node.url.slice(postUrl.length + 1)
          : undefined;
      if (anchor !== undefined) anchorLinks.push({anchor, line});
    }
    if (node.type === 'text') {
      if (node.value.includes(TO_FILL))
        faults.push({
          file,
          line,
          message: `"${TO_FILL}" is left from the scaffold; write the section, citing its sources`,
        });
      for (const match of node.value.matchAll(SPACED_CITATION)) {
        const at = line + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        faults.push({
          file,
          line: at,
          message: `remove the space before ${match[1]}: a citation follows the word it supports directly, as in "took 30 seconds${match[1]}"`,
        });
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  // Anchors the page will have: its headings, and each declared source in the list the build renders.
  const anchors = new Set([...seenIds.keys(), ...sources.map((source) => sourceAnchor(source.id))]);
  for (const {anchor, line} of anchorLinks) {
    if (!anchors.has(decodeAnchor(anchor))) {
      faults.push({
        file,
        line,
        message: `the link to #${anchor} points at no heading of this post (ids: ${[...seenIds.keys()].join(', ')}); use one of them`,
      });
    }
  }
  const stableIds = [...STABLE_SECTIONS.map((section) => section.id as string), 'sources'];
  // A heading whose id misspells a stable one, named where it is: whether or not the section is required yet (a post
  // still running may carry some of the post-mortem's sections), notices link to the id as it should be.
  const misspelt = new Set<string>();
  for (const {id, title} of [...STABLE_SECTIONS, {id: 'sources', title: 'Sources'}]) {
    if (seenIds.has(id)) continue;
    const heading = [...seenIds.keys()].find((seen) => !stableIds.includes(seen) && nearestKey(seen, [id]) === id);
    if (heading === undefined) continue;
    misspelt.add(id);
    faults.push({
      file,
      line: seenIds.get(heading)!,
      message: `the heading id "${heading}" should be "${id}", which customer notices link to: write "## ${title} {#${id}}"`,
    });
  }
  sections.forEach(({id, title}, k) => {
    if (seenIds.has(id) || misspelt.has(id)) return;
    // Point where the section belongs: the next stable section present, or the Sources heading.
    const nextId = [...sections.slice(k + 1).map((section) => section.id), 'sources'].find((later) =>
      seenIds.has(later),
    );
    faults.push({
      file,
      line: nextId ? seenIds.get(nextId)! : lastLine,
      message: `the section "## ${title} {#${id}}" is missing; customer notices link to it, so every post has it${nextId ? `: add it before the heading {#${nextId}} on this line` : ''}`,
    });
  });
  return faults;
}

/** A link among the posts: to a post's URL, by its last segment, or to its file, by a path from the site folder. */
export type PostLinkTarget = ({segment: string} | {path: string}) & {anchor?: string};

/**
 * What a link in `file` points to among the posts: a post's URL (with or without a trailing slash or .html) or, as
 * Docusaurus resolves it, a relative path to its file; undefined for any other link, the blog's own pages (tags,
 * archive, …) included, which the link check after the build covers.
 */
export function postLinkTarget(
  url: string,
  file: string,
  blogPath: string,
  siteDir: string,
): PostLinkTarget | undefined {
  const [target, anchor] = [url.split('#')[0].split('?')[0], url.split('#')[1]];
  if (/\.mdx?$/.test(target) && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/'))
    return {anchor, path: path.relative(siteDir, path.resolve(siteDir, path.dirname(file), target))};
  if (!target.startsWith(`${blogPath}/`)) return undefined;
  const segment = target
    .slice(blogPath.length + 1)
    .replace(/\/$/, '')
    .replace(/\.html$/, '');
  return segment !== '' && !segment.includes('/') && !BLOG_ROUTES.includes(segment) ? {anchor, segment} : undefined;
}

/**
 * A link to another post that has no such slug, or no such anchor: the build's link check finds either only after
 * rendering every page, and names no line; the dev server not at all. A link is to a post by its URL (with or without
 * a trailing slash or .html) or, as Docusaurus resolves it, by a relative path to its file.
 */
function otherPostLinkFaults(tree: Root, file: string, blogPath: string, siteDir: string): Fault[] {
  const links: ({url: string; line: number} & PostLinkTarget)[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'link') {
      const target = postLinkTarget(node.url, file, blogPath, siteDir);
      if (target) links.push({url: node.url, line: node.position?.start.line ?? 1, ...target});
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  if (links.length === 0) return [];
  let posts: PostUrls[];
  try {
    posts = readPostUrls(siteDir);
  } catch (error) {
    // Another post whose slug cannot be read is named as its own fault; until then, no post is known to be missing.
    if (isFaultError(error)) return [];
    throw error;
  }
  return links.flatMap((link): Fault[] => {
    const {line, anchor} = link;
    let {url} = link;
    const fault = (message: string): Fault[] => [{file, line, message: `the link to ${url} ${message}`}];
    let post: PostUrls | undefined;
    if ('path' in link) {
      post = posts.find((candidate) => candidate.file === link.path);
      // A file that is no post: Docusaurus' own check of Markdown links names it.
      if (!post) return [];
      // As the build names it, once Docusaurus has resolved the file to its URL.
      url = `${blogPath}/${post.slug}${anchor === undefined ? '' : `#${anchor}`}`;
    } else {
      post = posts.find((candidate) => candidate.slug === link.segment);
      const byFolder = posts.find((candidate) => candidate.folder === link.segment);
      if (!post && byFolder)
        return fault(
          `names the post's folder, not its URL; link ${blogPath}/${byFolder.slug}${anchor ? `#${anchor}` : ''}`,
        );
      if (!post) return fault(`leads to no post; known slugs: ${posts.map(({slug}) => slug).join(', ')}`);
    }
    // This post's own anchors are checked against its compiled headings (headingAndCitationFaults).
    if (!anchor || post.file === file) return [];
    const {ids, complete} = postAnchors(readFileSync(path.join(siteDir, post.file), 'utf8'));
    if (!complete || ids.includes(decodeAnchor(anchor))) return [];
    const headings = ids.filter((id) => !id.startsWith('source-'));
    return fault(`points at no heading of ${post.file} (ids: ${headings.join(', ')})`);
  });
}

/** The sources a post's timeline entries cite, which count as cited: the page renders them with the text's. */
function timelineCitations(frontMatter: Record<string, unknown>): string[] {
  const incident = frontMatter.incident as {timeline?: unknown} | undefined;
  const entries = Array.isArray(incident?.timeline) ? incident.timeline : [];
  return entries.flatMap((entry) =>
    typeof entry?.body === 'string' ? [...entry.body.matchAll(CITATION)].map(([, id]) => id) : [],
  );
}

/**
 * Turns the citations `[^id]` in a post into numbered links to its declared
 * sources (front matter `sources:`) and renders those sources as a numbered
 * list at the end of the post's last section, `## Sources {#sources}`. Fails
 * the build, naming the file, on an undeclared or uncited source.
 */
export default function remarkCitations({siteDir, blogPath}: {siteDir: string; blogPath: string}) {
  return (tree: Root, vfile: VFileLike): void => {
    const file = path.relative(siteDir, vfile.path);
    const frontMatter = vfile.data.frontMatter ?? {};
    const postUrl = `${blogPath}/${String(frontMatter.slug)}`;
    // Every fault of the post's text at once, each located in the post, as every other check reports.
    const faults: Fault[] = [];
    const located = (error: unknown) => {
      if (!isFaultError(error)) throw error;
      faults.push(...error.faults.map((fault) => locateFault(fault, String(vfile.value))));
    };
    let sources: Source[] = [];
    try {
      sources = parseSources(frontMatter, file);
    } catch (error) {
      located(error);
    }
    if (!TRUNCATE_MARKER.test(String(vfile.value))) {
      replaceCitations(tree, sources, postUrl);
      if (faults.length > 0) throw new FaultError(faults);
      return;
    }
    // While the incident runs, a post is its summary and timeline; the post-mortem's sections come once resolved.
    const sections = postMortemDue(frontMatter.incident) ? STABLE_SECTIONS : STABLE_SECTIONS.slice(0, 1);
    faults.push(...headingAndCitationFaults(tree, file, sources, postUrl, sections));
    faults.push(...otherPostLinkFaults(tree, file, blogPath, siteDir));
    const cited = replaceCitations(tree, sources, null);
    const declared = new Set(sources.map((source) => source.id));
    // With sources that could not be read, which citations are undeclared is not known yet.
    if (faults.length === 0 || sources.length > 0) {
      for (const {id, line} of cited.filter((citation) => !declared.has(citation.id))) {
        faults.push({
          file,
          line,
          message: `[^${id}] cites "${id}", which is not among the ids this post declares under "sources" (${[...declared].join(', ') || 'none'}); declare it there, or cite one of those`,
        });
      }
      try {
        checkSourcesCited(sources, [...cited.map((citation) => citation.id), ...timelineCitations(frontMatter)], file);
      } catch (error) {
        located(error);
      }
    }
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2);
    const lastId = headings.at(-1)?.data?.hProperties?.id;
    // A misspelt {#sources} is named at its heading, with the id to write, among the heading faults.
    if (lastId !== 'sources' && !(typeof lastId === 'string' && nearestKey(lastId, ['sources']) === 'sources')) {
      faults.push({
        file,
        line: 1,
        message: `the last section must be "## Sources {#sources}", where the list of sources is rendered; add it at the end`,
      });
    }
    if (faults.length > 0) throw new FaultError(faults);
    tree.children.push(
      sourceList(
        sources,
        cited.map((citation) => citation.id),
      ),
    );
  };
}
