import type {BlogPost} from '@docusaurus/plugin-content-blog';

import {checkPostFrontMatter} from '../../authoring/checkPosts';
import {FaultError, faultLine} from '../../faults/fault';
import {POST_FAULTS, VERSION_OVERLAPS} from '../../incidents/frontMatterFields';
import {rangeOverlaps, type VersionedIncident} from '../../incidents/affectedIncidents';

/** "@site/blog/x/index.md" → "blog/x/index.md": the path an author can open. */
export function sourceFile(post: BlogPost): string {
  return post.metadata.source.replace(/^@site\//, '');
}

/**
 * The blog plugin's `processBlogPosts` hook: fails the build on bad front
 * matter, or on a post another post or a redirect would make unreachable,
 * listing every fault of every post at once, one line each (the same lines
 * as `npm run check`); otherwise stores the normalised metadata (dates as
 * text) so every page renders exactly what was validated.
 */
export function incidentPostValidator(siteDir: string) {
  return async function validateIncidentPosts({blogPosts}: {blogPosts: BlogPost[]}): Promise<BlogPost[]> {
    const {valid, faults} = checkPostFrontMatter(
      siteDir,
      blogPosts.map((post) => ({file: sourceFile(post), frontMatter: post.metadata.frontMatter})),
    );
    // Under `npm start` the server stays up and each faulty post shows its faults in the browser (src/theme); a
    // fault in a file every post depends on (blog/components.yml) has no page of its own and stops the server.
    const postFiles = new Set(blogPosts.map(sourceFile));
    if (faults.length > 0 && (process.env.NODE_ENV !== 'development' || faults.some((f) => !postFiles.has(f.file))))
      throw new FaultError(faults);
    if (faults.length > 0)
      console.warn(
        `Posts left out of /incidents until fixed (their pages show why):\n${faults.map(faultLine).join('\n')}`,
      );
    const meta = new Map(valid.map((post) => [post.file, post.meta]));
    // Every header warns where its "or later" range takes in another post's affected versions.
    const overlaps = rangeOverlaps(
      blogPosts.flatMap((post): VersionedIncident[] => {
        const versions = meta.get(sourceFile(post))?.incident.versions;
        return versions ? [{title: post.metadata.title, permalink: post.metadata.permalink, versions}] : [];
      }),
    );
    return blogPosts.map((post) => {
      const file = sourceFile(post);
      const own = faults.filter((fault) => fault.file === file).map(faultLine);
      const frontMatter =
        own.length > 0
          ? {...post.metadata.frontMatter, [POST_FAULTS]: own}
          : {
              ...post.metadata.frontMatter,
              ...meta.get(file),
              [VERSION_OVERLAPS]: overlaps.get(post.metadata.permalink) ?? [],
            };
      return {...post, metadata: {...post.metadata, frontMatter}};
    });
  };
}
