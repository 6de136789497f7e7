import {
  checkVersion,
  describeOverlap,
  rangeIncludes,
  type MatchedIncident,
  type VersionedIncident,
} from '@site/src/incidents/affectedIncidents';
import {describeStatement} from '@site/src/incidents/versionStatements';
import {createJsonLoader} from '@site/src/site/jsonLoader';
import {element} from './element';
import {mountIslands} from './mountIslands';

/**
 * "Am I affected?" on /incidents: checks the version in the form against every
 * incident's stated versions and writes the answer into the form's polite
 * status region. The answer is shareable: it is kept in the URL
 * (/incidents?version=1.82.7) and given again when that URL is opened.
 */

const link = (title: string, permalink: string) => {
  const anchor = element('a', title);
  anchor.href = permalink;
  return anchor;
};

/** Each matched incident with its statement, and a caution where the statement's "or later" takes in another's. */
function incidentList(matched: readonly MatchedIncident[], incidents: readonly VersionedIncident[]): HTMLUListElement {
  return element(
    'ul',
    ...matched.map((incident) => {
      const fixed = incident.statement.fixed ? '' : '; fixed version not stated';
      const others = incidents.filter((other) => other.permalink !== incident.permalink);
      const cautions = rangeIncludes(incident.statement, others).map((overlap) =>
        element('strong', ` Caution: ${describeOverlap(overlap)} `, link(overlap.title, overlap.permalink), '.'),
      );
      return element(
        'li',
        link(incident.title, incident.permalink),
        `: ${describeStatement(incident.statement)}${fixed}`,
        ...cautions,
      );
    }),
  );
}

function answer(input: string, incidents: readonly VersionedIncident[]): Node[] {
  const result = checkVersion(input, incidents);
  if (result.kind === 'invalid') return [element('p', result.message)];
  const {version, affects, mayAffect, notStated} = result;
  const nodes: Node[] = [];
  if (affects.length === 0 && mayAffect.length === 0)
    nodes.push(element('p', `No incident's sources state that LiteLLM ${version} is affected.`));
  if (affects.length > 0)
    nodes.push(
      element(
        'p',
        element('strong', `Affects ${version}`),
        ` (${affects.length}): the version is listed or inside a stated range.`,
      ),
      incidentList(affects, incidents),
    );
  if (mayAffect.length > 0) {
    nodes.push(
      element(
        'p',
        element('strong', `May affect ${version}`),
        ` (${mayAffect.length}): fixed in a later version; the first affected version is not stated.`,
      ),
      incidentList(mayAffect, incidents),
    );
  }
  nodes.push(
    element(
      'p',
      `${notStated} of ${incidents.length} incidents state no affected or fixed versions: read those reports to judge.`,
    ),
  );
  return nodes;
}

// Fetched once, on the first check: a reader who never checks never downloads it. The build wrote it from
// validated posts, so it is read as it is.
const loadVersions = createJsonLoader((data) => data as VersionedIncident[]);

/** Starts every version check on the page: on import (HTML-first pages), and when the classic runtime renders one. */
export function mountVersionCheck(): void {
  mountIslands('version-check', startVersionCheck);
}

function startVersionCheck(root: HTMLElement, {versionsUrl}: {versionsUrl: string}): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector('input')!;
  const status = root.querySelector('[role="status"]')!;
  const show = async (text: string) => {
    try {
      status.replaceChildren(...answer(text, await loadVersions(versionsUrl)));
    } catch (error) {
      console.error('The version check could not load the incidents:', error);
      status.replaceChildren(
        element('p', 'The check could not load the incidents just now; try again, or compare with the table below.'),
      );
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('version', input.value.trim());
    window.history.replaceState(null, '', url);
    void show(input.value);
  });
  const shared = new URLSearchParams(window.location.search).get('version');
  if (shared !== null) {
    input.value = shared;
    void show(shared);
  }
}

mountVersionCheck();
