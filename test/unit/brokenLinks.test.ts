import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {checkBuiltLinks} from '../../src/plugins/incidents/brokenLinks';

const site = mkdtempSync(path.join(tmpdir(), 'links-'));
afterAll(() => rmSync(site, {recursive: true, force: true}));
function page(file: string, body: string): void {
  mkdirSync(path.dirname(path.join(site, file)), {recursive: true});
  writeFileSync(path.join(site, file), `<!doctype html><title>x</title>${body}`);
}

describe('checkBuiltLinks', () => {
  page(
    'index.html',
    '<a href=/blog/post>ok</a><a href=/blog/post#fix>ok</a><a href=/blog/post#gone>anchor</a><a href=/blog/none>page</a>',
  );
  page(
    'blog/post.html',
    '<h2 id=fix>Fix</h2><span id=fix>again</span><a href=#fix>ok</a><a href=#nowhere>anchor</a><a href=/blog/rss.xml>feed</a><a href="https://example.com/x">out</a><a href=../>up</a>',
  );
  page(
    'blog/files.html',
    '<img src=/assets/images/flow-1.svg><img src=/assets/images/gone-2.svg><a href=/assets/files/trace-3.csv>ok</a><a href=/assets/files/gone-4.csv>file</a><img src=/img/card.png><a href=/assets/files/x%zz.csv>bad escape</a><a href=/assets/files/..%2f..%2foutside.csv>out</a>',
  );
  page('assets/images/flow-1.svg', '');
  page('assets/files/trace-3.csv', '');
  page('outside.csv', '');

  it('reports missing pages, anchors and bundled files by page, and nothing else', () => {
    expect(checkBuiltLinks(site).broken).toEqual([
      {page: '/blog/files', href: '/assets/images/gone-2.svg'},
      {page: '/blog/files', href: '/assets/files/gone-4.csv'},
      {page: '/blog/files', href: '/assets/files/x%zz.csv'},
      {page: '/blog/files', href: '/assets/files/..%2f..%2foutside.csv'},
      {page: '/blog/post', href: '#nowhere'},
      {page: '/', href: '/blog/post#gone'},
      {page: '/', href: '/blog/none'},
    ]);
  });

  it('reports an id given twice on a page', () => {
    expect(checkBuiltLinks(site).duplicateIds).toEqual([{page: '/blog/post', id: 'fix'}]);
  });
});
