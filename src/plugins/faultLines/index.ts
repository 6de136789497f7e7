import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

import {FAULTS_HEADING, faultLinesIn, faultsToFix} from '../../faults/fault';

type Diagnostic = {name?: string; message: string; details?: string; stack?: string; hideStack?: boolean};
type Compilation = {errors: Diagnostic[]};
type Compiler = {hooks: {afterCompile: {tap(name: string, run: (compilation: Compilation) => void): void}}};

const NAME = 'fault-lines';

/**
 * A post's fault reaches the bundler wrapped by mdx-loader ("MDX compilation failed … Cause: … Details: …" and its
 * stack), so the terminal and the dev server's overlay showed each fault two to eight times among stack lines, too
 * wide for a phone. This leaves the fault lines alone, each once, under the heading `npm run check` prints (by which
 * `npm run build` knows them too). Any other error, even one with lines that look like faults, is kept as reported.
 */
export function faultLinesOnly(errors: readonly Diagnostic[]): Diagnostic[] {
  return errors.map((error) => {
    const text = `${error.message}\n${error.details ?? ''}`;
    const lines = FAULTS_HEADING.test(text) ? faultLinesIn(text) : [];
    if (lines.length === 0) return error;
    const message = faultsToFix(lines);
    return {name: 'Fault', message, stack: message, hideStack: true};
  });
}

export default function faultLinesPlugin(): Plugin {
  return {
    name: NAME,
    getClientModules() {
      return process.env.NODE_ENV === 'development'
        ? [path.join(__dirname, 'overlayFit'), path.join(__dirname, 'siteFaultsOverlay')]
        : [];
    },
    configureWebpack() {
      const bundlerPlugin = {
        apply(compiler: Compiler) {
          compiler.hooks.afterCompile.tap(NAME, (compilation) => {
            compilation.errors = faultLinesOnly(compilation.errors);
          });
        },
      };
      return {plugins: [bundlerPlugin]};
    },
  };
}
