import {existsSync, readdirSync, readFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {directiveSources} from '../../src/security/contentSecurityPolicy';
import {PRODUCTION_URL} from '../../src/site/deployment';
import {serveBuildLikeVercel, vercelConfig, type VercelServer} from '../support/vercelServer';

const BLOG = path.resolve(__dirname, '../../blog');
const PRODUCTION_HOST = new URL(PRODUCTION_URL).host;

/** Each post folder with the slug and tracking id its front matter gives. */
const posts = readdirSync(BLOG, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map(({name}) => {
    const file = ['index.mdx', 'index.md'].map((f) => path.join(BLOG, name, f)).find((f) => existsSync(f))!;
    const frontMatter = readFileSync(file, 'utf8').split(/^---$/m)[1];
    return {
      folder: name,
      slug: /^slug: *(\S+)/m.exec(frontMatter)![1],
      trackingId: /^ {2}tracking_id: *(\S+)/m.exec(frontMatter)?.[1],
    };
  });

let server: VercelServer;
beforeAll(async () => {
  server = await serveBuildLikeVercel();
});
afterAll(() => server?.close());

/** One request, no redirect following, with an optional Host header. */
function get(urlPath: string, host?: string): Promise<{status: number; headers: http.IncomingHttpHeaders}> {
  return new Promise((resolve, reject) => {
    const request = http.get(server.origin + urlPath, {headers: host ? {host} : {}}, (response) => {
      response.resume();
      resolve({status: response.statusCode!, headers: response.headers});
    });
    request.on('error', reject);
  });
}

describe('links that last', () => {
  it.each(posts)('/blog/$folder redirects once, permanently, to /blog/$slug', async ({folder, slug}) => {
    const response = await get(`/blog/${folder}`);
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(`/blog/${slug}`);
    expect((await get(`/blog/${slug}`)).status).toBe(200);
  });

  it.each(posts.filter((p) => p.trackingId))('/incidents/$trackingId redirects to /blog/$slug', async ({trackingId, slug}) => {
    const response = await get(`/incidents/${trackingId}`);
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(`/blog/${slug}`);
  });

  it('every redirect in vercel.json leads to a page that exists', async () => {
    for (const {destination} of vercelConfig().redirects ?? []) expect((await get(destination)).status, destination).toBe(200);
  });

  it('serves canonical URLs directly and sends .html and trailing-slash forms to them', async () => {
    expect((await get('/blog/prisma-reconnect-blocking-incident')).status).toBe(200);
    expect((await get('/blog/prisma-reconnect-blocking-incident.html')).headers.location).toBe('/blog/prisma-reconnect-blocking-incident');
    expect((await get('/incidents/')).headers.location).toBe('/incidents');
    expect((await get('/no-such-page')).status).toBe(404);
  });
});

describe('response headers', () => {
  it.each(['/', '/incidents', '/blog/prisma-reconnect-blocking-incident'])('%s carries the security headers and revalidates', async (urlPath) => {
    const {headers} = await get(urlPath, PRODUCTION_HOST);
    const csp = headers['content-security-policy'] as string;
    expect(directiveSources(csp, 'default-src')).toEqual(["'self'"]);
    expect(directiveSources(csp, 'frame-ancestors')).toEqual(["'none'"]);
    const scripts = directiveSources(csp, 'script-src');
    expect(scripts[0]).toBe("'self'");
    expect(scripts.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(headers['x-robots-tag']).toBeUndefined();
  });

  it('caches hashed assets for a year, immutably', async () => {
    const asset = readdirSync(path.resolve(__dirname, '../../build/assets/js'))[0];
    expect((await get(`/assets/js/${asset}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('tells search engines not to index any host but production', async () => {
    expect((await get('/', 'incidents-git-fix-abc.vercel.app')).headers['x-robots-tag']).toBe('noindex, nofollow');
  });
});
