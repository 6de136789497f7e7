import {load} from 'js-yaml';

import {FRONT_MATTER_BLOCK} from '../../incidents/frontMatterFields';
import {sourceAnchor} from '../../incidents/sources';
import {STATUS_UPDATES_ID} from '../../incidents/timeline';

/**
 * The anchors a post's page will have, read from its source without compiling it, so a link from another post can
 * be checked where it is written (under `npm start` too): each heading's `{#id}` and each declared source's entry.
 * `complete` is false where a heading has no `{#id}`: its id is then the slugger's, and a link that finds no anchor
 * here is left to the build's check of the built pages rather than refused on a guess.
 */
export function postAnchors(text: string): {ids: string[]; complete: boolean} {
  const frontMatter = FRONT_MATTER_BLOCK.exec(text);
  const ids: string[] = [];
  let complete = true;
  try {
    const {sources, incident} = (frontMatter ? (load(frontMatter[1]) ?? {}) : {}) as {
      sources?: unknown;
      incident?: {timeline?: unknown};
    };
    if (Array.isArray(sources))
      for (const source of sources) if (typeof source?.id === 'string') ids.push(sourceAnchor(source.id));
    // The page renders the timeline under a heading of its own.
    if (Array.isArray(incident?.timeline)) ids.push(STATUS_UPDATES_ID);
  } catch {
    // Front matter that cannot be read is that post's own fault, named where it is.
  }
  let fence: string | undefined;
  for (const line of text.slice(frontMatter?.[0].length ?? 0).split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      // A fence closes with at least as many of its own character, and nothing after them.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (!/^ {0,3}#{1,6}\s/.test(line)) continue;
    const id = /\{#([^}\s]+)\}\s*$/.exec(line)?.[1];
    if (id) ids.push(id);
    else complete = false;
  }
  return {ids, complete};
}
