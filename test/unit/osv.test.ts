import {describe, expect, it} from 'vitest';

import {checkVersion} from '../../src/incidents/affectedIncidents';
import type {VersionStatement} from '../../src/incidents/frontMatterSchema';
import type {IncidentRow} from '../../src/incidents/incidentIndex';
import {osvRecord, osvRecords, type OsvRecord} from '../../src/incidents/osv';
import {exampleRow} from '../support/examplePost';
import {osvAffects, validateOsv} from '../support/osvRecords';

const SITE = 'https://incidents.example';

const row = (slug: string, versions: VersionStatement[] | 'not stated', extra: Partial<IncidentRow> = {}) =>
  exampleRow(slug, {versions}, extra);
const pypi = (statement: Partial<VersionStatement>) =>
  ({package: 'pypi', source: 'product-page', ...statement}) as VersionStatement;

const expectValid = (record: OsvRecord) => {
  const valid = validateOsv(record);
  expect(validateOsv.errors ?? [], record.id).toEqual([]);
  expect(valid).toBe(true);
};
const affectedOf = (record: OsvRecord, versions: string[]) => versions.filter((v) => osvAffects(record, v));

describe('OSV records', () => {
  it('are written for incidents that state affected or fixed versions, and only those', () => {
    const {records, index} = osvRecords(
      [
        row('a-incident', [pypi({affected: ['1.82.7']})]),
        row('b-incident', 'not stated'),
        // A remedy's minimum version says nothing about which versions are affected.
        row('c-incident', [{package: 'release', requires: '1.82.3', source: 'product-page'} as VersionStatement]),
      ],
      SITE,
    );
    expect(records.map((record) => record.id)).toEqual(['LITELLM-IR-a-incident']);
    expect(index).toEqual([
      {
        id: 'LITELLM-IR-a-incident',
        modified: '2026-03-01T00:00:00.000Z',
        url: `${SITE}/osv/LITELLM-IR-a-incident.json`,
      },
    ]);
  });

  it('list exact versions as versions, a stated range as events from its first version', () => {
    const exact = osvRecord(row('a-incident', [pypi({affected: ['1.82.7', '1.82.8']})]), SITE);
    expectValid(exact);
    expect(exact.affected[0]).toMatchObject({
      package: {ecosystem: 'PyPI', name: 'litellm', purl: 'pkg:pypi/litellm'},
      versions: ['1.82.7', '1.82.8'],
    });
    expect(exact.affected[0].ranges).toBeUndefined();
    expect(affectedOf(exact, ['1.82.6', '1.82.7', '1.82.8', '1.82.9'])).toEqual(['1.82.7', '1.82.8']);

    const fixedRange = osvRecord(row('b-incident', [pypi({first_affected: '1.80.0', fixed: '1.82.3'})]), SITE);
    expectValid(fixedRange);
    expect(fixedRange.affected[0].ranges).toEqual([
      {type: 'ECOSYSTEM', events: [{introduced: '1.80.0'}, {fixed: '1.82.3'}]},
    ]);
    expect(affectedOf(fixedRange, ['1.79.9', '1.80.0', '1.82.2', '1.82.3'])).toEqual(['1.80.0', '1.82.2']);

    const lastRange = osvRecord(row('c-incident', [pypi({first_affected: '1.80.0', last_affected: '1.81.0'})]), SITE);
    expectValid(lastRange);
    expect(affectedOf(lastRange, ['1.80.0', '1.81.0', '1.81.1'])).toEqual(['1.80.0', '1.81.0']);
  });

  it('write no range where no first affected version is stated: no "introduced: 0", the statement kept in words', () => {
    for (const [statement, affected] of [
      [pypi({fixed: '1.82.3'}), []],
      // The last affected version is stated affected; the ones before it are not.
      [pypi({last_affected: '1.82.2'}), ['1.82.2']],
    ] as const) {
      const record = osvRecord(row('a-incident', [statement]), SITE);
      expectValid(record);
      expect(JSON.stringify(record)).not.toMatch(/"introduced"/);
      expect(record.affected[0].database_specific.first_affected_stated).toBe(false);
      expect(record.affected[0].database_specific.statement).toMatch(/first affected not stated/);
      expect(affectedOf(record, ['0.1.0', '1.82.1', '1.82.2', '1.82.3'])).toEqual(affected);
    }
    // Exact versions with a fix name every affected version: the fix opens no range below itself.
    const closed = osvRecord(row('b-incident', [pypi({affected: ['1.90.0'], fixed: '1.90.1'})]), SITE);
    expectValid(closed);
    expect(affectedOf(closed, ['1.89.0', '1.90.0', '1.90.1'])).toEqual(['1.90.0']);
    expect(closed.affected[0].database_specific).toMatchObject({first_affected_stated: true});
  });

  it('keep Docker and release-tag statements for people, saying OSV has no ecosystem for them', () => {
    const record = osvRecord(
      row('a-incident', [
        {package: 'release', fixed: 'v1.81.14.rc.2', source: 'pr-1', note: 'A note.'} as VersionStatement,
        {package: 'docker', affected: ['1.83.7-stable'], source: 'product-page'} as VersionStatement,
      ]),
      SITE,
    );
    expectValid(record);
    expect(record.affected).toEqual([]);
    expect(record.database_specific.other_statements).toEqual([
      {
        package: 'LiteLLM release (package not stated)',
        statement: 'LiteLLM release (package not stated): first affected not stated, fixed in v1.81.14.rc.2',
        source: 'https://example.com/pr/1',
        note: 'A note.',
      },
      {
        package: 'Docker image ghcr.io/berriai/litellm',
        statement: 'Docker image ghcr.io/berriai/litellm: affected 1.83.7-stable',
        source: 'https://example.com/report',
      },
    ]);
    expect(record.database_specific.other_statements_note).toMatch(/no ecosystem/);
  });

  it('date, sum up and reference the post and every declared source', () => {
    const record = osvRecord(
      row('a-incident', [pypi({affected: ['1.82.7']})], {updates: [{date: '2026-03-04', note: 'Revised.'}]}),
      SITE,
    );
    expect(record).toMatchObject({
      schema_version: '1.7.4',
      published: '2026-03-01T00:00:00.000Z',
      modified: '2026-03-04T00:00:00.000Z',
      summary: 'Title of a-incident',
    });
    expect(record.details).toContain(`${SITE}/blog/a-incident`);
    expect(record.references).toEqual([
      {type: 'ADVISORY', url: `${SITE}/blog/a-incident`},
      {type: 'ARTICLE', url: 'https://example.com/report'},
      // A pull request is not called the fix: no source says it is the whole fix.
      {type: 'WEB', url: 'https://example.com/pr/1'},
    ]);
  });
});

