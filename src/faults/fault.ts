/**
 * The one shape of a fault, for every check here (front matter, a post's text
 * and URLs, lab recordings, components), and the one error that carries them,
 * in the build, `npm run check` and the dev server alike. A fault is printed as
 * one line, `file:line: field: what is wrong, how to fix it`, all faults of a
 * run at once, with no stack trace.
 */

export type Fault = {
  /** The file to open, relative to the site. */
  file: string;
  /** Its line, from 1 (and column) where known; a front-matter fault is located from its field (authoring/frontMatterFaults). */
  line?: number;
  column?: number;
  /** The field at fault, e.g. incident.versions[0].fixed, or a recording's scenarios[0].runs.before. */
  field?: string;
  /** What is wrong and how to fix it. */
  message: string;
};

/**
 * The fault as one line. A located fault reads `file:line: field: message`; a
 * field with no line (a recording's) reads as a sentence, `file: field message`.
 */
export function faultLine({file, line, column, field, message}: Fault): string {
  const at = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  if (field === undefined) return `${at}: ${message}`;
  return line === undefined ? `${at}: ${field} ${message}` : `${at}: ${field}: ${message}`;
}

/** The heading every report of faults opens with, "2 faults to fix:", as a line of printed output (framing allowed, and Node's "[cause]: [" where Docusaurus rethrows a fault as the cause of its own error). */
export const FAULTS_HEADING = /^\s*(?:\[cause\]:\s*)?(?:\W\s*)?\d+ faults? to fix:$/m;

/** Fault lines under the heading every report of them opens with, "2 faults to fix:". */
export function faultsToFix(lines: readonly string[]): string {
  return `${lines.length} ${lines.length === 1 ? 'fault' : 'faults'} to fix:\n${lines.join('\n')}`;
}

/**
 * Marks a FaultError across copies of this module: the config's plugins are loaded by Docusaurus' own module loader,
 * so the same class can exist twice in one process and `instanceof` would miss the other copy's errors.
 */
const FAULT_ERROR = Symbol.for('litellm-incident-reports.FaultError');

/** Whether `error` is a FaultError, from any copy of this module. */
export function isFaultError(error: unknown): error is FaultError {
  return typeof error === 'object' && error !== null && FAULT_ERROR in error;
}

/** One or more faults, thrown; its message is their lines and nothing else. */
export class FaultError extends Error {
  readonly [FAULT_ERROR] = true;
  // Private, so Node and Docusaurus do not print the faults a second time as a property.
  readonly #faults: readonly Fault[];
  constructor(faults: Fault | readonly Fault[]) {
    const list: readonly Fault[] = Array.isArray(faults) ? faults : [faults as Fault];
    super(list.map(faultLine).join('\n'));
    this.#faults = list;
    // The lines name file and field; a stack trace would only bury them.
    this.stack = faultsToFix(list.map(faultLine));
  }
  get faults(): readonly Fault[] {
    return this.#faults;
  }
  // How Node prints it (Docusaurus logs a failed reload so): the lines alone, not the brand beside them. By its
  // registered name, as this module also runs in the browser, which has no node:util.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.stack ?? this.message;
  }
}
FaultError.prototype.name = 'FaultError';

/**
 * Runs independent checks and gathers their faults: `check(fn)` returns fn's
 * result, or undefined after recording the faults it threw.
 */
export function faultCollector() {
  const faults: Fault[] = [];
  const check = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (!isFaultError(error)) throw error;
      faults.push(...error.faults);
      return undefined;
    }
  };
  return {check, faults};
}

/** A fault line as `faultLine` prints it: a file of the site, with its line if known, then what is wrong. */
const PRINTED_FAULT = /^((?:[\w.-]+\/)*[\w.-]+\.[a-z]{2,5})(?::\d+(?::\d+)?)?: \S.*$/;

/**
 * The fault lines in what a failed Docusaurus build printed, each once, in order: Docusaurus prints a thrown fault
 * under "Cause:" and again under "Details:", indented and framed, among stack lines of its own; Node prints a fault
 * thrown before the bundle is built as an object, its last line closed by "] {".
 */
export function faultLinesIn(output: string): string[] {
  const lines = output
    .split('\n')
    .map((line) =>
      line
        .replace(/^[\s│╰─▶×]*(?:Cause: )?/u, '')
        .trimEnd()
        .replace(/\] \{$/, ''),
    )
    .filter((line) => PRINTED_FAULT.test(line));
  return [...new Set(lines)];
}
