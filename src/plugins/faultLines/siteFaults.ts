import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {isFaultError} from '../../faults/fault';

/**
 * Under `npm start`, a fault outside any post's text (blog/components.yml, tags.yml, authors.yml, a lab recording)
 * stops the site from reloading, and the dev server then keeps serving the last good pages with no sign in the
 * browser. So the fault lines are also written to a module the dev-only siteFaultsOverlay.ts imports: the bundler
 * watches it whether or not the site reloads, so each change of it reloads the page, which shows them, or no longer
 * does. (A static file would not do: the dev server keeps serving its last copy until something else recompiles.)
 * The build removes it.
 */
export const SITE_FAULTS_MODULE = '.generated/site-faults.json';

/** The faults shown now, by step; none where none is shown. */
function shownSteps(siteDir: string): Record<string, string[]> {
  try {
    return JSON.parse(readFileSync(path.join(siteDir, SITE_FAULTS_MODULE), 'utf8')).steps ?? {};
  } catch {
    return {};
  }
}

/** Whether the site shows a fault outside the posts' text now. */
export const showsSiteFaults = (siteDir: string) => Object.values(shownSteps(siteDir)).flat().length > 0;

/**
 * Runs `load` (a plugin's step, named by `step`, synchronous or not), first clearing the faults it showed; a
 * FaultError it throws is shown, then rethrown. Each step's faults are kept apart, so one step that loads cleanly
 * leaves another's shown.
 */
export function showingSiteFaults<T>(siteDir: string, step: string, load: () => T): T {
  const file = path.join(siteDir, SITE_FAULTS_MODULE);
  const development = process.env.NODE_ENV === 'development';
  const show = (lines: readonly string[]) => {
    const steps = shownSteps(siteDir);
    steps[step] = [...lines];
    mkdirSync(path.dirname(file), {recursive: true});
    writeFileSync(file, JSON.stringify({lines: Object.values(steps).flat(), steps}));
  };
  if (development) show([]);
  else rmSync(file, {force: true});
  const shown = (error: unknown) => {
    if (development && isFaultError(error)) show(error.message.split('\n'));
    return error;
  };
  try {
    const result = load();
    // A step that loads asynchronously fails by rejecting.
    return result instanceof Promise
      ? (result.catch((error: unknown) => {
          throw shown(error);
        }) as T)
      : result;
  } catch (error) {
    throw shown(error);
  }
}
