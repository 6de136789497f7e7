/**
 * /incidents and each filtered view, in pages of the incidents plugin's
 * `pageSize` rows, so a page stays the same size however long the record
 * grows. Page 1 keeps the view's own address; page n is `<view>/page/<n>`.
 */

export type Pagination = {
  page: number;
  pageCount: number;
  /** Every page's address, page 1 first. */
  pagePaths: string[];
  /** The 1-based positions of this page's first and last rows, and the view's total. */
  first: number;
  last: number;
  total: number;
};

export function pagePath(viewPath: string, page: number): string {
  return page === 1 ? viewPath : `${viewPath}/page/${page}`;
}

export function paginate<Row>(
  viewPath: string,
  rows: readonly Row[],
  perPage: number,
): {path: string; rows: Row[]; pagination: Pagination}[] {
  const pageCount = Math.max(1, Math.ceil(rows.length / perPage));
  const pagePaths = Array.from({length: pageCount}, (_, i) => pagePath(viewPath, i + 1));
  return pagePaths.map((path, i) => {
    const pageRows = rows.slice(i * perPage, (i + 1) * perPage);
    return {
      path,
      rows: pageRows,
      pagination: {
        page: i + 1,
        pageCount,
        pagePaths,
        first: pageRows.length === 0 ? 0 : i * perPage + 1,
        last: i * perPage + pageRows.length,
        total: rows.length,
      },
    };
  });
}
