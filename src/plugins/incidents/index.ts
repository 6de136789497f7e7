import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {Resvg} from '@resvg/resvg-js';
import type {BlogContent, BlogPost} from '@docusaurus/plugin-content-blog';

import {parseIncidentMeta, parseIncidentUpdates} from '../../incidents/incidentMeta';
import {buildIncidentIndex, type IncidentRow} from '../../incidents/incidentIndex';
import {socialCardPath, socialCardSvg} from '../../social/socialCard';

export type IncidentsRouteProps = {rows: IncidentRow[]};

/** "@site/blog/x/index.md" → "blog/x/index.md": the path an author can open. */
function sourceFile(post: BlogPost): string {
  return post.metadata.source.replace(/^@site\//, '');
}

/**
 * The blog plugin's `processBlogPosts` hook: fails the build on the first post
 * with bad incident metadata, and stores the normalised metadata (dates as
 * YYYY-MM-DD text) so the post page renders exactly what was validated.
 */
export async function validateIncidentPosts({blogPosts}: {blogPosts: BlogPost[]}): Promise<BlogPost[]> {
  return blogPosts.map((post) => {
    const {frontMatter} = post.metadata;
    const source = sourceFile(post);
    const incident = parseIncidentMeta(frontMatter, source);
    const updates = parseIncidentUpdates(frontMatter, source);
    return {...post, metadata: {...post.metadata, frontMatter: {...frontMatter, incident, updates}}};
  });
}

// Fonts shipped by an npm package, so cards render the same on any machine, offline.
const FONT_DIR = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** Renders each post's link-preview card to a PNG in the build, from its title and severity. */
function writeSocialCards(rows: readonly IncidentRow[], outDir: string): void {
  const fontFiles = readdirSync(FONT_DIR)
    .filter((file) => /^DejaVuSans(-Bold)?\.ttf$/.test(file))
    .map((file) => path.join(FONT_DIR, file));
  for (const row of rows) {
    const svg = socialCardSvg({title: row.title, severity: row.severity, date: row.date, trackingId: row.tracking_id});
    const png = new Resvg(svg, {font: {fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans'}}).render().asPng();
    const file = path.join(outDir, socialCardPath(row.permalink));
    mkdirSync(path.dirname(file), {recursive: true});
    writeFileSync(file, png);
  }
}

/**
 * Builds the incidents index from the blog's own posts, so adding a post adds
 * its row. The rows reach the page as route props: only the home page and
 * /incidents load them, not every page as global data would. After the build
 * it writes each post's social card image.
 */
export default function incidentsPlugin(_context: LoadContext): Plugin {
  let rows: IncidentRow[] = [];
  return {
    name: 'incidents-index',
    async postBuild({outDir}) {
      writeSocialCards(rows, outDir);
    },
    async allContentLoaded({allContent, actions}) {
      const blog = allContent['docusaurus-plugin-content-blog']?.default as BlogContent | undefined;
      if (!blog) throw new Error('incidents-index: the blog plugin is not loaded; the index is built from its posts');
      rows = buildIncidentIndex(
        blog.blogPosts.map((post) => ({
          permalink: post.metadata.permalink,
          title: post.metadata.title,
          source: sourceFile(post),
          frontMatter: post.metadata.frontMatter,
        })),
      );
      const props: IncidentsRouteProps = {rows};
      actions.addRoute({path: '/', exact: true, component: '@site/src/components/HomePage', props});
      actions.addRoute({path: '/incidents', exact: true, component: '@site/src/components/IncidentIndexPage', props});
    },
  };
}
