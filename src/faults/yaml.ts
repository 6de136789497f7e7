/**
 * YAML whose faults name their line: the site's own YAML files (blog/*.yml)
 * and the lines of fields in a post's front matter.
 */
import {load, YAMLException} from 'js-yaml';
import {isMap, isScalar, isSeq, LineCounter, parseDocument, visit} from 'yaml';

import {FaultError} from './fault';

/** What to do about a fault of the YAML reader on `line` (from 0) of `text`. */
function yamlFix(reason: string, text: string, line: number): string {
  if (reason === 'duplicated mapping key') {
    const first = firstWritten(text, line);
    if (first)
      return `"${first.key}" is written twice in one mapping, here and on line ${first.line}; keep one of the two entries`;
    return 'a key is written twice in one mapping; keep one of the two entries';
  }
  return `is not valid YAML (${reason}); fix this line`;
}

/**
 * Where the key written on `line` (from 0) was first written in the same mapping, at any depth: read by the parser
 * that keeps each node's place, told to keep both entries.
 */
function firstWritten(text: string, line: number): {key: string; line: number} | undefined {
  const lines = new LineCounter();
  const lineOf = (node: unknown) => lines.linePos((node as {range: number[]}).range[0]).line;
  let found: {key: string; line: number} | undefined;
  visit(parseDocument(text, {lineCounter: lines, uniqueKeys: false}), {
    Map(_, map) {
      const keys = map.items.flatMap((pair) => (isScalar(pair.key) ? [pair.key] : []));
      const again = keys.find((key) => lineOf(key) === line + 1);
      const first = again && keys.find((key) => key.value === again.value);
      if (first && first !== again) found = {key: String(again.value), line: lineOf(first)};
    },
  });
  return found;
}

/**
 * The value of a YAML text, read as Docusaurus reads the blog's files
 * (js-yaml); a text it cannot read throws one fault naming file, line and
 * column, without the reader's own excerpt and stack.
 */
export function loadYaml(text: string, file: string): unknown {
  try {
    return load(text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const {line, column} = error.mark;
    throw new FaultError({file, line: line + 1, column: column + 1, message: yamlFix(error.reason, text, line)});
  }
}

/** "incident.versions[0].fixed" → ["incident", "versions", 0, "fixed"]. */
function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index),
  );
}

/**
 * The line, from 1, of a YAML text where a field is written, or where it
 * belongs when it is missing (its nearest written parent); undefined when
 * nothing of it is written. The values are read elsewhere; this parser
 * (eemeli/yaml, which keeps each node's place) is used only for positions.
 */
export function yamlFieldLine(yamlText: string, field: string): number | undefined {
  const lines = new LineCounter();
  const document = parseDocument(yamlText, {lineCounter: lines});
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
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return undefined;
}
