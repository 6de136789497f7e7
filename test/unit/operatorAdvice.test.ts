/**
 * Operator advice that names versions must agree with the post's `versions:`
 * and with "Am I affected?" on /incidents: a version a post tells readers to
 * upgrade to is a stated fix that the check calls unaffected, and an "or later"
 * range that takes in another post's affected versions, in the prose or in
 * `versions:`, links that post: in the text, in the header and in /incidents.json.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load} from 'js-yaml';
import {describe, expect, it} from 'vitest';

import {readComponents} from '../../src/incidents/components';
import {parseIncidentPost, type IncidentPostMeta, type VersionStatement} from '../../src/incidents/frontMatterSchema';
import {
  checkVersion,
  rangeIncludes,
  rangeOverlaps,
  type VersionedIncident,
} from '../../src/incidents/affectedIncidents';
import {compareVersions, parseVersion, type Version} from '../../src/incidents/versions';

const SITE = path.resolve(import.meta.dirname, '../..');
const components = Object.keys(readComponents(SITE));

type Post = {file: string; body: string; meta: IncidentPostMeta; permalink: string};

const posts: Post[] = readdirSync(path.join(SITE, 'blog'), {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => ['index.md', 'index.mdx'].map((name) => path.join('blog', entry.name, name)))
  .filter((file) => existsSync(path.join(SITE, file)))
  .map((file) => {
    const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
      readFileSync(path.join(SITE, file), 'utf8'),
    )!;
    const meta = parseIncidentPost(load(frontMatter) as Record<string, unknown>, file, {
      today: '9999-12-31',
      components,
    });
    return {file, body, meta, permalink: `/blog/${meta.slug}`};
  });

const statements = (post: Post): VersionStatement[] =>
  post.meta.incident.versions === 'not stated' ? [] : post.meta.incident.versions;
const v = (text: string): Version => parseVersion(text)!;

/** "upgrade to 1.82.3 or later", "Upgrading to 1.82.3": the version and whether the advice is open-ended. */
function upgradeAdvice(body: string): {version: string; orLater: boolean}[] {
  const text = body.replace(/\s+/g, ' ');
  return [...text.matchAll(/\bupgrad(?:e|ing) to `?(v?\d+(?:\.\d+)+(?:[.-]?[a-z]+[.-]?\d*)?)`?( or later|\+)?/gi)].map(
    ([, version, orLater]) => ({version, orLater: Boolean(orLater)}),
  );
}

const VERSION_TEXT = String.raw`v?\d+(?:\.\d+)+(?:[.-]?[a-z]+[.-]?\d*)?`;

/**
 * Every open range the prose gives, however it is worded: "1.82.3 or later", "1.82.3+", "1.82.3 and later",
 * "1.82.3 or newer", "`v1.81.14.rc.2` or any later release", "1.82.3 onwards", "from 1.82.3 on", ">= 1.82.3",
 * "at least 1.82.3", "since 1.82.3", "available from 1.82.3".
 */
function openRanges(body: string): string[] {
  const text = body.replace(/\s+/g, ' ');
  const version = String.raw`\`?(${VERSION_TEXT})\`?`;
  const after = new RegExp(
    String.raw`\b${version}(?: or (?:any )?(?:later|newer|higher|above)| and (?:later|newer|above|up)| onwards?|\+)`,
    'gi',
  );
  const before = new RegExp(
    String.raw`(?:>=\s*|\b(?:at least|since|available from|from) (?:version |release )?)${version}(?![\w.]*\d)(?!\s*(?:to|and|through|-|–)\s)`,
    'gi',
  );
  return [...new Set([...text.matchAll(after), ...text.matchAll(before)].map(([, found]) => found))];
}

/** What else a reader sees of the post in words: its description, its revisions' notes and its statements' notes. */
const otherText = (post: Post) =>
  [
    post.meta.description,
    ...post.meta.updates.map((update) => update.note),
    ...statements(post).flatMap((statement) => statement.note ?? []),
  ].join('\n');

const incidents: VersionedIncident[] = posts.map((post) => ({
  title: post.meta.slug,
  permalink: post.permalink,
  versions: post.meta.incident.versions,
}));
const check = (version: string) => {
  const result = checkVersion(version, incidents);
  if (result.kind !== 'checked') throw new Error(result.message);
  return {affects: result.affects.map((i) => i.permalink), mayAffect: result.mayAffect.map((i) => i.permalink)};
};

