import {inspect} from 'node:util';
import {describe, expect, it} from 'vitest';

import {faultCollector, FaultError, faultLine, faultLinesIn, isFaultError} from '../../src/faults/fault';

const FILE = 'blog/example_incident/index.md';

describe('the one fault type', () => {
  it('prints a fault as one line, located where it can be', () => {
    expect(faultLine({file: FILE, line: 12, field: 'incident.date', message: 'must be quoted'})).toBe(
      `${FILE}:12: incident.date: must be quoted`,
    );
    expect(faultLine({file: FILE, line: 3, column: 16, message: 'is not valid JSON'})).toBe(
      `${FILE}:3:16: is not valid JSON`,
    );
    expect(faultLine({file: FILE, field: 'scenarios[0].runs', message: 'must be a list'})).toBe(
      `${FILE}: scenarios[0].runs must be a list`,
    );
    expect(faultLine({file: FILE, message: 'is empty'})).toBe(`${FILE}: is empty`);
  });

  it('throws every fault of a run as one error whose message and stack are the lines alone', () => {
    const error = new FaultError([
      {file: FILE, line: 1, message: 'one'},
      {file: FILE, line: 2, message: 'two'},
    ]);
    expect(error.message).toBe(`${FILE}:1: one\n${FILE}:2: two`);
    expect(error.stack).toBe(`2 faults to fix:\n${error.message}`);
    expect(error.faults).toHaveLength(2);
    // As Node prints it, where Docusaurus logs a failed reload: the lines, not the brand or the faults as properties.
    expect(inspect(error)).toBe(error.stack);
  });

  it("is recognised from another copy of the module, as the config's plugins are loaded", () => {
    const copy = Object.assign(new Error('x'), {[Symbol.for('litellm-incident-reports.FaultError')]: true});
    expect(isFaultError(copy)).toBe(true);
    expect(isFaultError(new Error('x'))).toBe(false);
  });

  it('collects the faults of independent checks and lets any other error through', () => {
    const {check, faults} = faultCollector();
    expect(check(() => 1)).toBe(1);
    expect(
      check(() => {
        throw new FaultError({file: FILE, message: 'bad'});
      }),
    ).toBeUndefined();
    expect(faults).toEqual([{file: FILE, message: 'bad'}]);
    expect(() =>
      check(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('faultLinesIn', () => {
  it("finds each fault line of a failed build once, without Docusaurus' framing and stack lines", () => {
    const output = [
      '[ERROR] Error: Unable to build website for locale en.',
      '    at tryToBuildLocale (/work/node_modules/@docusaurus/core/lib/commands/build/build.js:76:15)',
      '  ╰─▶   × Error: MDX compilation failed for file "/work/blog/a/index.md"',
      '          │ Cause: blog/a/index.md:57: [^x] cites "x", which is not declared',
      '          │ blog/a/index.md:58: remove the space before [^y]',
      '          │ Details:',
      '          │ 2 faults to fix:',
      '          │ blog/a/index.md:57: [^x] cites "x", which is not declared',
      '          │ blog/a/index.md:58: remove the space before [^y]',
      '          │     at compileToJSX (/work/node_modules/@docusaurus/mdx-loader/lib/utils.js:93:15)',
      'blog/b/liveness.probes.json: scenarios[0].runs.before must be a list',
      '[Error: 1 fault to fix:',
      'blog/tags.yml:3:3: is not valid YAML; fix this line] {',
      "  faults: [ { file: 'blog/tags.yml' } ]",
      'Node version: v20.20.2',
    ].join('\n');
    expect(faultLinesIn(output)).toEqual([
      'blog/a/index.md:57: [^x] cites "x", which is not declared',
      'blog/a/index.md:58: remove the space before [^y]',
      'blog/b/liveness.probes.json: scenarios[0].runs.before must be a list',
      'blog/tags.yml:3:3: is not valid YAML; fix this line',
    ]);
  });
});
