import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {FAULTS_HEADING, faultLinesIn, faultsToFix} from '../../faults/fault';
import {showsSiteFaults} from './siteFaults';
import {printFaultsOnce} from './terminalOnce';

type Diagnostic = {name?: string; message: string; details?: string; stack?: string; hideStack?: boolean};
type Compilation = {errors: Diagnostic[]};
type Compiler = {
  hooks: {
    afterCompile: {tap(name: string, run: (compilation: Compilation) => void): void};
    done: {tap(name: string, run: (stats: {hasErrors(): boolean}) => void): void};
  };
};

const NAME = 'fault-lines';

/**
 * A post's fault reaches the bundler wrapped by mdx-loader ("MDX compilation failed … Cause: … Details: …" and its
 * stack), so the terminal and the dev server's overlay showed each fault two to eight times among stack lines, too
 * wide for a phone. This leaves the fault lines alone, each once, under the heading `npm run check` prints (by which
 * `npm run build` knows them too). Any other error, even one with lines that look like faults, is kept as reported.
 */
export function faultLinesOnly(errors: readonly Diagnostic[]): Diagnostic[] {
  // A post's faults can come in more than one error (the post and its excerpt for the lists share some): the lines
  // of every error that holds faults become one error, each line once, where the first of them stood.
  const lines: string[] = [];
  const kept = errors.flatMap((error): (Diagnostic | 'faults')[] => {
    const text = `${error.message}\n${error.details ?? ''}`;
    const found = FAULTS_HEADING.test(text) ? faultLinesIn(text) : [];
    if (found.length === 0) return [error];
    const first = lines.length === 0;
    lines.push(...found.filter((line) => !lines.includes(line)));
    return first ? ['faults'] : [];
  });
  const message = faultsToFix(lines);
  return kept.map((error) => (error === 'faults' ? {name: 'Fault', message, stack: message, hideStack: true} : error));
}

const TERMINAL = Symbol.for('litellm-incident-reports.printFaultsOnce');

/** The terminal's one filter of repeated faults (terminalOnce.ts), installed once a process, however often the config loads. */
function terminal(): ReturnType<typeof printFaultsOnce> {
  const shared = globalThis as {[TERMINAL]?: ReturnType<typeof printFaultsOnce>};
  if (!shared[TERMINAL]) {
    shared[TERMINAL] = printFaultsOnce(console.error.bind(console));
    console.error = shared[TERMINAL].error;
  }
  return shared[TERMINAL];
}

export default function faultLinesPlugin(context: LoadContext): Plugin {
  const development = process.env.NODE_ENV === 'development';
  if (development) terminal();
  return {
    name: NAME,
    getClientModules() {
      return development ? [path.join(__dirname, 'overlayFit'), path.join(__dirname, 'siteFaultsOverlay')] : [];
    },
    configureWebpack() {
      const bundlerPlugin = {
        apply(compiler: Compiler) {
          compiler.hooks.afterCompile.tap(NAME, (compilation) => {
            compilation.errors = faultLinesOnly(compilation.errors);
          });
          if (development)
            compiler.hooks.done.tap(NAME, (stats) => {
              // Any error keeps the faults' print: the bundler's own errors are not faults, but they mean no pass.
              if (!stats.hasErrors() && !showsSiteFaults(context.siteDir)) terminal().passed();
            });
        },
      };
      return {plugins: [bundlerPlugin]};
    },
  };
}
