/** Where search lives: the page, the index's folder in the build, and the script the page imports from it. */
export const SEARCH_PAGE = '/search';
export const SEARCH_INDEX_DIR = 'pagefind';
export const SEARCH_SCRIPT = `/${SEARCH_INDEX_DIR}/pagefind.js`;
