import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {faultLine} from '../../src/faults/fault';

import {folderFor, postRedirects, postUrlFaults} from '../../src/site/redirects';

const site = mkdtempSync(path.join(tmpdir(), 'redirects-'));
afterAll(() => rmSync(site, {recursive: true, force: true}));
function post(folder: string, file: string, frontMatter: string): void {
  mkdirSync(path.join(site, 'blog', folder), {recursive: true});
  writeFileSync(path.join(site, 'blog', folder, file), `---\n${frontMatter}\n---\n\nText.\n`);
}

describe('postRedirects', () => {
  post('b_incident', 'index.mdx', 'slug: b-incident\nincident:\n  tracking_id: LIT-1');
  post('a_incident', 'index.md', 'slug: a-incident\nincident:\n  date: "2026-01-01"');
  // Saved on Windows: a byte-order mark and CRLF line endings, which Docusaurus reads.
  mkdirSync(path.join(site, 'blog', 'c_incident'));
  writeFileSync(
    path.join(site, 'blog', 'c_incident', 'index.md'),
    '\uFEFF---\r\nslug: c-incident\r\nincident:\r\n  tracking_id: LIT-3\r\n---\r\n\r\nText.\r\n',
  );
  mkdirSync(path.join(site, 'blog', 'not_a_post'), {recursive: true});

  it("sends each post folder, and a tracking id where there is one, to the post's slug", () => {
    expect(postRedirects(site)).toEqual([
      {source: '/blog/a_incident', destination: '/blog/a-incident', permanent: true},
      {source: '/blog/b_incident', destination: '/blog/b-incident', permanent: true},
      {source: '/incidents/LIT-1', destination: '/blog/b-incident', permanent: true},
      {source: '/blog/c_incident', destination: '/blog/c-incident', permanent: true},
      {source: '/incidents/LIT-3', destination: '/blog/c-incident', permanent: true},
    ]);
  });

  it('refuses a post whose slug it cannot read, rather than drop its redirects', () => {
    post('d_incident', 'index.md', 'title: x');
    expect(() => postRedirects(site)).toThrow('blog/d_incident/index.md: slug cannot be read; every post needs one');
    rmSync(path.join(site, 'blog', 'd_incident'), {recursive: true});
  });
});

describe('postUrlFaults: every post stays reachable', () => {
  const urls = (folder: string, slug: string, trackingId?: string) => ({
    file: `blog/${folder}/index.md`,
    folder,
    slug,
    ...(trackingId && {trackingId}),
  });
  const messages = (...posts: ReturnType<typeof urls>[]) => postUrlFaults(posts).map(faultLine);

  it('accepts distinct slugs, folders and tracking ids', () => {
    expect(
      messages(urls('one_incident', 'one-incident', 'LIT-1'), urls('two_incident', 'two-incident', 'LIT-2')),
    ).toEqual([]);
  });

  it('refuses two posts with one slug, in any letter case, naming both files', () => {
    expect(messages(urls('one_incident', 'one'), urls('one_again', 'One'))).toEqual([
      'blog/one_again/index.md: slug "One" is already used by blog/one_incident/index.md; one URL, one report: choose another slug',
    ]);
  });

  it('refuses two posts with one tracking id, since /incidents/<id> must lead to one post', () => {
    expect(messages(urls('one_incident', 'one', 'LIT-1'), urls('two_incident', 'two', 'lit-1'))).toEqual([
      'blog/two_incident/index.md: incident.tracking_id "lit-1" is already used by blog/one_incident/index.md; /incidents/lit-1 must lead to one post',
    ]);
  });

  it('refuses a folder named as its own slug, whose redirect would loop', () => {
    expect(messages(urls('one-incident', 'one-incident'))).toEqual([
      'blog/one-incident/index.md: slug "one-incident" is also the name of its folder, so /blog/one-incident would redirect to itself forever; rename the folder, e.g. one_incident',
    ]);
  });

  it('suggests, for a one-word slug in a folder of its name, a folder that differs from it', () => {
    expect(messages(urls('search', 'search'))).toEqual([
      'blog/search/index.md: slug "search" is also the name of its folder, so /blog/search would redirect to itself forever; rename the folder, e.g. search_incident',
    ]);
    expect(messages(urls(folderFor('search'), 'search'), urls(folderFor('a-b'), 'a-b'))).toEqual([]);
  });

  it('refuses a slug longer than a few words, which the build could not write as a file name', () => {
    const slug = Array(21).fill('word').join('-');
    expect(messages(urls(folderFor(slug), slug))).toEqual([
      `blog/${folderFor(slug)}/index.md: slug is 104 characters long; keep it to 100 or fewer, a few words: it is the address customers hold`,
    ]);
    expect(messages(urls('x_incident', slug.slice(0, 100)))).toEqual([]);
  });

  it("refuses a folder named after another post's slug, naming both files", () => {
    expect(messages(urls('one_incident', 'one-incident'), urls('One-Incident', 'two-incident'))).toEqual([
      'blog/One-Incident/index.md: slug cannot be redirected to from the folder "One-Incident": /blog/One-Incident is the URL of blog/one_incident/index.md, which the redirect would take away; rename the folder',
    ]);
  });

  it('refuses two folders whose names differ only in letter case, which would share one redirect', () => {
    expect(messages(urls('one_incident', 'one-incident'), urls('One_Incident', 'two-incident'))).toEqual([
      'blog/One_Incident/index.md: slug cannot be redirected to from the folder "One_Incident": its name differs from blog/one_incident/index.md\'s folder only in letter case; rename one',
    ]);
  });

  it('refuses a slug or a folder that takes a page the blog owns', () => {
    expect(messages(urls('tags_incident', 'tags'), urls('archive', 'old-incident'))).toEqual([
      'blog/tags_incident/index.md: slug "tags" is the blog\'s own page /blog/tags; choose another slug',
      'blog/archive/index.md: slug cannot be redirected to from the folder "archive": /blog/archive is the blog\'s own page; rename the folder',
    ]);
  });

  it('refuses a folder or tracking id that a redirect pattern would read as more than itself', () => {
    expect(messages(urls('(.*)', 'one-incident', 'LIT-(.*)'))).toEqual([
      'blog/(.*)/index.md: incident.tracking_id "LIT-(.*)" must look like LIT-2614: it becomes the URL /incidents/<id>',
      'blog/(.*)/index.md: slug cannot be redirected to from the folder "(.*)": name the folder with letters, digits, "_" and "-", starting with a letter or digit (Docusaurus skips a folder starting with "_")',
    ]);
  });

  it('postRedirects refuses to write redirects that would make a post unreachable', () => {
    post('c-incident', 'index.md', 'slug: c-incident');
    expect(() => postRedirects(site)).toThrow(
      'blog/c-incident/index.md: slug "c-incident" is also the name of its folder',
    );
    rmSync(path.join(site, 'blog', 'c-incident'), {recursive: true});
  });
});
