import {existsSync} from 'node:fs';
import path from 'node:path';

import {FaultError, type Fault} from '../../faults/fault';
import {attribute, builtPages, elements} from '../../html/builtHtml';

export type BrokenLink = {page: string; href: string};
/** An id given to more than one element of a page: links to it land on the first. */
export type DuplicateId = {page: string; id: string};

/** Where the bundler writes the files posts show and link, before any postBuild runs. */
const BUNDLED_FILE = /^\/assets\/(images|files)\//;

// Any origin works: links are resolved against it and only same-origin ones are checked.
const ORIGIN = 'https://site.invalid';

/**
 * Every same-origin `<a href>` in the built HTML whose page does not exist,
 * or whose #fragment matches no id on the page it points to; every `<a href>`
 * or `<img src>` naming a file the bundler writes (a post's images and files,
 * under /assets/images and /assets/files) that is not there; and every id a
 * page gives twice. Other files (feeds, JSON, cards) are left out: other
 * plugins' postBuild, which runs alongside this check, writes them.
 */
export function checkBuiltLinks(outDir: string): {broken: BrokenLink[]; duplicateIds: DuplicateId[]} {
  const assets = path.join(outDir, 'assets') + path.sep;
  /** True when the build holds the file, under /assets: "..%2f" and bad escapes find nothing. */
  const bundled = (target: string) => {
    let file: string;
    try {
      file = path.join(outDir, decodeURIComponent(target));
    } catch {
      return false;
    }
    return file.startsWith(assets) && existsSync(file);
  };
  // One pass over the pages, keeping only ids and links, never the parsed pages.
  const idsByPath = new Map<string, Set<string>>();
  const links: BrokenLink[] = [];
  const duplicateIds: DuplicateId[] = [];
  for (const page of builtPages(outDir)) {
    const ids = new Set<string>();
    for (const element of elements(page.document)) {
      const id = attribute(element, 'id');
      if (id !== undefined && ids.has(id)) duplicateIds.push({page: page.urlPath, id});
      for (const name of [id, attribute(element, 'name')]) if (name !== undefined) ids.add(name);
      const href =
        element.tagName === 'a'
          ? attribute(element, 'href')
          : element.tagName === 'img'
            ? attribute(element, 'src')
            : undefined;
      if (href !== undefined && href !== '' && href !== '#') links.push({page: page.urlPath, href});
    }
    idsByPath.set(page.urlPath, ids);
  }
  const broken = links.filter(({page, href}) => {
    const url = new URL(href, ORIGIN + page);
    if (url.origin !== ORIGIN) return false;
    const target = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
    if (/\.\w+$/.test(target) && !target.endsWith('.html')) return BUNDLED_FILE.test(target) && !bundled(target);
    const ids = idsByPath.get(target.replace(/\.html$/, ''));
    return !(ids !== undefined && (url.hash.length <= 1 || ids.has(decodeURIComponent(url.hash.slice(1)))));
  });
  return {broken, duplicateIds};
}

/**
 * Fails the build on a broken link or an id a post page gives twice, naming the post file it is written in
 * (`files`: page → file; Docusaurus' own check, which runs next, names only the URL). List pages repeat each
 * excerpt's section ids by design, so only post pages are held to one of each.
 */
export function failOnBrokenLinks(outDir: string, files: ReadonlyMap<string, string>): void {
  const {broken, duplicateIds} = checkBuiltLinks(outDir);
  const fileOf = (page: string) => files.get(page) ?? `build${page}.html`;
  const faults: Fault[] = [
    ...broken.map(({page, href}) => ({
      file: fileOf(page),
      message: `(page ${page}) links to ${href}, which the build does not hold; link an existing page, section or file`,
    })),
    ...duplicateIds
      .filter(({page}) => files.has(page))
      .map(({page, id}) => ({
        file: fileOf(page),
        message: `(page ${page}) gives the id "${id}" twice, so links to it land on the first; give each heading its own {#id}`,
      })),
  ];
  if (faults.length > 0) throw new FaultError(faults);
}
