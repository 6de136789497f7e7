import {expect} from 'vitest';

import {checkSite} from '../../src/authoring/checkPosts';
import {faultLinesIn} from '../../src/faults/fault';

/**
 * Where a fault's line starts in what the build or the check printed: Docusaurus indents the lines of an error's
 * cause, and prefixes a Markdown one with "Cause: ". Anchored, so a line printed inside another cannot pass.
 */
export const LINE_START = '(?:^[\\s│×]*|Cause: )';

/** A fault as the build and `npm run check` print it, `file:line: field: what is wrong`, at whatever line. */
export function fieldFault(file: string, field: string, fault: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${LINE_START}${literal(file)}:\\d+: ${literal(field)}: ${literal(fault)}`, 'm');
}

/**
 * A failed build and `npm run check` print the same fault lines, word for word, when every fault of the copy is of the
 * stage the build stops at: no rule lives only in the build, where an author learns of it minutes later and the dev
 * server not at all, and the check names nothing the build would let through.
 */
export async function expectCheckToCatch(siteDir: string, buildOutput: string): Promise<void> {
  const built = faultLinesIn(buildOutput);
  expect(built, buildOutput).not.toEqual([]);
  const {faults} = await checkSite(siteDir);
  expect(
    built.filter((line) => !faults.includes(line)),
    faults.join('\n'),
  ).toEqual([]);
  expect(
    faults.filter((line) => !built.includes(line)),
    buildOutput,
  ).toEqual([]);
}
