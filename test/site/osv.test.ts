import {readdirSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';

import {checkVersion, type VersionedIncident} from '../../src/incidents/affectedIncidents';
import type {IncidentsJson} from '../../src/incidents/incidentsJsonSchema';
import type {OsvIndexEntry, OsvRecord} from '../../src/incidents/osv';
import {compareVersions, parseVersion} from '../../src/incidents/versions';
import {PRODUCTION_URL} from '../../src/site/deployment';
import {BUILD_DIR, parseBuiltPage, readBuilt} from '../support/builtSite';
import {osvAffects, validateOsv} from '../support/osvRecords';

/** The OSV records as built, read as a scanner would, against what "Am I affected?" answers from the same posts. */

let index: OsvIndexEntry[];
let records: Map<string, OsvRecord>;
let incidents: IncidentsJson['incidents'];
/** Exactly what the /incidents page's version check fetches and runs on. */
let checked: VersionedIncident[];

beforeAll(() => {
  index = JSON.parse(readBuilt('osv/index.json'));
  records = new Map(index.map(({id}) => [id, JSON.parse(readBuilt(`osv/${id}.json`)) as OsvRecord]));
  incidents = (JSON.parse(readBuilt('incidents.json')) as IncidentsJson).incidents;
  const [versionsFile] = readdirSync(path.join(BUILD_DIR, 'assets/incidents'));
  checked = JSON.parse(readBuilt(`assets/incidents/${versionsFile}`));
});

/**
 * Every version any post names, and its neighbours on either side (one patch, one minor, one major away), plus
 * 0.1.0: where a range or a list starts and stops. Release tags are PyPI versions once their "v" and "-stable" go.
 */
function versionTable(): string[] {
  const named = checked.flatMap(({versions}) =>
    versions === 'not stated'
      ? []
      : versions.flatMap((s) => [...(s.affected ?? []), s.first_affected, s.last_affected, s.fixed, s.requires]),
  );
  const releases = named
    .filter((text): text is string => text !== undefined)
    .map((text) => parseVersion(text)!.release.slice(0, 3));
  const table = new Set(['0.1.0']);
  for (const [major, minor, patch] of releases) {
    for (const [a, b, c] of [
      [major, minor, patch],
      [major, minor, patch - 1],
      [major, minor, patch + 1],
      [major, minor - 1, 0],
      [major, minor + 1, 0],
      [major + 1, 0, 0],
    ])
      if (a >= 0 && b >= 0 && c >= 0) table.add(`${a}.${b}.${c}`);
  }
  return [...table].sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!));
}

describe('the OSV records', () => {
  it('are one per incident whose sources state affected or fixed versions, each at /osv/<id>.json', () => {
    expect(index.map(({id}) => id).sort()).toEqual([
      'LITELLM-IR-guardrail-logging-secret-exposure-incident',
      'LITELLM-IR-httpx-cache-eviction-incident',
      'LITELLM-IR-security-update-march-2026',
    ]);
    for (const {id, url, modified} of index) {
      expect(url).toBe(`${PRODUCTION_URL}/osv/${id}.json`);
      expect(records.get(id)).toMatchObject({id, modified});
    }
  });

  it('validate against the OSV schema written from the specification', () => {
    for (const record of records.values()) {
      validateOsv(record);
      expect(validateOsv.errors ?? [], record.id).toEqual([]);
    }
  });

  it('are named in /incidents.json and on each post, and dated, titled and referenced as the post is', () => {
    for (const entry of incidents) {
      const record = entry.osv ? records.get(entry.osv.id) : undefined;
      const link = parseBuiltPage(`/blog/${entry.slug}`).querySelector('[data-osv-record]');
      if (!entry.osv) {
        expect(link, entry.slug).toBeNull();
        expect([...records.values()].some((r) => r.database_specific.url === entry.url)).toBe(false);
        continue;
      }
      expect(record, entry.slug).toBeDefined();
      expect(entry.osv.url).toBe(`${PRODUCTION_URL}/osv/${entry.osv.id}.json`);
      expect(link?.getAttribute('href')).toBe(`/osv/${entry.osv.id}.json`);
      expect(link?.text).toBe(entry.osv.id);
      expect(record).toMatchObject({
        summary: entry.title,
        published: `${entry.published}T00:00:00.000Z`,
        modified: `${entry.updated}T00:00:00.000Z`,
      });
      expect(record!.references.map(({url}) => url)).toEqual([entry.url, ...entry.sources.map(({url}) => url)]);
    }
  });

  it('affect exactly the PyPI versions "Am I affected?" calls affected, on a table of every version the posts name', () => {
    const table = versionTable();
    expect(table.length).toBeGreaterThan(10);
    for (const incident of checked) {
      const slug = incident.permalink.replace('/blog/', '');
      const record = records.get(`LITELLM-IR-${slug}`);
      // The check as the page runs it, on this incident's PyPI statements: OSV speaks for that package only.
      const pypiOnly = {
        ...incident,
        versions:
          incident.versions === 'not stated'
            ? incident.versions
            : incident.versions.filter((s) => s.package === 'pypi'),
      };
      for (const version of table) {
        const answer = checkVersion(version, [pypiOnly]);
        if (answer.kind !== 'checked') throw new Error(`${version}: ${answer.message}`);
        const affects = answer.affects.length > 0;
        expect(record ? osvAffects(record, version) : false, `${slug} at ${version}`).toBe(affects);
        // "May affect" (a fix with no first affected version stated) is no range in OSV, but it is said in words.
        if (answer.mayAffect.length > 0)
          expect(
            record!.affected.some((a) => !a.database_specific.first_affected_stated),
            slug,
          ).toBe(true);
      }
    }
  });

  it('state only what the sources state: no range the sources do not bound, the other packages in words', () => {
    const security = records.get('LITELLM-IR-security-update-march-2026')!;
    expect(security.affected).toMatchObject([{versions: ['1.82.7', '1.82.8']}]);
    const guardrail = records.get('LITELLM-IR-guardrail-logging-secret-exposure-incident')!;
    expect(JSON.stringify(guardrail)).not.toContain('"introduced"');
    expect(guardrail.affected[0].database_specific.statement).toBe(
      'PyPI litellm: first affected not stated, fixed in 1.82.3',
    );
    const httpx = records.get('LITELLM-IR-httpx-cache-eviction-incident')!;
    expect(httpx.affected).toEqual([]);
    expect(httpx.database_specific.other_statements.map(({statement}) => statement)).toEqual([
      'LiteLLM release (package not stated): first affected not stated, fixed in v1.81.14.rc.2',
    ]);
  });
});
