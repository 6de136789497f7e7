import {describe, expect, it} from 'vitest';

import {checkVersion, type VersionedIncident} from '../../src/incidents/affectedIncidents';
import {compareVersions, parseVersion, type Version} from '../../src/incidents/versions';
import {describeStatement, matchStatement} from '../../src/incidents/versionStatements';
import type {VersionStatement} from '../../src/incidents/frontMatterSchema';

const v = (text: string): Version => {
  const version = parseVersion(text);
  if (!version) throw new Error(`${text} should parse`);
  return version;
};

describe('parseVersion', () => {
  it.each([
    ['1.82.7', [1, 82, 7], undefined],
    ['v1.81.14.rc.2', [1, 81, 14], {kind: 'rc', number: 2}],
    ['1.81.14rc2', [1, 81, 14], {kind: 'rc', number: 2}],
    ['1.83.7-stable', [1, 83, 7], undefined],
    ['v1.83.0-nightly', [1, 83, 0], {kind: 'nightly', number: 0}],
    ['v1.78.0', [1, 78, 0], undefined],
  ])('reads %s', (text, release, pre) => {
    expect(parseVersion(text)).toEqual({text, release, ...(pre && {pre})});
  });

  it.each(['', 'latest', '1.82.x', 'v', '1..2', '1.82.7 beta', 'main-v1.82.6'])('refuses %j', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('compareVersions, on the forms the sources use', () => {
  // Ascending, as the product released them.
  const ordered = [
    '1.78.0',
    '1.81.3',
    '1.81.12',
    'v1.81.14.rc.2',
    'v1.81.14',
    '1.81.16',
    'v1.82.0',
    '1.82.3',
    '1.82.6',
    '1.82.7',
    '1.82.8',
    'v1.83.0-nightly',
    'v1.83.0',
    '1.83.7-stable',
  ];

  it('puts them in release order, pre-releases before their release', () => {
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => compareVersions(v(a), v(b)))).toEqual(ordered);
  });

  it('reads 1.81.12 as later than 1.81.3 (numbers, not text)', () => {
    expect(compareVersions(v('1.81.12'), v('1.81.3'))).toBeGreaterThan(0);
  });

  it('treats a channel suffix and a v prefix as the same release', () => {
    expect(compareVersions(v('1.83.7-stable'), v('v1.83.7'))).toBe(0);
    expect(compareVersions(v('1.83'), v('1.83.0'))).toBe(0);
  });

  it('orders pre-releases by kind, then number', () => {
    expect(compareVersions(v('1.81.14rc1'), v('v1.81.14.rc.2'))).toBeLessThan(0);
    expect(compareVersions(v('v1.83.0-nightly'), v('1.83.0rc1'))).toBeLessThan(0);
  });
});

describe('matchStatement', () => {
  const statement = (fields: Partial<VersionStatement>): VersionStatement => ({
    package: 'pypi',
    source: 's',
    ...fields,
  });
  const cases: [string, Partial<VersionStatement>, [string, string | undefined][]][] = [
    [
      'exact versions',
      {affected: ['1.82.7', '1.82.8']},
      [
        ['1.82.6', undefined],
        ['1.82.7', 'affects'],
        ['1.82.8', 'affects'],
        ['1.82.9', undefined],
      ],
    ],
    [
      'exact versions and their fix: the versions listed, not everything below the fix',
      {affected: ['1.90.0'], fixed: 'v1.90.1'},
      [
        ['1.82.7', undefined],
        ['v1.81.14.rc.2', undefined],
        ['1.90.0', 'affects'],
        ['1.90.1', undefined],
      ],
    ],
    [
      'a fix with no first version',
      {fixed: '1.82.3'},
      [
        ['1.80.0', 'may affect'],
        ['1.82.2', 'may affect'],
        ['1.82.3', undefined],
        ['1.83.0', undefined],
      ],
    ],
    [
      'a pre-release fix',
      {fixed: 'v1.81.14.rc.2'},
      [
        ['v1.81.14.rc.1', 'may affect'],
        ['v1.81.14.rc.2', undefined],
        ['1.81.14', undefined],
      ],
    ],
    [
      'a range up to a fix',
      {first_affected: '1.80.0', fixed: '1.80.5'},
      [
        ['1.79.9', undefined],
        ['1.80.0', 'affects'],
        ['1.80.4', 'affects'],
        ['1.80.5', undefined],
      ],
    ],
    [
      'a closed range',
      {first_affected: '1.80.0', last_affected: '1.80.2'},
      [
        ['1.79.0', undefined],
        ['1.80.0', 'affects'],
        ['1.80.2', 'affects'],
        ['1.80.3', undefined],
      ],
    ],
    [
      'an open range',
      {first_affected: '1.80.0'},
      [
        ['1.79.0', undefined],
        ['1.80.0', 'affects'],
        ['2.0.0', 'affects'],
      ],
    ],
    [
      'a last affected version only',
      {last_affected: '1.80.2'},
      [
        ['1.80.1', 'may affect'],
        ['1.80.2', 'affects'],
        ['1.80.3', undefined],
      ],
    ],
  ];
  it.each(cases)('%s: inside, at the edges and outside', (_name, fields, expectations) => {
    for (const [version, expected] of expectations)
      expect(matchStatement(statement(fields), v(version)), version).toBe(expected);
  });

  it("ignores a remedy's minimum version: it is neither a fix nor an affected version", () => {
    for (const version of ['1.80.0', '1.82.2', '1.82.3', '1.90.0'])
      expect(matchStatement(statement({requires: '1.82.3'}), v(version)), version).toBeUndefined();
    expect(matchStatement(statement({fixed: '1.82.3', requires: '1.83.0'}), v('1.82.5'))).toBeUndefined();
    expect(matchStatement(statement({fixed: '1.82.3', requires: '1.80.0'}), v('1.82.2'))).toBe('may affect');
  });
});

describe('checkVersion', () => {
  // The version statements of this site's posts, as their front matter gives them.
  const incidents: VersionedIncident[] = [
    {
      title: 'Supply chain',
      permalink: '/blog/security-update-march-2026',
      versions: [{package: 'pypi', affected: ['1.82.7', '1.82.8'], source: 'p'}],
    },
    {
      title: 'Guardrail logging',
      permalink: '/blog/guardrail-logging-secret-exposure-incident',
      versions: [{package: 'pypi', fixed: '1.82.3', source: 'p'}],
    },
    {
      title: 'httpx',
      permalink: '/blog/httpx-cache-eviction-incident',
      versions: [{package: 'release', fixed: 'v1.81.14.rc.2', source: 'p'}],
    },
    {
      title: 'Responses API',
      permalink: '/blog/responses-api-encrypted-content-incident',
      versions: [{package: 'release', requires: '1.82.3', source: 'p'}],
    },
    {title: 'Prisma', permalink: '/blog/prisma-reconnect-blocking-incident', versions: 'not stated'},
    {title: 'vLLM', permalink: '/blog/vllm-embeddings-incident', versions: 'not stated'},
  ];
  const titles = (input: string) => {
    const result = checkVersion(input, incidents);
    if (result.kind !== 'checked') throw new Error(result.message);
    return {
      affects: result.affects.map((i) => i.title),
      mayAffect: result.mayAffect.map((i) => i.title),
      notStated: result.notStated,
    };
  };

  it('lists what affects an exact affected version, and what may', () => {
    expect(titles('1.82.7')).toEqual({affects: ['Supply chain'], mayAffect: [], notStated: 3});
    expect(titles('1.82.2')).toEqual({affects: [], mayAffect: ['Guardrail logging'], notStated: 3});
    expect(titles('v1.81.14.rc.1')).toEqual({affects: [], mayAffect: ['Guardrail logging', 'httpx'], notStated: 3});
  });

  it("counts an incident that states only a remedy's minimum version among those that state no affected or fixed versions", () => {
    expect(titles('1.82.3').notStated).toBe(3);
    expect(titles('1.80.0').affects).not.toContain('Responses API');
    expect(titles('1.80.0').mayAffect).not.toContain('Responses API');
  });

  it('lists nothing at or after a fix', () => {
    expect(titles('1.82.3')).toEqual({affects: [], mayAffect: [], notStated: 3});
    expect(titles('1.83.7-stable')).toEqual({affects: [], mayAffect: [], notStated: 3});
  });

  it('answers nonsense with what a version looks like', () => {
    expect(checkVersion('latest', incidents)).toEqual({
      kind: 'invalid',
      message: '"latest" is not a version: a LiteLLM version looks like 1.82.7, v1.81.14.rc.2 or 1.83.7-stable.',
    });
    expect(checkVersion('  ', incidents)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('Type a LiteLLM version'),
    });
  });

  it('says each statement in words', () => {
    expect(describeStatement({package: 'pypi', affected: ['1.82.7', '1.82.8'], source: 'p'})).toBe(
      'PyPI litellm: affected 1.82.7, 1.82.8',
    );
    expect(describeStatement({package: 'pypi', fixed: '1.82.3', source: 'p'})).toBe(
      'PyPI litellm: first affected not stated, fixed in 1.82.3',
    );
    expect(describeStatement({package: 'release', requires: '1.82.3', source: 'p'})).toBe(
      'LiteLLM release (package not stated): the remedy requires 1.82.3 or later',
    );
    expect(describeStatement({package: 'pypi', fixed: '1.82.3', requires: '1.82.3', source: 'p'})).toBe(
      'PyPI litellm: first affected not stated, fixed in 1.82.3, the remedy requires 1.82.3 or later',
    );
  });
});
