import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load} from 'js-yaml';

import {FaultError, type Fault} from '../faults/fault';
import {FRONT_MATTER_BLOCK} from '../incidents/frontMatterFields';
import type {IncidentVersions} from '../incidents/frontMatterSchema';
import {osvAdvisory} from '../incidents/osv';

export type Redirect = {source: string; destination: string; permanent: true};

/** What decides a post's URLs: its folder, its slug, its tracking id and whether it has an OSV record. */
export type PostUrls = {file: string; folder: string; slug: string; trackingId?: string; osvPath?: string};

/** Where posts live (the config's blog routeBasePath, and the deployment's redirects), and the pages under it the blog itself owns. */
export const BLOG_PATH = '/blog';
export const BLOG_ROUTES = ['tags', 'archive', 'authors', 'page'];

/**
 * A folder name that Vercel's redirect `source` (a path-to-regexp pattern) and
 * a URL both read literally: letters, digits, "_" and "-". A folder named
 * "(.*)" would otherwise redirect every post away.
 */
const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A slug is the address customers hold and a file name in the build (at most 255 bytes): a few words. */
export const MAX_SLUG_LENGTH = 100;

/**
 * The folder a post with this slug is given: "my-incident" → "my_incident".
 * Never the slug itself, whose redirect would loop: "search" → "search_incident".
 */
export const folderFor = (slug: string) => (slug.includes('-') ? slug.replaceAll('-', '_') : `${slug}_incident`);

/**
 * Every post stays reachable at its slug: no two posts own one URL, no slug
 * takes a page the blog owns, and no folder redirect points at itself (a
 * loop) or takes another post's URL (Vercel matches redirects regardless of
 * letter case, so neither does this). Returns one error per fault, naming
 * both files where two posts are involved.
 */
export function postUrlFaults(posts: readonly PostUrls[]): Fault[] {
  const faults: Fault[] = [];
  const fault = (file: string, field: string, message: string) => faults.push({file, field, message});
  const slugOwners = new Map<string, string>();
  const idOwners = new Map<string, string>();
  for (const {file, slug, trackingId} of posts) {
    const key = slug.toLowerCase();
    const slugOwner = slugOwners.get(key);
    if (slugOwner)
      fault(file, 'slug', `"${slug}" is already used by ${slugOwner}; one URL, one report: choose another slug`);
    else slugOwners.set(key, file);
    if (BLOG_ROUTES.includes(key))
      fault(file, 'slug', `"${slug}" is the blog's own page ${BLOG_PATH}/${slug}; choose another slug`);
    if (slug.length > MAX_SLUG_LENGTH)
      fault(
        file,
        'slug',
        `is ${slug.length} characters long; keep it to ${MAX_SLUG_LENGTH} or fewer, a few words: it is the address customers hold`,
      );
    if (trackingId === undefined) continue;
    if (!/^[A-Za-z0-9-]+$/.test(trackingId)) {
      fault(
        file,
        'incident.tracking_id',
        `"${trackingId}" must look like LIT-2614: it becomes the URL /incidents/<id>`,
      );
    }
    const idOwner = idOwners.get(trackingId.toLowerCase());
    if (idOwner)
      fault(
        file,
        'incident.tracking_id',
        `"${trackingId}" is already used by ${idOwner}; /incidents/${trackingId} must lead to one post`,
      );
    else idOwners.set(trackingId.toLowerCase(), file);
  }
  const folderOwners = new Map<string, string>();
  for (const {file, folder, slug} of posts) {
    const from = `cannot be redirected to from the folder "${folder}"`;
    // Vercel matches redirects regardless of letter case: two such folders would share one.
    const sameFolder = folderOwners.get(folder.toLowerCase());
    if (sameFolder)
      fault(file, 'slug', `${from}: its name differs from ${sameFolder}'s folder only in letter case; rename one`);
    folderOwners.set(folder.toLowerCase(), file);
    const owner = slugOwners.get(folder.toLowerCase());
    if (!FOLDER_NAME.test(folder)) {
      fault(
        file,
        'slug',
        `${from}: name the folder with letters, digits, "_" and "-", starting with a letter or digit (Docusaurus skips a folder starting with "_")`,
      );
    } else if (folder.toLowerCase() === slug.toLowerCase()) {
      fault(
        file,
        'slug',
        `"${slug}" is also the name of its folder, so ${BLOG_PATH}/${folder} would redirect to itself forever; rename the folder, e.g. ${folderFor(slug)}`,
      );
    } else if (owner !== undefined) {
      fault(
        file,
        'slug',
        `${from}: ${BLOG_PATH}/${folder} is the URL of ${owner}, which the redirect would take away; rename the folder`,
      );
    } else if (BLOG_ROUTES.includes(folder.toLowerCase())) {
      fault(file, 'slug', `${from}: ${BLOG_PATH}/${folder} is the blog's own page; rename the folder`);
    }
  }
  return faults;
}

/** Each post folder under blog/ with the slug and tracking id its front matter gives. */
export function readPostUrls(siteDir: string): PostUrls[] {
  const blog = path.join(siteDir, 'blog');
  return readdirSync(blog, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(({name}) => {
      const file = ['index.mdx', 'index.md'].map((f) => path.join(blog, name, f)).find((f) => existsSync(f));
      if (!file) return [];
      const frontMatter = FRONT_MATTER_BLOCK.exec(readFileSync(file, 'utf8'))?.[1];
      const {slug, incident} = (frontMatter === undefined ? {} : (load(frontMatter) ?? {})) as {
        slug?: unknown;
        incident?: {tracking_id?: unknown; versions?: unknown};
      };
      // A post whose slug cannot be read here would silently lose its redirects.
      if (typeof slug !== 'string' || slug === '')
        throw new FaultError({
          file: path.relative(siteDir, file),
          field: 'slug',
          message: 'cannot be read; every post needs one',
        });
      const trackingId = typeof incident?.tracking_id === 'string' ? incident.tracking_id : undefined;
      // The build has validated the statements by the time the deployment reads them.
      const versions = Array.isArray(incident?.versions) ? (incident.versions as IncidentVersions) : 'not stated';
      const advisory = osvAdvisory(slug, versions);
      return [
        {
          file: path.relative(siteDir, file),
          folder: name,
          slug,
          ...(trackingId && {trackingId}),
          ...(advisory && {osvPath: advisory.path}),
        },
      ];
    });
}

/**
 * The permanent redirects every post needs, from the posts themselves: its
 * folder path (/blog/<folder>, what Docusaurus would serve without a slug)
 * and its tracking id (/incidents/LIT-2614) lead to its slug. Read by
 * the deployment (src/site/buildOutput.ts), so adding a post adds its redirects; refuses, as the build does,
 * any redirect that would make a post unreachable.
 */
export function postRedirects(siteDir: string): Redirect[] {
  const posts = readPostUrls(siteDir);
  const faults = postUrlFaults(posts);
  if (faults.length > 0) throw new FaultError(faults);
  return posts.flatMap(({folder, slug, trackingId}) => {
    const destination = `${BLOG_PATH}/${slug}`;
    return [
      {source: `${BLOG_PATH}/${folder}`, destination, permanent: true as const},
      ...(trackingId ? [{source: `/incidents/${trackingId}`, destination, permanent: true as const}] : []),
    ];
  });
}
