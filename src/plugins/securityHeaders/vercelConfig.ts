import {readFileSync, writeFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

import {inlineScriptHashes} from '../../security/contentSecurityPolicy';

/** The parts of vercel.json this site uses. */
export type Condition = {type: string; value: string};
export type Rule = {source: string; has?: Condition[]; missing?: Condition[]};
export type VercelConfig = {
  cleanUrls?: boolean;
  trailingSlash?: boolean;
  redirects?: (Rule & {destination: string; permanent?: boolean})[];
  headers?: (Rule & {headers: {key: string; value: string}[]})[];
  [key: string]: unknown;
};

export function readVercelConfig(file: string): VercelConfig {
  return JSON.parse(readFileSync(file, 'utf8')) as VercelConfig;
}

export function writeVercelConfig(file: string, config: VercelConfig): void {
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** The Content-Security-Policy header entry that applies to every path. */
export function sitewideCsp(config: VercelConfig, file: string): {key: string; value: string} {
  const header = config.headers?.find((rule) => rule.source === '/(.*)')?.headers.find((h) => h.key === 'Content-Security-Policy');
  if (!header) throw new Error(`${file}: no Content-Security-Policy header for source "/(.*)"`);
  return header;
}

/** Every inline-script hash in the built site, with a page that carries it. */
export function builtInlineScriptHashes(outDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const pages = readdirSync(outDir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    for (const hash of inlineScriptHashes(readFileSync(path.join(outDir, page), 'utf8'))) {
      if (!found.has(hash)) found.set(hash, page);
    }
  }
  return found;
}
