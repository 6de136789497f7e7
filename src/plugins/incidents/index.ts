import type {LoadContext, Plugin} from '@docusaurus/types';
import type {BlogContent, BlogPost} from '@docusaurus/plugin-content-blog';

import {parseIncidentMeta} from '../../incidents/incidentMeta';
import {buildIncidentIndex, type IncidentRow} from '../../incidents/incidentIndex';

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
    const incident = parseIncidentMeta(frontMatter, sourceFile(post));
    return {...post, metadata: {...post.metadata, frontMatter: {...frontMatter, incident}}};
  });
}

/**
 * Builds the incidents index from the blog's own posts, so adding a post adds
 * its row. The rows reach the page as route props: only the home page and
 * /incidents load them, not every page as global data would.
 */
export default function incidentsPlugin(_context: LoadContext): Plugin {
  return {
    name: 'incidents-index',
    async allContentLoaded({allContent, actions}) {
      const blog = allContent['docusaurus-plugin-content-blog']?.default as BlogContent | undefined;
      if (!blog) throw new Error('incidents-index: the blog plugin is not loaded; the index is built from its posts');
      const rows = buildIncidentIndex(
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