describe('operator advice that names versions', () => {
  it('reads the posts and finds the advice it checks', () => {
    expect(posts.length).toBeGreaterThanOrEqual(8);
    expect(posts.flatMap((post) => upgradeAdvice(post.body)).filter(({orLater}) => orLater).length).toBeGreaterThan(0);
    expect(posts.filter((post) => openRanges(post.meta.what_to_do).length > 0).length).toBeGreaterThan(0);
    expect(
      openRanges(
        'requires LiteLLM 1.82.3 or later; `v1.81.14.rc.2` or any later release; >= 1.2.3; 2.0.0+; 3.0.0 onwards; ' +
          'at least 4.0.0; since v5.0.0; available from 6.0.0; from 7.0.0 on',
      ),
    ).toEqual(['1.82.3', 'v1.81.14.rc.2', '2.0.0', '3.0.0', '1.2.3', '4.0.0', 'v5.0.0', '6.0.0', '7.0.0']);
    expect(openRanges('from 1.82.6 to 1.82.8, from 1.0.0 and 2.0.0, from 1.2.3 - 1.2.9, 1.2.3 and 1.2.4')).toEqual([]);
  });

  it('finds the compromised releases inside every range that takes them in, and none elsewhere', () => {
    const supplyChain = '/blog/security-update-march-2026';
    const overlaps = rangeOverlaps(incidents);
    const warned = [...overlaps]
      .filter(([, perStatement]) => perStatement.flat().length > 0)
      .map(([permalink]) => permalink);
    expect(warned.sort()).toEqual([
      '/blog/guardrail-logging-secret-exposure-incident',
      '/blog/httpx-cache-eviction-incident',
      '/blog/responses-api-encrypted-content-incident',
    ]);
    for (const permalink of warned)
      expect(overlaps.get(permalink)!.flat()).toEqual([
        expect.objectContaining({permalink: supplyChain, versions: ['1.82.7', '1.82.8']}),
      ]);
    const statement = (fields: Partial<VersionStatement>): VersionStatement => ({
      package: 'pypi',
      source: 's',
      ...fields,
    });
    expect(rangeIncludes(statement({fixed: '1.82.9'}), incidents)).toEqual([]);
    expect(rangeIncludes(statement({package: 'docker', fixed: '1.82.0'}), incidents)).toEqual([]);
    expect(rangeIncludes(statement({affected: ['1.82.3']}), incidents)).toEqual([]);
    expect(rangeIncludes(statement({fixed: '1.82.8', requires: '1.82.0'}), incidents).map((o) => o.versions)).toEqual([
      ['1.82.7', '1.82.8'],
    ]);
  });

  describe.each(posts.map((post) => [post.file, post] as const))('%s', (_file, post) => {
    it.each(upgradeAdvice(`${post.meta.what_to_do}\n${post.body}`).map((advice) => [advice.version, advice] as const))(
      '"upgrade to %s": a stated fix that "Am I affected?" calls unaffected',
      (version) => {
        const fixes = statements(post).flatMap((statement) => (statement.fixed ? [statement.fixed] : []));
        expect(
          fixes.some((fixed) => compareVersions(v(fixed), v(version)) === 0),
          `${version} is not a fixed version in versions: (${fixes.join(', ') || 'none'})`,
        ).toBe(true);
        const answer = check(version);
        expect(answer.affects, `/incidents says ${version} is affected`).not.toContain(post.permalink);
        expect(answer.mayAffect, `/incidents says ${version} may be affected`).not.toContain(post.permalink);
      },
    );

    it.each([
      ['its first-screen answer', (p: Post) => p.meta.what_to_do],
      ["its description, its revisions and its statements' notes", otherText],
    ])('names, in %s, the affected versions of other posts an "or later" there takes in', (_where, textOf) => {
      const others = incidents.filter((incident) => incident.permalink !== post.permalink);
      const text = textOf(post);
      for (const from of openRanges(text))
        for (const overlap of rangeIncludes({package: 'release', source: '', fixed: from}, others))
          for (const version of overlap.versions)
            expect(text, `"${from} or later" includes ${version}: say so where the range is written`).toContain(
              version,
            );
    });

    it('"Am I affected?" says each listed affected version is affected', () => {
      for (const version of statements(post).flatMap((statement) => statement.affected ?? []))
        expect(check(version).affects, version).toContain(post.permalink);
    });

    it('links every other post whose affected versions an "or later" in its text or its versions: takes in', () => {
      const fromStatements = statements(post).flatMap((statement) =>
        [statement.fixed, statement.requires].filter((text): text is string => text !== undefined),
      );
      const others = incidents.filter((incident) => incident.permalink !== post.permalink);
      for (const from of [...openRanges(post.body), ...fromStatements]) {
        // An open range in the text, read as a statement about any package: from `from` on.
        for (const overlap of rangeIncludes({package: 'release', source: '', fixed: from}, others)) {
          expect(
            post.body,
            `"${from} or later" includes ${overlap.versions.join(', ')}, affected by ${overlap.permalink}: link it`,
          ).toContain(`](${overlap.permalink}`);
        }
      }
    });
  });
});
