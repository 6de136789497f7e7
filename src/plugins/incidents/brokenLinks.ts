import {attribute, builtPages, elements} from '../../html/builtHtml';

export type BrokenLink = {page: string; href: string};

// Any origin works: links are resolved against it and only same-origin ones are checked.
const ORIGIN = 'https://site.invalid';

/**
 * Every same-origin `<a href>` in the built HTML whose page does not exist,
 * or whose #fragment matches no id on the page it points to. Links to files
 * (feeds, images, JSON) are left out: some are written by other plugins'
 * postBuild, which runs alongside this check, and Docusaurus checks none.
 */
export function findBrokenLinks(outDir: string): BrokenLink[] {
  const pages = builtPages(outDir);
  const idsByPath = new Map(
    pages.map((page) => [page.urlPath, new Set([...elements(page.document)].flatMap((el) => [attribute(el, 'id'), attribute(el, 'name')].filter((id) => id !== undefined)))]),
  );

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const element of elements(page.document)) {
      const href = element.tagName === 'a' ? attribute(element, 'href') : undefined;
      if (href === undefined || href === '' || href === '#') continue;
      const url = new URL(href, ORIGIN + page.urlPath);
      if (url.origin !== ORIGIN) continue;
      const target = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
      if (/\.\w+$/.test(target) && !target.endsWith('.html')) continue;
      const ids = idsByPath.get(target.replace(/\.html$/, ''));
      const ok = ids !== undefined && (url.hash.length <= 1 || ids.has(decodeURIComponent(url.hash.slice(1))));
      if (!ok) broken.push({page: page.urlPath, href});
    }
  }
  return broken;
}
