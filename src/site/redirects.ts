import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load} from 'js-yaml';

export type Redirect = {source: string; destination: string; permanent: true};

/**
 * The permanent redirects every post needs, from the posts themselves: its
 * folder path (/blog/<folder>, what Docusaurus would serve without a slug)
 * and its tracking id (/incidents/LIT-2614) lead to its slug. Read by
 * vercel.ts, so adding a post adds its redirects.
 */
export function postRedirects(siteDir: string): Redirect[] {
  const blog = path.join(siteDir, 'blog');
  return readdirSync(blog, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(({name}) => {
      const file = ['index.mdx', 'index.md'].map((f) => path.join(blog, name, f)).find((f) => existsSync(f));
      if (!file) return [];
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      const {slug, incident} = (load(frontMatter) ?? {}) as {slug?: string; incident?: {tracking_id?: string}};
      // The build refuses a post without a slug, naming the file; here it would only lose its redirects.
      if (!slug) return [];
      const destination = `/blog/${slug}`;
      return [
        {source: `/blog/${name}`, destination, permanent: true as const},
        ...(incident?.tracking_id ? [{source: `/incidents/${incident.tracking_id}`, destination, permanent: true as const}] : []),
      ];
    });
}
