/**
 * How every check of a post reports what it found, in the build and in
 * `npm run check` alike: one line per fault, `file:line: field: what is wrong,
 * how to fix it`, all faults of a run at once, with no stack trace.
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';

import {FRONT_MATTER_BLOCK, type IncidentMetaError} from '../incidents/frontMatterFields';

/** "incident.versions[0].fixed" → ["incident", "versions", 0, "fixed"]. */
function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index),
  );
}

/**
 * The line of a post file where a front-matter field is written, or where it
 * belongs when it is missing (its nearest written parent); 1, the opening
 * "---", when nothing of it is written. The values themselves are read by
 * Docusaurus' own parser; this YAML parser is used only for its positions.
 */
function frontMatterLine(fileText: string, field: string): number {
  const match = FRONT_MATTER_BLOCK.exec(fileText);
  if (!match) return 1;
  const lines = new LineCounter();
  const document = parseDocument(match[1], {lineCounter: lines});
  const keys = fieldPath(field);
  for (let depth = keys.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(keys.slice(0, depth - 1), true);
    const last = keys[depth - 1];
    // A mapping entry's line is its key's; a list item's is its own.
    const node = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key
      : isSeq(parent)
        ? parent.items[last as number]
        : undefined;
    const offset = (node as {range?: number[]} | undefined)?.range?.[0];
    if (offset !== undefined) return lines.linePos(offset).line + 1;
  }
  return 1;
}

/** One line for a front-matter fault, located in the post's text. */
export function faultLine(error: IncidentMetaError, fileText: string | undefined): string {
  return `${error.file}:${fileText === undefined ? 1 : frontMatterLine(fileText, error.field)}: ${error.field}: ${error.fault}`;
}

/** Every fault of a run, thrown as one error whose message is the lines and nothing else. */
export class FaultReport extends Error {
  // Private, so Docusaurus' error report does not print the lines a second time as a property.
  readonly #lines: readonly string[];
  constructor(lines: readonly string[]) {
    super(lines.join('\n'));
    this.#lines = lines;
    this.stack = `${lines.length} ${lines.length === 1 ? 'fault' : 'faults'} to fix:\n${this.message}`;
  }
  get lines(): readonly string[] {
    return this.#lines;
  }
}
FaultReport.prototype.name = 'FaultReport';

/**
 * Docusaurus' front-matter reader (gray-matter) runs a block opened with
 * "---js" as JavaScript, at build time. Every post opens with "---" alone on
 * its first line, read as YAML; anything else fails, naming the file.
 */
export function refuseFrontMatterEngines(filePath: string, fileContent: string, siteDir: string): void {
  const first = fileContent.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (first.startsWith('---') && first.trim() !== '---') {
    throw new FaultReport([
      `${path.relative(siteDir, filePath)}:1: front matter must open with "---" alone on its line, not "${first.slice(0, 20)}": other openings run code or another parser`,
    ]);
  }
}
