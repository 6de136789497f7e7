import {describe, expect, it} from 'vitest';

import {paginate} from '../../src/incidents/incidentPages';

describe('paging /incidents and its views', () => {
  const rows = Array.from({length: 120}, (_, i) => i + 1);

  it('keeps the view address for page 1 and numbers the others, every row once, in order', () => {
    const pages = paginate('/incidents', rows, 50);
    expect(pages.map((page) => page.path)).toEqual(['/incidents', '/incidents/page/2', '/incidents/page/3']);
    expect(pages.flatMap((page) => page.rows)).toEqual(rows);
    expect(pages[2].pagination).toEqual({
      page: 3,
      pageCount: 3,
      pagePaths: ['/incidents', '/incidents/page/2', '/incidents/page/3'],
      first: 101,
      last: 120,
      total: 120,
    });
  });

  it('gives a short view one page and an empty one an empty page', () => {
    expect(paginate('/incidents/year/2026', rows.slice(0, 8), 50).map((page) => page.pagination)).toEqual([
      {page: 1, pageCount: 1, pagePaths: ['/incidents/year/2026'], first: 1, last: 8, total: 8},
    ]);
    expect(paginate('/incidents', [], 50)[0].pagination).toMatchObject({pageCount: 1, first: 0, last: 0, total: 0});
  });
});
