/**
 * "Am I affected?": which incidents a given LiteLLM version falls under,
 * going only by what each incident's sources state about versions. Plain
 * TypeScript: the /incidents page runs it in the browser, the tests in Node.
 */

import {
  matchStatement,
  parseVersion,
  statesAffectedOrFixed,
  VERSION_EXAMPLES,
  type IncidentVersions,
  type VersionMatch,
  type VersionStatement,
} from './versions';

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
