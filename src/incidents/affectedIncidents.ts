/**
 * "Am I affected?": which incidents a given LiteLLM version falls under,
 * going only by what each incident's sources state about versions. Plain
 * TypeScript: the /incidents page runs it in the browser, the tests in Node.
 */

import {compareVersions, parseVersion, VERSION_EXAMPLES} from './versions';
import {matchStatement, statesAffectedOrFixed, type VersionMatch} from './versionStatements';
import type {IncidentVersions, VersionStatement} from './frontMatterSchema';

export type VersionedIncident = {title: string; permalink: string; versions: IncidentVersions};

export type MatchedIncident = {title: string; permalink: string; match: VersionMatch; statement: VersionStatement};

export type VersionCheck =
  | {kind: 'invalid'; message: string}
  | {kind: 'checked'; version: string; affects: MatchedIncident[]; mayAffect: MatchedIncident[]; notStated: number};

/** "not stated", or only statements the check cannot use (a remedy's minimum version). */
export const statesNoAffectedOrFixed = ({versions}: VersionedIncident) =>
  versions === 'not stated' || !versions.some(statesAffectedOrFixed);

export function checkVersion(input: string, incidents: readonly VersionedIncident[]): VersionCheck {
  const text = input.trim();
  if (text === '') return {kind: 'invalid', message: `Type a LiteLLM version, such as ${VERSION_EXAMPLES}.`};
  const version = parseVersion(text);
  if (!version)
    return {
      kind: 'invalid',
      message: `"${text.slice(0, 40)}" is not a version: a LiteLLM version looks like ${VERSION_EXAMPLES}.`,
    };

  const matched: MatchedIncident[] = [];
  for (const incident of incidents) {
    if (incident.versions === 'not stated') continue;
    // The strongest statement wins: an exact or in-range match over a "may affect".
    const found = incident.versions
      .map((statement) => ({statement, match: matchStatement(statement, version)}))
      .filter((entry): entry is {statement: VersionStatement; match: VersionMatch} => entry.match !== undefined)
      .sort((a, b) => (a.match === 'affects' ? 0 : 1) - (b.match === 'affects' ? 0 : 1))[0];
    if (found) matched.push({title: incident.title, permalink: incident.permalink, ...found});
  }
  return {
    kind: 'checked',
    version: version.text,
    affects: matched.filter((incident) => incident.match === 'affects'),
    mayAffect: matched.filter((incident) => incident.match === 'may affect'),
    notStated: incidents.filter(statesNoAffectedOrFixed).length,
  };
}

/** Another incident's affected versions inside a statement's "or later" range. */
export type RangeOverlap = {title: string; permalink: string; from: string; versions: string[]};

/** A statement about one package can take in another's versions when either does not name its package. */
const samePackage = (a: VersionStatement, b: VersionStatement) =>
  a.package === b.package || a.package === 'release' || b.package === 'release';

/**
 * Where a statement reads as "from X on" (a fix, or a remedy's minimum version), the versions from X on that
 * another incident's statements call affected, by incident: "1.82.3 or later" takes in 1.82.7 and 1.82.8, the
 * compromised releases, and a reader about to upgrade must be told. Candidates are X and every version the other
 * statement names; a range is reported by the names that fall inside it.
 */
export function rangeIncludes(statement: VersionStatement, others: readonly VersionedIncident[]): RangeOverlap[] {
  const starts = [statement.fixed, statement.requires].filter((text): text is string => text !== undefined);
  if (starts.length === 0) return [];
  const from = starts.map((text) => parseVersion(text)!).sort(compareVersions)[0];
  return others.flatMap((other) => {
    if (other.versions === 'not stated') return [];
    const versions = other.versions
      .filter((theirs) => samePackage(statement, theirs))
      .flatMap((theirs) =>
        [from.text, ...(theirs.affected ?? []), theirs.first_affected, theirs.last_affected]
          .filter((text): text is string => text !== undefined)
          .filter((text) => {
            const version = parseVersion(text)!;
            return compareVersions(version, from) >= 0 && matchStatement(theirs, version) === 'affects';
          }),
      );
    const unique = [...new Set(versions)];
    return unique.length > 0
      ? [{title: other.title, permalink: other.permalink, from: from.text, versions: unique}]
      : [];
  });
}

/** For each incident, by permalink, what each of its statements' ranges takes in of the other incidents. */
export function rangeOverlaps(incidents: readonly VersionedIncident[]): Map<string, RangeOverlap[][]> {
  return new Map(
    incidents.map((incident) => [
      incident.permalink,
      incident.versions === 'not stated'
        ? []
        : incident.versions.map((statement) =>
            rangeIncludes(
              statement,
              incidents.filter((other) => other.permalink !== incident.permalink),
            ),
          ),
    ]),
  );
}

/** "1.82.3 or later includes 1.82.7 and 1.82.8, which": the warning's words before the linked incident. */
export function describeOverlap({from, versions}: RangeOverlap): string {
  const listed = versions.length === 1 ? versions[0] : `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`;
  return `${from} or later includes ${listed}, affected by`;
}
