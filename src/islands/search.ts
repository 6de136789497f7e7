import {type SearchHit, searchHit, type PagefindResultData} from '@site/src/search/searchHits';
import styles from '@site/src/components/SearchPage/styles.module.css';
import {element} from './element';
import {mountIslands} from './mountIslands';

/**
 * /search: answers the form from the static index the build wrote with
 * Pagefind. Pagefind's script (and its WebAssembly, which only this page's
 * security policy allows) is imported when the reader first searches: no other
 * page, and no visit without a query, loads any of it. The query is kept in the
 * address (/search?q=…), so a search can be shared and reopened.
 */

type Pagefind = {
  options(options: {excerptLength?: number; noWorker?: boolean}): Promise<void>;
  search(query: string): Promise<{results: {data(): Promise<PagefindResultData>}[]} | null>;
};

/** Results shown for one query: the best matches, as many as a reader scans. */
const SHOWN = 20;
/** How long typing pauses before the search runs, so each keystroke does not search. */
const TYPING_PAUSE_MS = 250;

function link(text: string, href: string): HTMLAnchorElement {
  const anchor = element('a', text);
  anchor.href = href;
  return anchor;
}

function hitItem({title, url, excerpt, sections}: SearchHit): HTMLLIElement {
  const item = element(
    'li',
    element('strong', link(title, url)),
    element('p', ...excerpt.map(({text, marked}) => (marked ? element('mark', text) : text))),
  );
  if (sections.length > 0) {
    const list = element('ul', ...sections.map((section) => element('li', link(section.title, section.url))));
    list.className = styles.sections;
    item.append(list);
  }
  return item;
}

let loading: Promise<Pagefind> | undefined;
function loadPagefind(script: string): Promise<Pagefind> {
  loading ??= (import(/* webpackIgnore: true */ script) as Promise<Pagefind>).then(async (pagefind) => {
    // On the page, not in Pagefind's worker: a worker runs under its own script's policy, which would then need
    // WebAssembly allowed too. The index of a few thousand reports is read in milliseconds either way.
    await pagefind.options({excerptLength: 24, noWorker: true});
    return pagefind;
  });
  // A failure is not kept: the next search tries again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Starts every search island on the page. */
export function mountSearch(): void {
  mountIslands('search', startSearch);
}

function startSearch(root: HTMLElement, {searchScript}: {searchScript: string}): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector('input')!;
  const status = root.querySelector('[role="status"]')!;
  const results = root.querySelector('ol')!;
  let latest = 0;
  const show = async (query: string) => {
    const asked = ++latest;
    const url = new URL(window.location.href);
    if (query === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    window.history.replaceState(null, '', url);
    if (query === '') {
      status.replaceChildren();
      results.replaceChildren();
      return;
    }
    try {
      const pagefind = await loadPagefind(searchScript);
      const found = (await pagefind.search(query))?.results ?? [];
      const hits = (await Promise.all(found.slice(0, SHOWN).map((result) => result.data())))
        .map(searchHit)
        .filter((hit) => hit !== undefined);
      // A slower answer to an earlier query never replaces a newer one.
      if (asked !== latest) return;
      const count = found.length === 1 ? '1 report matches' : `${found.length} reports match`;
      status.replaceChildren(
        element('p', found.length === 0 ? `No report matches “${query}”.` : `${count} “${query}”.`),
      );
      if (found.length > SHOWN) status.append(element('p', `The ${SHOWN} best are shown; add a word to narrow it.`));
      results.replaceChildren(...hits.map(hitItem));
    } catch (error) {
      if (asked !== latest) return;
      console.error('Search could not load its index:', error);
      status.replaceChildren(
        element(
          'p',
          process.env.NODE_ENV === 'production'
            ? 'Search could not load its index just now; try again, or browse the reports below.'
            : 'The search index is written by the production build: run npm run build, then npm run serve.',
        ),
      );
      results.replaceChildren();
    }
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void show(input.value.trim()), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void show(input.value.trim());
  });
  const shared = new URLSearchParams(window.location.search).get('q')?.trim();
  if (shared) {
    input.value = shared;
    void show(shared);
  }
}

mountSearch();
