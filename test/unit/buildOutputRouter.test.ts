import {describe, expect, it} from 'vitest';

import {buildOutputRoutes, cleanUrlOverrides} from '../../src/site/buildOutput';
import {createRouter, type BuildOutputConfig} from '../../deploy/buildOutputRouter';

const FILES = new Set(['index.html', 'about.html', '404.html', 'assets/app.1234abcd.js', 'data.json']);
const config: BuildOutputConfig = {
  version: 3,
  routes: [
    {src: '^/(.*)\\.html/?$', headers: {Location: '/$1'}, status: 308},
    {src: '^/(.*)/$', headers: {Location: '/$1'}, status: 308},
    {src: '^/old/(?<name>[^/]+)$', headers: {Location: '/new/$name'}, status: 308},
    {src: '^/Exact$', caseSensitive: true, headers: {Location: '/about'}, status: 308},
    {src: '^(?:/(.*))$', headers: {'Cache-Control': 'no-cache', 'X-Frame-Options': 'DENY'}, continue: true},
    {src: '^/assets(?:/(.*))$', headers: {'cache-control': 'immutable'}, continue: true},
    {
      src: '^(?:/(.*))$',
      headers: {'X-Robots-Tag': 'noindex'},
      continue: true,
      has: [{type: 'host', value: {suf: '.vercel.app'}}],
      missing: [{type: 'host', value: 'prod.vercel.app'}],
    },
    {src: '^/alias$', dest: '/about.html'},
    {handle: 'error'},
    {status: 404, src: '^(?!/api).*$', dest: '/404'},
    {handle: 'filesystem'},
    {src: '.*', status: 404, dest: '404.html'},
  ],
  overrides: {'about.html': {path: 'about'}, '404.html': {path: '404'}},
};
const route = createRouter(config, (file) => FILES.has(file));
const at = (path: string, host = 'example.com') => route({path, host});

describe('the Build Output router', () => {
  it('redirects with the match substituted, numbered or named, and stops there', () => {
    expect(at('/about.html')).toEqual({status: 308, headers: {location: '/about'}});
    expect(at('/old/post')).toEqual({status: 308, headers: {location: '/new/post'}});
  });

  it('matches src without regard to case, unless the route is caseSensitive', () => {
    expect(at('/OLD/Post').headers.location).toBe('/new/Post');
    expect(at('/exact').status).toBe(404);
    expect(at('/Exact').headers.location).toBe('/about');
  });

  it('adds the headers of every matching route that continues, later ones winning', () => {
    expect(at('/assets/app.1234abcd.js')).toEqual({
      status: 200,
      headers: {'cache-control': 'immutable', 'x-frame-options': 'DENY'},
      file: 'assets/app.1234abcd.js',
    });
  });

  it("serves a file at the path its override gives, a folder's index.html, and a file by its own name", () => {
    expect(at('/about')).toMatchObject({status: 200, file: 'about.html'});
    expect(at('/')).toMatchObject({status: 200, file: 'index.html'});
    expect(at('/data.json')).toMatchObject({status: 200, file: 'data.json'});
  });

  it('rewrites to a dest before the filesystem', () => {
    expect(at('/alias')).toMatchObject({status: 200, file: 'about.html'});
  });

  it('falls through to the routes after the filesystem, then the error routes, on a miss', () => {
    expect(at('/missing')).toEqual({
      status: 404,
      headers: {'cache-control': 'no-cache', 'x-frame-options': 'DENY'},
      file: '404.html',
    });
  });

  it('checks host conditions: a suffix, and an exact host that is missing', () => {
    expect(at('/about', 'pr-1.vercel.app').headers['x-robots-tag']).toBe('noindex');
    expect(at('/about', 'prod.vercel.app').headers['x-robots-tag']).toBeUndefined();
    expect(at('/about', 'incidents.example.com').headers['x-robots-tag']).toBeUndefined();
  });

  it('answers a path with malformed percent-encoding with 400, not an exception', () => {
    expect(at('/%').status).toBe(400);
    expect(at('/%zz/about').status).toBe(400);
    expect(at('/%61bout')).toMatchObject({status: 200, file: 'about.html'});
  });

  it('refuses what it does not implement, so a new kind of route cannot pass unnoticed', () => {
    expect(() => createRouter({version: 3, routes: [{handle: 'miss'}]}, () => false)).toThrow(
      'route handle "miss" is not implemented',
    );
    expect(() => createRouter({version: 3, routes: [{src: '/', check: true} as never]}, () => false)).toThrow(
      'route key "check"',
    );
    const withHeaderCondition = createRouter(
      {version: 3, routes: [{src: '/', has: [{type: 'header', key: 'x'}], continue: true}]},
      () => false,
    );
    expect(() => withHeaderCondition({path: '/', host: 'h'})).toThrow('condition type "header" is not implemented');
  });
});

