import {inspect} from 'node:util';

import {FAULTS_HEADING, faultLinesIn} from '../../faults/fault';

/**
 * Under `npm start`, one save can print the same faults twice: a post's save compiles once for the file and once for
 * the blog's reload of it, and an editor's save can reach the watcher as two changes, each reloading the plugin.
 * Docusaurus prints on each. So the terminal prints a set of fault lines once: the same set again, before a compile
 * passes and within `withinMs`, is dropped with the "reload failure" line Docusaurus prints above it. The browser
 * is not touched: the overlay and the page show the faults as before.
 */
export function printFaultsOnce(
  print: (...args: unknown[]) => void,
  {withinMs = 10_000, now = Date.now}: {withinMs?: number; now?: () => number} = {},
) {
  let last: {lines: string; at: number} | undefined;
  let held: unknown[] | undefined;
  const release = () => {
    if (held) print(...held);
    held = undefined;
  };
  const error = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
    // Docusaurus' line above a reload's error: kept back until the error after it shows whether it is a repeat.
    if (/reload failure/.test(text) && !FAULTS_HEADING.test(text)) {
      release();
      held = args;
      setImmediate(release);
      return;
    }
    const lines = FAULTS_HEADING.test(text) ? faultLinesIn(text).join('\n') : '';
    if (lines !== '' && last?.lines === lines && now() - last.at < withinMs) {
      held = undefined;
      return;
    }
    if (lines !== '') last = {lines, at: now()};
    release();
    print(...args);
  };
  /** A compile or reload without faults: the next fault is news, even the same one. */
  const passed = () => {
    last = undefined;
  };
  return {error, passed};
}
