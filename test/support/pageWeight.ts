import {readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Browser} from 'playwright-core';

import {BUILD_DIR} from './builtSite';
import {visit} from './browserPages';

export type Bytes = {raw: number; gzip: number};
export type PageWeight = {js: Bytes; scripts: string[]};

function fileBytes(file: string): Bytes {
  const content = readFileSync(file);
  return {raw: content.byteLength, gzip: gzipSync(content).byteLength};
}

const sum = (files: string[]): Bytes =>
  files.map(fileBytes).reduce((a, b) => ({raw: a.raw + b.raw, gzip: a.gzip + b.gzip}), {raw: 0, gzip: 0});

/**
 * The JavaScript a page really loads in Chromium for a reader who scrolls
 * through it, sized from the built files (gzip at its default level).
 */
export async function pageWeight(
  browser: Browser,
  origin: string,
  urlPath: string,
  buildDir = BUILD_DIR,
): Promise<PageWeight> {
  const v = await visit(browser, origin, urlPath);
  // A reader scrolling through passes every island, which loads its script as it comes into view (HTML-first builds only).
  for (const island of await v.page.locator('[data-island-script]').all()) await island.scrollIntoViewIfNeeded();
  await v.page.waitForFunction(() =>
    [...document.querySelectorAll('[data-island-script]')].every((root) => root.hasAttribute('data-island-ready')),
  );
  await v.close();
  const scripts = [...new Set(v.scriptUrls)].map((url) => path.join(buildDir, new URL(url).pathname));
  return {js: sum(scripts), scripts: scripts.map((file) => path.relative(buildDir, file))};
}
