/**
 * Operator advice that names versions must agree with the post's `versions:`
 * and with "Am I affected?" on /incidents: a version a post tells readers to
 * upgrade to is a stated fix that the check calls unaffected, and an "or later"
 * range that takes in another post's affected versions links that post.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load} from 'js-yaml';
import {describe, expect, it} from 'vitest';

import {readComponents} from '../../src/incidents/components';
import {parseIncidentPost, type IncidentPostMeta} from '../../src/incidents/frontMatterSchema';
import {checkVersion, type VersionedIncident} from '../../src/incidents/versionCheck';
import {
  compareVersions,
  matchStatement,
  parseVersion,
  type Version,
  type VersionStatement,
} from '../../src/incidents/versions';

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

/** Versions the statement calls affected that are `from` or later (candidates: `from` and every stated version after it). */
function affectedFrom(statement: VersionStatement, from: Version): string[] {
  const candidates = [
    from.text,
    ...(statement.affected ?? []),
    statement.first_affected,
    statement.last_affected,
  ].filter((text): text is string => text !== undefined);
  return candidates.filter(
    (text) => compareVersions(v(text), from) >= 0 && matchStatement(statement, v(text)) === 'affects',
  );
}

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
  });

  describe.each(posts.map((post) => [post.file, post] as const))('%s', (_file, post) => {
    it.each(upgradeAdvice(post.body).map((advice) => [advice.version, advice] as const))(
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

    it('"Am I affected?" says each listed affected version is affected', () => {
      for (const version of statements(post).flatMap((statement) => statement.affected ?? []))
        expect(check(version).affects, version).toContain(post.permalink);
    });

    it('links every other post whose affected versions an "or later" advice takes in', () => {
      for (const advice of upgradeAdvice(post.body).filter(({orLater}) => orLater)) {
        for (const other of posts.filter((candidate) => candidate !== post)) {
          const overlap = statements(other).flatMap((statement) => affectedFrom(statement, v(advice.version)));
          if (overlap.length === 0) continue;
          expect(
            post.body,
            `"${advice.version} or later" includes ${overlap.join(', ')}, affected by ${other.permalink}: link it`,
          ).toContain(`](${other.permalink}`);
        }
      }
    });
  });
});
