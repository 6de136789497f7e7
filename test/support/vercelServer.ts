import {existsSync, readFileSync, statSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

import {readVercelConfig, type Condition, type Rule, type VercelConfig} from '../../src/plugins/securityHeaders/vercelConfig';
import {BUILD_DIR} from './builtSite';

/**
 * Serves build/ the way Vercel serves it, from the rules in vercel.json itself
 * (clean URLs, no trailing slash, redirects, headers), so the tests check the
 * real configuration rather than a copy of it.
 */

export const VERCEL_JSON = path.resolve(__dirname, '../../vercel.json');

export function vercelConfig(): VercelConfig {
  return readVercelConfig(VERCEL_JSON);
}

/** The subset of Vercel's path patterns this site uses: literal segments and "(.*)" wildcards. */
export function sourceToRegExp(source: string): RegExp {
  if (/[:*+?{}[\]]/.test(source.replaceAll('(.*)', ''))) {
    throw new Error(`vercel.json: source "${source}" uses pattern syntax the test server does not implement`);
  }
  const escaped = source.split('(.*)').map((part) => part.replace(/[.^$|()\\/]/g, '\\$&'));
  return new RegExp(`^${escaped.join('(.*)')}$`);
}

/** `has` / `missing` conditions; only the host type, the one this site uses, is implemented. */
function conditionsHold(rule: Rule, host: string): boolean {
  const matches = (condition: Condition) => {
    if (condition.type !== 'host') throw new Error(`vercel.json: condition type "${condition.type}" is not implemented by the test server`);
    return condition.value === host;
  };
  return (rule.has ?? []).every(matches) && !(rule.missing ?? []).some(matches);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function fileFor(buildDir: string, urlPath: string, cleanUrls: boolean): string | undefined {
  const base = path.join(buildDir, decodeURIComponent(urlPath));
  if (!base.startsWith(buildDir)) return undefined;
  const candidates = [base, ...(cleanUrls ? [`${base}.html`] : []), path.join(base, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

export type VercelServer = {origin: string; close(): Promise<void>};

/** Text that Vercel's edge compresses; the rest (images, fonts) it sends as is. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serves a build folder, by default the production build in build/,
 * compressed as Vercel serves it. `host` answers every request as if it came
 * for that host name (the bench uses the production host, so pages are not
 * marked noindex).
 */
export async function serveBuildLikeVercel(buildDir = BUILD_DIR, {host: fixedHost}: {host?: string} = {}): Promise<VercelServer> {
  const config = vercelConfig();
  const redirects = (config.redirects ?? []).map((rule) => ({...rule, pattern: sourceToRegExp(rule.source)}));
  const headerRules = (config.headers ?? []).map((rule) => ({...rule, pattern: sourceToRegExp(rule.source)}));

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const host = fixedHost ?? (request.headers.host ?? '').replace(/:\d+$/, '');
    let pathname = url.pathname;
    const redirect = (location: string, permanent = true) => {
      response.writeHead(permanent ? 308 : 307, {Location: location + url.search});
      response.end();
    };

    for (const rule of headerRules) {
      if (rule.pattern.test(pathname) && conditionsHold(rule, host)) for (const {key, value} of rule.headers) response.setHeader(key, value);
    }
    const rule = redirects.find((r) => r.pattern.test(pathname) && conditionsHold(r, host));
    if (rule) return redirect(rule.destination, rule.permanent ?? true);
    if (config.trailingSlash === false && pathname.length > 1 && pathname.endsWith('/')) return redirect(pathname.slice(0, -1));
    if (config.cleanUrls && pathname.endsWith('.html')) {
      pathname = pathname.slice(0, -'.html'.length);
      return redirect(pathname === '/index' ? '/' : pathname);
    }

    const file = fileFor(buildDir, pathname, config.cleanUrls ?? false);
    const status = file ? 200 : 404;
    const served = file ?? path.join(buildDir, '404.html');
    const type = CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const body = readFileSync(served);
    response.writeHead(status, {'Content-Type': type, Vary: 'Accept-Encoding', ...(gzip && {'Content-Encoding': 'gzip'})});
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
