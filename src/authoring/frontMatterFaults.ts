/**
 * Front-matter faults in the post's text: the line each field is written on,
 * and the one opening of a front-matter block the site reads.
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';

import {FaultError, type Fault} from '../faults/fault';
import {FRONT_MATTER_BLOCK} from '../incidents/frontMatterFields';

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

/** A front-matter fault with the line its field is written on in the post's text; any other fault as it is. */
export function locateFault(fault: Fault, fileText: string | undefined): Fault {
  if (fault.line !== undefined || fault.field === undefined) return fault;
  return {...fault, line: fileText === undefined ? 1 : frontMatterLine(fileText, fault.field)};
}

/**
 * Docusaurus' front-matter reader (gray-matter) runs a block opened with
 * "---js" as JavaScript, at build time. Every post opens with "---" alone on
 * its first line, read as YAML; anything else fails, naming the file.
 */
export function refuseFrontMatterEngines(filePath: string, fileContent: string, siteDir: string): void {
  const first = fileContent.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (first.startsWith('---') && first.trim() !== '---') {
    throw new FaultError({
      file: path.relative(siteDir, filePath),
      line: 1,
      message: `front matter must open with "---" alone on its line, not "${first.slice(0, 20)}": other openings run code or another parser`,
    });
  }
}
