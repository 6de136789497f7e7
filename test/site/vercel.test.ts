import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {directiveSources} from '../../src/security/contentSecurityPolicy';
import {PRODUCTION_URL} from '../../src/site/deployment';
import {BUILD_DIR} from '../support/builtSite';
import {buildOutputConfig, serveBuildLikeVercel, type VercelServer} from '../../deploy/serveBuildOutput';

/**
 * Redirects, headers, caching and indexing as Vercel will serve them: the
 * compiled routes of .vercel/output/config.json, applied by the test router.
 */

const BLOG = path.resolve(__dirname, '../../blog');
const PRODUCTION_HOST = new URL(PRODUCTION_URL).host;
const PREVIEW_HOST = 'incidents-git-fix-abc.vercel.app';
const CUSTOM_DOMAIN = 'incidents.example.com';

/** Each post folder with the slug and tracking id its front matter gives, read here independently of the deployment's own reader. */
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
function get(
  urlPath: string,
  host?: string,
): Promise<{status: number; headers: http.IncomingHttpHeaders; body: string}> {
  return new Promise((resolve, reject) => {
    const request = http.get(server.origin + urlPath, {headers: host ? {host} : {}}, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({status: response.statusCode!, headers: response.headers, body}));
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

  it.each(posts.filter((p) => p.trackingId))(
    '/incidents/$trackingId redirects to /blog/$slug, in any letter case',
    async ({trackingId, slug}) => {
      for (const id of [trackingId!, trackingId!.toLowerCase()]) {
        // Vercel matches a route's src without regard to case unless the route sets caseSensitive; the compiled ones do not.
        const response = await get(`/incidents/${id}`);
        expect(response.status, id).toBe(308);
        expect(response.headers.location).toBe(`/blog/${slug}`);
      }
    },
  );

  it('every compiled redirect leads to a page that exists', async () => {
    const locations = (buildOutputConfig().routes ?? [])
      .filter((route) => route.status === 308)
      .map((route) => route.headers!.Location);
    const fixed = locations.filter((location) => !location.includes('$'));
    expect(fixed.length).toBe(posts.length + posts.filter((p) => p.trackingId).length);
    for (const location of fixed) expect((await get(location)).status, location).toBe(200);
  });

  it('serves canonical URLs directly and sends .html, index and trailing-slash forms to them in one hop', async () => {
    expect((await get('/blog/prisma-reconnect-blocking-incident')).status).toBe(200);
    for (const [from, to] of [
      ['/blog/prisma-reconnect-blocking-incident.html', '/blog/prisma-reconnect-blocking-incident'],
      ['/incidents/', '/incidents'],
      ['/blog/prisma-reconnect-blocking-incident/', '/blog/prisma-reconnect-blocking-incident'],
      ['/index.html', '/'],
      ['/incidents/?version=1.82.7', '/incidents?version=1.82.7'],
    ]) {
      const response = await get(from);
      expect(response.status, from).toBe(308);
      expect(response.headers.location, from).toBe(to);
      expect((await get(to)).status, to).toBe(200);
    }
  });

  it('takes two hops from a folder path with a trailing slash: the compiled trailing-slash rule runs before the redirects', async () => {
    const first = await get('/blog/prisma_reconnect_blocking_incident/');
    expect(first.headers.location).toBe('/blog/prisma_reconnect_blocking_incident');
    expect((await get(first.headers.location!)).headers.location).toBe('/blog/prisma-reconnect-blocking-incident');
  });

  it("answers an unknown page with 404 and the site's 404 page", async () => {
    const response = await get('/no-such-page');
    expect(response.status).toBe(404);
    expect(response.body).toContain('Page Not Found');
  });
});

/** One request with the exact bytes of `target` as its request target, as a hostile client would send it. */
function rawGet(target: string): Promise<{status: number; headers: Record<string, string>}> {
  const {hostname, port} = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${PRODUCTION_HOST}\r\nConnection: close\r\n\r\n`),
    );
    let reply = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => {
      const [statusLine, ...lines] = reply.split('\r\n\r\n')[0].split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({status: Number(statusLine.split(' ')[1]), headers});
    });
    socket.on('error', reject);
  });
}

describe('npm run serve', () => {
  it('serves .vercel/output with its redirects, as the README says: exactly what deploys', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const {port} = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const serve = spawn('npm', ['run', 'serve'], {env: {...process.env, PORT: String(free)}, detached: true});
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let said = '';
        serve.stdout.on('data', (chunk) => {
          said += chunk;
          const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(said);
          if (match) resolve(match[1]);
        });
        serve.on('exit', (code) => reject(new Error(`npm run serve exited with ${code}: ${said}`)));
      });
      const tracked = posts.find((post) => post.trackingId)!;
      for (const [from, to] of [
        [`/incidents/${tracked.trackingId}`, `/blog/${tracked.slug}`],
        [`/blog/${tracked.folder}`, `/blog/${tracked.slug}`],
      ]) {
        const response = await fetch(origin + from, {redirect: 'manual'});
        expect(response.status, from).toBe(308);
        expect(response.headers.get('location')).toBe(to);
      }
      expect((await fetch(`${origin}/blog/${tracked.slug}`)).status).toBe(200);
    } finally {
      process.kill(-serve.pid!, 'SIGTERM');
    }
  });
});

describe('routes that cannot send a reader off the site', () => {
  it.each([
    '//evil.example/',
    '//evil.example',
    '/\\evil.example/',
    '//evil.example/blog/',
    '//evil.example.html',
    '/%09/evil.example/',
    '/%2F%2Fevil.example/',
    '/%5cevil.example/',
  ])('%s is not found, and redirects nowhere', async (target) => {
    const response = await rawGet(target);
    expect(response.status).toBe(404);
    expect(response.headers.location).toBeUndefined();
  });

  it.each(['/%', '/blog/%zz', '/%E0%A4%A'])('%s, malformed percent-encoding, is a bad request', async (target) => {
    expect((await rawGet(target)).status).toBe(400);
  });

  it.each(['/blog/prisma_reconnect_blocking_incident', '/incidents/', '/incidents/LIT-2614', '//evil.example/', '/%'])(
    '%s carries the security headers, whatever the answer',
    async (target) => {
      const {headers} = await rawGet(target);
      expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(directiveSources(headers['content-security-policy'], 'default-src')).toEqual(["'none'"]);
    },
  );
});

describe('response headers', () => {
  it.each(['/', '/incidents', '/blog/prisma-reconnect-blocking-incident', '/incidents.json'])(
    '%s carries the security headers and revalidates',
    async (urlPath) => {
      const {headers} = await get(urlPath, PRODUCTION_HOST);
      const csp = headers['content-security-policy'] as string;
      expect(directiveSources(csp, 'default-src')).toEqual(["'none'"]);
      for (const directive of [
        'script-src',
        'style-src',
        'img-src',
        'font-src',
        'connect-src',
        'manifest-src',
        'base-uri',
        'form-action',
        'frame-ancestors',
      ]) {
        expect(directiveSources(csp, directive).length, directive).toBeGreaterThan(0);
      }
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(directiveSources(csp, 'frame-ancestors')).toEqual(["'none'"]);
      const scripts = directiveSources(csp, 'script-src');
      expect(scripts[0]).toBe("'self'");
      expect(scripts.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
      expect(directiveSources(csp, 'style-src')).toEqual(["'self'"]);
      const styleAttributes = directiveSources(csp, 'style-src-attr');
      expect(styleAttributes[0]).toBe("'unsafe-hashes'");
      expect(styleAttributes.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
      expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['permissions-policy']).not.toContain('interest-cohort');
      expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(headers['x-robots-tag']).toBeUndefined();
    },
  );

  it('lets other origins read every OSV record and the index the build wrote, and no other path under /osv', async () => {
    const ids = (JSON.parse(readFileSync(path.join(BUILD_DIR, 'osv/index.json'), 'utf8')) as {id: string}[]).map(
      ({id}) => id,
    );
    expect(ids.length).toBeGreaterThan(0);
    for (const file of ['index', ...ids]) {
      const {status, headers} = await get(`/osv/${file}.json`);
      expect([status, headers['access-control-allow-origin']], file).toEqual([200, '*']);
    }
    const missing = await get('/osv/LITELLM-IR-no-such-incident.json');
    expect([missing.status, missing.headers['access-control-allow-origin']]).toEqual([404, undefined]);
  });

  it('caches every hashed asset for a year, immutably', async () => {
    const assets = ['assets/css', 'assets/islands'].map(
      (dir) => `/${dir}/${readdirSync(path.join(BUILD_DIR, dir))[0]}`,
    );
    for (const asset of assets)
      expect((await get(asset)).headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    [PREVIEW_HOST, 'noindex, nofollow'],
    [PRODUCTION_HOST, undefined],
    [CUSTOM_DOMAIN, undefined],
  ])('on %s, X-Robots-Tag is %s', async (host, expected) => {
    expect((await get('/blog/prisma-reconnect-blocking-incident', host)).headers['x-robots-tag']).toBe(expected);
  });
});
