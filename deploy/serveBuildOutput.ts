import {existsSync, readFileSync, statSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

import {createRouter, type BuildOutputConfig} from './buildOutputRouter';

/** What a deploy uploads: Vercel's build output (npm run vercel:build), whose static/ holds the site's build. */
export const OUTPUT_DIR = path.resolve(__dirname, '../.vercel/output');

/**
 * Serves Vercel's own build output the way Vercel serves it: the files of
 * .vercel/output/static, routed by the compiled routes of its config.json
 * (redirects, headers, clean URLs, the 404 page), compressed. The tests thus
 * check what a deploy uploads, not a reading of its source.
 */

export function buildOutputConfig(outputDir = OUTPUT_DIR): BuildOutputConfig {
  return JSON.parse(readFileSync(path.join(outputDir, 'config.json'), 'utf8')) as BuildOutputConfig;
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

/** Text that Vercel's edge compresses; the rest (images, fonts) it sends as is. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export type VercelServer = {origin: string; close(): Promise<void>};

type ServeOptions = {
  /** The files to serve; by default this checkout's .vercel/output/static. The bench serves a classic build with the same routes. */
  staticDir?: string;
  /** Answer every request as if it came for this host name (the bench uses the production host, so pages are not noindex). */
  host?: string;
  /** 0, the default, takes any free port. */
  port?: number;
};

/** Serves .vercel/output: its static files, routed by its config.json. */
export async function serveBuildLikeVercel({
  staticDir = path.join(OUTPUT_DIR, 'static'),
  host: fixedHost,
  port: wantedPort = 0,
}: ServeOptions = {}): Promise<VercelServer> {
  const route = createRouter(buildOutputConfig(), (file) => {
    const full = path.join(staticDir, file);
    return full.startsWith(staticDir) && existsSync(full) && statSync(full).isFile();
  });

  const server = http.createServer((request, response) => {
    // The raw request target, as sent: parsing it as a URL would read "//evil.example/" as a host.
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const [rawPath, search] = queryAt === -1 ? [target, ''] : [target.slice(0, queryAt), target.slice(queryAt)];
    const host = fixedHost ?? (request.headers.host ?? '').replace(/:\d+$/, '');
    const {status, headers, file} = route({path: rawPath, host});
    for (const [key, value] of Object.entries(headers)) response.setHeader(key, value);
    // A redirect keeps the query string, as Vercel's does.
    if (headers.location !== undefined && search && !headers.location.includes('?'))
      response.setHeader('location', headers.location + search);
    if (!file) {
      response.writeHead(status);
      response.end();
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const body = readFileSync(path.join(staticDir, file));
    response.writeHead(status, {
      'Content-Type': type,
      Vary: 'Accept-Encoding',
      ...(gzip && {'Content-Encoding': 'gzip'}),
    });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
