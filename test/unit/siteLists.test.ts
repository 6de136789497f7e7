import {cpSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {AUTHORS_FILE, readSiteLists, TAGS_FILE} from '../../src/authoring/checkPosts';
import {faultLine} from '../../src/faults/fault';
import {loadYaml} from '../../src/faults/yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The committed lists, with `file` holding `text` instead. */
function listsWith(file: string, text: string) {
  const site = mkdtempSync(path.join(os.tmpdir(), 'site-lists-'));
  cpSync(path.join(ROOT, 'blog'), path.join(site, 'blog'), {
    recursive: true,
    filter: (from) => !/\.(md|mdx|json)$/.test(from),
  });
  writeFileSync(path.join(site, file), text);
  return readSiteLists(site);
}

/** The line loadYaml refuses `text` with, as the terminal prints it. */
function refusal(text: string): string {
  try {
    loadYaml(text, TAGS_FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadYaml accepted it');
}

describe('the lists of authors and tags', () => {
  it.each([
    ['empty', '', 'nothing'],
    ['a list', '- incident-editors\n', 'a list'],
    ['a bare word', 'incident-editors\n', '"incident-editors"'],
  ])('name the file, not every post, where %s is given for the authors', (_name, text, got) => {
    const {authors, faults} = listsWith(AUTHORS_FILE, text);
    expect(authors).toBeUndefined();
    expect(faults.map(faultLine)).toEqual([
      `${AUTHORS_FILE}:1: must map each key posts use to its entry, as in "incident-editors:" with the entry's fields indented below; got ${got}`,
    ]);
  });

  it('read the committed keys', () => {
    const {authors, tags, faults} = listsWith(TAGS_FILE, 'incident-report:\n  label: Incident report\n');
    expect({authors, tags, faults}).toEqual({authors: ['incident-editors'], tags: ['incident-report'], faults: []});
  });
});

describe('a key written twice', () => {
  it('is named with the line it was first written on, in a mapping at any depth', () => {
    expect(refusal('security:\n  label: Security\n  permalink: /security\n  label: Sec\n')).toBe(
      `${TAGS_FILE}:4:3: "label" is written twice in one mapping, here and on line 2; keep one of the two entries`,
    );
    expect(refusal('a:\n  label: A\nb:\n  # a comment\n\n  label: B\n  label: C\n')).toBe(
      `${TAGS_FILE}:7:3: "label" is written twice in one mapping, here and on line 6; keep one of the two entries`,
    );
    expect(refusal('a:\n  label: A\na:\n  label: B\n')).toBe(
      `${TAGS_FILE}:3:1: "a" is written twice in one mapping, here and on line 1; keep one of the two entries`,
    );
  });
});