describe('OSV records and "Am I affected?"', () => {
  it.each([
    ['exact versions', {affected: ['1.82.7', '1.82.8']}],
    ['exact versions and a fix', {affected: ['1.82.7'], fixed: '1.82.9'}],
    ['a range to a fix', {first_affected: '1.80.0', fixed: '1.82.3'}],
    ['a range to a last affected version', {first_affected: '1.80.0', last_affected: '1.81.0'}],
    ['a first affected version alone', {first_affected: '1.81.0'}],
    ['a fix alone', {fixed: '1.82.3'}],
    ['a last affected version alone', {last_affected: '1.81.0'}],
    ['exact versions and a range', {affected: ['1.79.2'], first_affected: '1.80.0', fixed: '1.82.3'}],
  ])('agree on every version around %s', (_, fields) => {
    const statement = pypi(fields as Partial<VersionStatement>);
    const record = osvRecord(row('a-incident', [statement]), SITE);
    expectValid(record);
    const table = ['0.1.0', '1.79.1', '1.79.2', '1.79.3', '1.80.0', '1.80.1', '1.81.0', '1.81.1', '1.82.2'].concat([
      '1.82.3',
      '1.82.6',
      '1.82.7',
      '1.82.8',
      '1.82.9',
      '1.83.0',
      '2.0.0',
    ]);
    for (const version of table) {
      const answer = checkVersion(version, [{title: 'A', permalink: '/blog/a-incident', versions: [statement]}]);
      expect(answer.kind === 'checked' && answer.affects.length > 0, version).toBe(osvAffects(record, version));
    }
  });
});

describe('the OSV schema the tests validate with', () => {
  const valid = osvRecord(row('a-incident', [pypi({first_affected: '1.80.0', fixed: '1.82.3'})]), SITE);
  const withRange = (events: unknown[]) => ({
    ...valid,
    affected: [{...valid.affected[0], ranges: [{type: 'ECOSYSTEM', events}]}],
  });
  it.each([
    ['two kinds in one event', withRange([{introduced: '1.80.0', fixed: '1.82.3'}])],
    ['a range with no introduced event', withRange([{fixed: '1.82.3'}])],
    [
      'fixed and last_affected together',
      withRange([{introduced: '1.0.0'}, {fixed: '1.2.0'}, {last_affected: '1.1.0'}]),
    ],
    ['a timestamp outside UTC', {...valid, modified: '2026-03-01T00:00:00+01:00'}],
    [
      'a PyPI name not in normal form',
      {...valid, affected: [{...valid.affected[0], package: {ecosystem: 'PyPI', name: 'LiteLLM'}}]},
    ],
    ['an unknown reference type', {...valid, references: [{type: 'FIXED', url: 'https://example.com'}]}],
    ['no id', {...valid, id: undefined}],
  ])('refuses %s', (_, record) => {
    expect(validateOsv(JSON.parse(JSON.stringify(record)))).toBe(false);
  });
});