describe("the site's own routes (src/site/buildOutput.ts)", () => {
  const SITE_FILES = new Set([
    'index.html',
    'incidents.html',
    '404.html',
    'blog/one-incident.html',
    'assets/js/app.1234abcd.js',
    'incidents.json',
    'incidents.schema.json',
    'schemas/post-front-matter.schema.json',
    'schemas/statuspage-v2.schema.json',
    'blog/feed.json',
    'api/v2/summary.json',
    'api/v2/status.json',
    'api/v2/components.json',
    'api/v2/incidents.json',
    'api/v2/incidents/unresolved.json',
    'assets/incidents/versions.1234abcd.json',
    'osv/index.json',
    'osv/LITELLM-IR-one-incident.json',
  ]);
  const siteRoute = createRouter(
    {
      version: 3,
      routes: buildOutputRoutes({
        hashes: {scripts: ["'sha256-x'"], styleAttributes: []},
        redirects: [{source: '/blog/one_incident', destination: '/blog/one-incident', permanent: true}],
        osvPaths: ['/osv/LITELLM-IR-one-incident.json'],
      }),
      overrides: cleanUrlOverrides([...SITE_FILES]),
    },
    (file) => SITE_FILES.has(file),
  );
  const get = (path: string) => siteRoute({path, host: 'example.com'});

  it('serves pages at clean URLs and sends other forms there in one hop', () => {
    expect(get('/incidents')).toMatchObject({status: 200, file: 'incidents.html'});
    expect(get('/')).toMatchObject({status: 200, file: 'index.html'});
    for (const [from, to] of [
      ['/incidents.html', '/incidents'],
      ['/incidents/', '/incidents'],
      ['/index.html', '/'],
      ['/blog/one_incident', '/blog/one-incident'],
      ['/BLOG/ONE_INCIDENT', '/blog/one-incident'],
    ]) {
      expect(get(from), from).toMatchObject({status: 308, headers: {location: to}});
    }
  });

  it('puts the security headers on every answer, redirects and errors included', () => {
    for (const path of ['/incidents', '/incidents/', '/blog/one_incident', '/missing', '//evil.example/', '/%']) {
      const {headers} = get(path);
      expect(headers['strict-transport-security'], path).toContain('max-age=');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['content-security-policy'], path).toContain("default-src 'none'");
    }
  });

  it('never redirects a path starting with // or /\\ to another host', () => {
    for (const path of [
      '//evil.example/',
      '//evil.example',
      '/\\evil.example/',
      '//evil.example.html',
      '///evil.example/',
      '/%09/evil.example/',
      '/\t/evil.example/',
      '/%2F%2Fevil.example/',
      '/%5Cevil.example/',
    ]) {
      const outcome = get(path);
      expect(outcome.headers.location, path).toBeUndefined();
      expect(outcome.status, path).toBe(404);
    }
  });

  it('answers malformed percent-encoding with 400 by its own route', () => {
    expect(get('/%').status).toBe(400);
    expect(get('/blog/%E0%A4%A').status).toBe(400);
  });

  it('answers an unknown page with 404 and the 404 page', () => {
    expect(get('/missing')).toMatchObject({status: 404, file: '404.html'});
  });

  it('caches hashed assets for a year, and keeps previews out of search engines', () => {
    expect(get('/assets/js/app.1234abcd.js').headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(siteRoute({path: '/incidents', host: 'pr-1.vercel.app'}).headers['x-robots-tag']).toBe('noindex, nofollow');
  });

  it('lets other origins read the public JSON, and nothing else', () => {
    for (const path of [
      '/api/v2/summary.json',
      '/api/v2/status.json',
      '/api/v2/components.json',
      '/api/v2/incidents.json',
      '/api/v2/incidents/unresolved.json',
      '/incidents.json',
      '/incidents.schema.json',
      '/schemas/post-front-matter.schema.json',
      '/schemas/statuspage-v2.schema.json',
      '/blog/feed.json',
      '/osv/index.json',
      '/osv/LITELLM-IR-one-incident.json',
    ])
      expect(get(path), path).toMatchObject({status: 200, headers: {'access-control-allow-origin': '*'}});
    for (const path of [
      '/',
      '/incidents',
      '/blog/one-incident',
      '/assets/js/app.1234abcd.js',
      '/assets/incidents/versions.1234abcd.json',
      '/API/V2/SUMMARY.JSON',
      '/api/v2/summary.json/x',
      '/api/v2/nope.json',
      '/api/v2/incidents/x.json',
      '/schemas/x.schema.json',
      '/osv/LITELLM-IR-other-incident.json',
      '/missing',
    ])
      expect(get(path).headers['access-control-allow-origin'], path).toBeUndefined();
  });
});
