import {spawnSync} from 'node:child_process';

import {chromiumPath, HOW_TO_GET_CHROMIUM} from './chromium';

/**
 * Runs before the tests: the browser tests need Chromium. Where it is missing
 * and we are root with apt, install Debian's package; otherwise stop with one
 * line saying how to get it.
 */
if (!chromiumPath()) {
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  console.error("Chromium not found: installing Debian's chromium with apt-get…");
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    if (
      spawnSync('apt-get', args, {stdio: 'inherit', env}).status !== 0 ||
      (args[0] === 'install' && !chromiumPath())
    ) {
      console.error(`apt-get ${args.join(' ')} failed. ${HOW_TO_GET_CHROMIUM}`);
      process.exit(1);
    }
  }
}
