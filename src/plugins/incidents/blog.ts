import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin, PluginModule} from '@docusaurus/types';
import blogPlugin, {validateOptions, type BlogContent, type PluginOptions} from '@docusaurus/plugin-content-blog';

import {frontMatterFaults} from '../../authoring/checkPosts';
import {FaultError, isFaultError} from '../../faults/fault';
import type {IncidentPostMeta} from '../../incidents/frontMatterSchema';
import {stampInstant} from '../../incidents/timeline';
import {showingSiteFaults} from '../faultLines/siteFaults';

/** The newest date among the feed's entries: a post's own, or a status update's. */
export function newestFeedDate(posts: BlogContent['blogPosts']): Date | undefined {
  const times = posts.flatMap((post) => {
    const {incident} = post.metadata.frontMatter as unknown as Partial<IncidentPostMeta>;
    return [post.metadata.date.getTime(), ...(incident?.timeline ?? []).map((e) => Date.parse(stampInstant(e.at)))];
  });
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

/**
 * The feed's own date, which Docusaurus takes from its newest post alone, set to `date`: the first `<updated>` of an
 * Atom feed or `<lastBuildDate>` of an RSS one, which the feed library writes before any entry.
 */
export function withFeedDate(xml: string, kind: 'atom' | 'rss', date: Date): string {
  const [element, value, entry] =
    kind === 'atom' ? ['updated', date.toISOString(), '<entry>'] : ['lastBuildDate', date.toUTCString(), '<item>'];
  const open = xml.indexOf(`<${element}>`);
  const close = xml.indexOf(`</${element}>`, open);
  const firstEntry = xml.indexOf(entry);
  if (open === -1 || close === -1 || (firstEntry !== -1 && open > firstEntry))
    throw new Error(`the ${kind} feed has no <${element}> of its own before its entries; the feed library changed`);
  return `${xml.slice(0, open)}<${element}>${value}${xml.slice(close)}`;
}

/**
 * Docusaurus' blog, with two changes it has no option for:
 * - A fault in blog/tags.yml or authors.yml, or in a post's authors (a key missing from authors.yml, one listed twice,
 *   a name or an inline author), stops the blog with an error of its own (a js-yaml stack, or a refusal naming no
 *   line) before the post validator runs. Every front-matter fault is then reported as `npm run check` prints it, and
 *   under `npm start` shown over every page until fixed, as the dev server would otherwise keep the last good pages.
 * - The feeds' own date is their newest entry's, a status update's included, not the newest post's.
 */
export default async function incidentsBlogPlugin(context: LoadContext, validated: unknown): Promise<Plugin> {
  // Docusaurus ran the blog's own validateOptions (below) on what the config wrote.
  const options = validated as PluginOptions;
  const blog = (await blogPlugin(context, options)) as Plugin<BlogContent>;
  const wrapped: Plugin<BlogContent> = {
    ...blog,
    loadContent: () =>
      showingSiteFaults(context.siteDir, 'blog', () =>
        Promise.resolve(blog.loadContent!()).catch(async (error: unknown) => {
          // The posts' own faults (the validator's) are already lines. Anything else is the blog refusing a list or a
          // post's authors before the validator ran: every fault of the lists and the front matter, as the check
          // names them, all at once.
          if (isFaultError(error)) throw error;
          const faults = await frontMatterFaults(context.siteDir);
          throw faults.length > 0 ? new FaultError(faults) : error;
        }),
      ),
    async postBuild(props) {
      await blog.postBuild?.(props);
      const {content, outDir} = props;
      const limit = options.feedOptions.limit;
      const newest = newestFeedDate(typeof limit === 'number' ? content.blogPosts.slice(0, limit) : content.blogPosts);
      if (!newest || !options.feedOptions.type) return;
      for (const kind of ['atom', 'rss'] as const) {
        if (!options.feedOptions.type.includes(kind)) continue;
        const file = path.join(outDir, options.routeBasePath, kind === 'atom' ? 'atom.xml' : 'rss.xml');
        // Where the blog wrote none (it writes no feeds for a site on the hash router), there is nothing to date.
        if (!existsSync(file)) continue;
        writeFileSync(file, withFeedDate(readFileSync(file, 'utf8'), kind, newest));
      }
    },
  };
  // Docusaurus types a plugin's content as unknown; this one's is the blog's.
  return wrapped as Plugin;
}
incidentsBlogPlugin.validateOptions = validateOptions as NonNullable<PluginModule['validateOptions']>;
