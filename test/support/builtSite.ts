import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse, type HTMLElement} from 'node-html-parser';
import {parse as parseHtml5, serialize} from 'parse5';

import {OUTPUT_DIR} from '../../deploy/serveBuildOutput';

/** The site's build as deployed, in Vercel's build output. */
export const BUILD_DIR = path.join(OUTPUT_DIR, 'static');

/** The file Docusaurus writes for a URL path with trailingSlash: false. */
export function builtFileFor(urlPath: string): string {
  const clean = urlPath.replace(/[?#].*$/, '').replace(/\/$/, '');
  const candidates = [
    path.join(BUILD_DIR, clean === '' ? 'index.html' : `${clean}.html`),
    path.join(BUILD_DIR, clean, 'index.html'),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`no built file for ${urlPath} (looked for ${candidates.join(', ')})`);
  return found;
}

export function readBuilt(relative: string): string {
  return readFileSync(path.join(BUILD_DIR, relative), 'utf8');
}

/**
 * The built page as a queryable tree. The build omits optional end tags
 * (valid HTML5), so parse5, a spec-compliant parser, builds the tree a browser
 * would; node-html-parser only queries parse5's well-formed serialisation.
 */
export function parseHtml(html: string): HTMLElement {
  return parse(serialize(parseHtml5(html)));
}

export function parseBuiltPage(urlPath: string): HTMLElement {
  return parseHtml(readFileSync(builtFileFor(urlPath), 'utf8'));
}

export const INCIDENT_POSTS = [
  {slug: 'prisma-reconnect-blocking-incident', title: 'Prisma reconnect froze the event loop'},
  {slug: 'httpx-cache-eviction-incident', title: 'httpx clients closed by cache eviction'},
  {slug: 'vllm-embeddings-incident', title: 'vLLM embeddings broken by encoding_format'},
  {slug: 'model-cost-map-incident', title: 'Invalid model cost map on main'},
  {slug: 'anthropic-wildcard-model-access-incident', title: 'Wildcard model access refused new models'},
  {
    slug: 'responses-api-encrypted-content-incident',
    title: 'Responses API encrypted content failed across deployments',
  },
  {slug: 'guardrail-logging-secret-exposure-incident', title: 'Guardrail logging exposed request secrets'},
  {slug: 'security-update-march-2026', title: 'Suspected supply-chain compromise of PyPI releases 1.82.7 and 1.82.8'},
] as const;
