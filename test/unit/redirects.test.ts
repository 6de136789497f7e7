import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {postRedirects} from '../../src/site/redirects';

const site = mkdtempSync(path.join(tmpdir(), 'redirects-'));
afterAll(() => rmSync(site, {recursive: true, force: true}));
function post(folder: string, file: string, frontMatter: string): void {
  mkdirSync(path.join(site, 'blog', folder), {recursive: true});
  writeFileSync(path.join(site, 'blog', folder, file), `---\n${frontMatter}\n---\n\nText.\n`);
}

describe('postRedirects', () => {
  post('b_incident', 'index.mdx', 'slug: b-incident\nincident:\n  tracking_id: LIT-1');
  post('a_incident', 'index.md', 'slug: a-incident\nincident:\n  date: "2026-01-01"');
  post('no_slug', 'index.md', 'title: x');
  mkdirSync(path.join(site, 'blog', 'not_a_post'), {recursive: true});

  it('sends each post folder, and a tracking id where there is one, to the post\'s slug', () => {
    expect(postRedirects(site)).toEqual([
      {source: '/blog/a_incident', destination: '/blog/a-incident', permanent: true},
      {source: '/blog/b_incident', destination: '/blog/b-incident', permanent: true},
      {source: '/incidents/LIT-1', destination: '/blog/b-incident', permanent: true},
    ]);
  });
});
