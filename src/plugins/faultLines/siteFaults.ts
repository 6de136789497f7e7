import {rmSync} from 'node:fs';
import path from 'node:path';

import {isFaultError} from '../../faults/fault';
import {GENERATED_STATIC_DIR, writeGeneratedFile} from '../generatedStatic';
import {SITE_FAULTS_FILE} from './siteFaultsOverlay';

/**
 * Under `npm start`, a fault outside any post (blog/components.yml, tags.yml, authors.yml) stops the site from
 * reloading, and the dev server then keeps serving the last good pages with no sign in the browser. So the fault
 * lines are also written here, a file the dev server serves at once, and siteFaultsOverlay.ts shows them over every
 * page until the next load succeeds. The build never writes it, and every load first empties it (or, in the build, removes it).
 */
/** Runs `load` (a plugin's step), first clearing the faults shown; a FaultError it throws is shown, then rethrown. */
export function showingSiteFaults<T>(siteDir: string, load: () => T): T {
  const development = process.env.NODE_ENV === 'development';
  // Emptied rather than removed under `npm start`: the dev server keeps serving a removed static file.
  const show = (lines: readonly string[]) => writeGeneratedFile(siteDir, SITE_FAULTS_FILE, JSON.stringify({lines}));
  if (development) show([]);
  else rmSync(path.join(siteDir, GENERATED_STATIC_DIR, SITE_FAULTS_FILE), {force: true});
  try {
    return load();
  } catch (error) {
    if (development && isFaultError(error)) show(error.message.split('\n'));
    throw error;
  }
}
