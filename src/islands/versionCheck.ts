import {checkVersion, type MatchedIncident, type VersionedIncident} from '@site/src/incidents/versionCheck';
import {describeStatement} from '@site/src/incidents/versions';
import {createJsonLoader} from '@site/src/site/jsonLoader';
import {element} from './element';
import {mountIslands} from './mountIslands';

/**
 * "Am I affected?" on /incidents: checks the version in the form against every
 * incident's stated versions and writes the answer into the form's polite
 * status region. The answer is shareable: it is kept in the URL
 * (/incidents?version=1.82.7) and given again when that URL is opened.
 */

function incidentList(incidents: readonly MatchedIncident[]): HTMLUListElement {
  return element(
    'ul',
    ...incidents.map((incident) => {
      const link = element('a', incident.title);
      link.href = incident.permalink;
      const fixed = incident.statement.fixed ? '' : '; fixed version not stated';
      return element('li', link, `: ${describeStatement(incident.statement)}${fixed}`);
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
      incidentList(affects),
    );
  if (mayAffect.length > 0) {
    nodes.push(
      element(
        'p',
        element('strong', `May affect ${version}`),
        ` (${mayAffect.length}): fixed in a later version; the first affected version is not stated.`,
      ),
      incidentList(mayAffect),
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
