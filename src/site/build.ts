/**
 * `npm run build`: Docusaurus' production build, in two processes. The first
 * bundles with Rspack and exits (DOCUSAURUS_EXIT_AFTER_BUNDLING); the second
 * renders every page from those bundles and runs the plugins' postBuild
 * (DOCUSAURUS_SKIP_BUNDLING), both Docusaurus' own switches. Rspack keeps the
 * native memory of its compile until its process ends, so in one process the
 * rendering and the checks stacked on top of it. The bundling process also caps
 * V8's heap, which V8 otherwise grows as far as the machine lets it; the cap is
 * several times what a thousand posts use.
 *
 * Measured with a thousand synthetic posts (`npm run bench:scale`): a peak of
 * 2.5 GB in one process, 1.7 GB in two, for about 10 s more.
 */
import {spawnSync} from 'node:child_process';

import {FAULTS_HEADING, faultLinesIn, faultsToFix} from '../faults/fault';

const BUNDLING_HEAP_MB = 1024;
const args = process.argv.slice(2);

function docusaurusBuild(env: Record<string, string>): void {
  const {status, signal, stderr} = spawnSync('npx', ['docusaurus', 'build', ...args], {
    stdio: ['inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {...process.env, ...env},
  });
  if (status === 0) {
    process.stderr.write(stderr);
    return;
  }
  // Faults once each, as npm run check prints them; any other failure as Docusaurus reported it, stack and all.
  // A FaultError's stack starts "N faults to fix:"; without one, the lines that look like faults are not all there is.
  const faults = FAULTS_HEADING.test(stderr) ? faultLinesIn(stderr) : [];
  if (faults.length === 0) process.stderr.write(stderr);
  else console.error(`\n${faultsToFix(faults)}\n(npm run check lists the faults of every stage at once)\n`);
  process.exit(status ?? (signal ? 1 : 0));
}

docusaurusBuild({
  DOCUSAURUS_EXIT_AFTER_BUNDLING: 'true',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${BUNDLING_HEAP_MB}`.trim(),
});
docusaurusBuild({DOCUSAURUS_SKIP_BUNDLING: 'true'});
