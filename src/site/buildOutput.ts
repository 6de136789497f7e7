/**
 * The whole deployment as Vercel's Build Output API v3 describes it
 * (.vercel/output: static/ and config.json), written by the site's own build
 * (deploy/writeBuildOutput.ts) so that what Vercel serves, on a Git
 * integration's build as on `vercel deploy --prebuilt`, is exactly what the
 * tests serve: Vercel uses a build's .vercel/output as it is.
 *
 * Written here rather than compiled by Vercel from vercel.json settings,
 * because the compiled routes put every redirect before every header (a
 * redirect went out without HSTS, nosniff or CSP) and redirect
 * "//evil.example/" to the protocol-relative "//evil.example", another site.
 */
import {contentSecurityPolicy, type InlineHashes} from '../security/contentSecurityPolicy';
import {SEARCH_PAGE} from '../search/searchPaths';
import {PRODUCTION_URL} from './deployment';
import {FRONT_MATTER_SCHEMA_PATH} from '../incidents/frontMatterSchema';
import {INCIDENTS_JSON_PATH} from '../incidents/incidentsJson';
import {INCIDENTS_SCHEMA_PATH} from '../incidents/incidentsJsonSchema';
import {STATUSPAGE_API, STATUSPAGE_FILES} from '../incidents/statuspage';
import {STATUSPAGE_SCHEMA_PATH} from '../incidents/statuspageSchema';
import {OSV_INDEX_PATH} from '../incidents/osv';
import {BLOG_PATH, type Redirect} from './redirects';

export type Route = {
  src?: string;
  dest?: string;
  headers?: Record<string, string>;
  status?: number;
  continue?: boolean;
  caseSensitive?: boolean;
  has?: {type: 'host'; value: string | {suf: string}}[];
  missing?: {type: 'host'; value: string | {suf: string}}[];
  handle?: 'filesystem' | 'error';
};
export type BuildOutputConfig = {version: 3; routes: Route[]; overrides: Record<string, {path: string}>};

/** The headers every response carries, redirects and errors included. */
export function securityHeaders(hashes: InlineHashes): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hashes),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'public, max-age=0, must-revalidate',
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The machine-readable files, each by its exact path (the index, its schemas, the Statuspage-shaped API, the JSON
 * feed, the OSV index and each OSV record the posts give): a pattern would also match paths that answer with the
 * 404 page.
 */
export function publicJson(osvPaths: readonly string[]): string {
  return `^(?:${[
    INCIDENTS_JSON_PATH,
    INCIDENTS_SCHEMA_PATH,
    FRONT_MATTER_SCHEMA_PATH,
    STATUSPAGE_SCHEMA_PATH,
    `${BLOG_PATH}/feed.json`,
    ...STATUSPAGE_FILES.map((file) => `${STATUSPAGE_API}/${file}`),
    OSV_INDEX_PATH,
    ...osvPaths,
  ]
    .map(escapeRegExp)
    .join('|')})$`;
}

/**
 * The routes, in the order Vercel runs them: headers first (each continues),
 * then answers for paths that are not paths, then one-hop redirects to the
 * canonical URL, then the files, then the 404 page.
 */
export function buildOutputRoutes({
  hashes,
  redirects,
  osvPaths,
}: {
  hashes: InlineHashes;
  redirects: readonly Redirect[];
  /** The OSV records' paths, from the posts (readPostUrls), not from what the build directory holds. */
  osvPaths: readonly string[];
}): Route[] {
  const productionHost = new URL(PRODUCTION_URL).host;
  const location = (to: string) => ({Location: to});
  return [
    {src: '^/.*$', headers: securityHeaders(hashes), continue: true},
    // Search reads its index with WebAssembly; the page that runs it, and no other, may compile it.
    {
      src: `^${SEARCH_PAGE}$`,
      headers: {'Content-Security-Policy': contentSecurityPolicy(hashes, {wasmPage: true})},
      // Routes match regardless of case unless told: "/SEARCH", the 404 page, would be allowed it too.
      caseSensitive: true,
      continue: true,
    },
    // The public JSON, readable by a page on another origin (a status embed, a dashboard): these files only, so no
    // page or other file is opened to cross-origin reads.
    {src: publicJson(osvPaths), headers: {'Access-Control-Allow-Origin': '*'}, caseSensitive: true, continue: true},
    // Everything under /assets has a content hash in its name.
    {src: '^/assets/.*$', headers: {'Cache-Control': 'public, max-age=31536000, immutable'}, continue: true},
    // Previews (*.vercel.app other than the production host) stay out of search engines; a custom domain is indexed.
    {
      src: '^/.*$',
      has: [{type: 'host', value: {suf: '.vercel.app'}}],
      missing: [{type: 'host', value: productionHost}],
      headers: {'X-Robots-Tag': 'noindex, nofollow'},
      continue: true,
    },
    // "//host", "/\host" and their encoded or whitespace forms (browsers drop tabs and newlines from a Location)
    // would become a protocol-relative Location in the redirects below.
    {src: '^/(?:[/\\\\\\s]|%(?:2f|5c|09|0a|0d|20))', status: 404, dest: '/404.html'},
    {src: '%(?![0-9A-Fa-f]{2})', status: 400},
    // Clean URLs without trailing slashes, as docusaurus.config.ts writes its links: one hop to the canonical form.
    {src: '^/(?:(.+)/)?index(?:\\.html)?/?$', headers: location('/$1'), status: 308},
    {src: '^/(.+)\\.html/?$', headers: location('/$1'), status: 308},
    {src: '^/(.+)/$', headers: location('/$1'), status: 308},
    ...redirects.map(({source, destination}) => ({
      src: `^${escapeRegExp(source)}$`,
      headers: location(destination),
      status: 308,
    })),
    {handle: 'filesystem'},
    {src: '^/.*$', status: 404, dest: '/404.html'},
    {handle: 'error'},
    {src: '^/.*$', dest: '/404.html'},
  ];
}

/** Each page "x.html" (and "x/index.html") is served at "/x", without the extension. */
export function cleanUrlOverrides(files: readonly string[]): Record<string, {path: string}> {
  const pages = files.filter((file) => file.endsWith('.html')).sort();
  return Object.fromEntries(
    pages.map((file) => [file, {path: file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}]),
  );
}
