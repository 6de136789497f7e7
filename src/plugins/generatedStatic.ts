import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * Files the plugins write for the site to serve, under `npm start` as in the
 * build: one of docusaurus.config.ts' static directories, ignored by git.
 */
export const GENERATED_STATIC_DIR = '.generated/static';

/** Writes one served file (`file` relative to the site's root URL), creating its folders. */
export function writeGeneratedFile(siteDir: string, file: string, text: string): void {
  const target = path.join(siteDir, GENERATED_STATIC_DIR, file);
  mkdirSync(path.dirname(target), {recursive: true});
  writeFileSync(target, text);
}

/** Removes a folder of generated files, so a file whose content (and hashed name) changed leaves no stale copy. */
export function clearGeneratedDir(siteDir: string, dir: string): void {
  rmSync(path.join(siteDir, GENERATED_STATIC_DIR, dir), {recursive: true, force: true});
}
