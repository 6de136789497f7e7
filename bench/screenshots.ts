/**
 * `npm run screenshots`: after `npm run vercel:build`, full-page screenshots of every page the browser tests visit,
 * at 375 and 1280 px, light and dark, into test-results/screenshots/, for a reviewer's eyes. Not a test: what a
 * screenshot can show wrong, the browser tests assert (no sideways scroll, axe, the islands).
 */
import {mkdirSync} from 'node:fs';
import path from 'node:path';

import {pagesToVisit, visit} from '../test/support/browserPages';
import {launchChromium} from '../test/support/chromium';
import {serveBuildLikeVercel} from '../deploy/serveBuildOutput';

const OUT_DIR = path.resolve(__dirname, '../test-results/screenshots');
const fileName = (urlPath: string) => (urlPath === '/' ? 'home' : urlPath.slice(1).replaceAll('/', '_'));

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, {recursive: true});
  const browser = await launchChromium();
  const server = await serveBuildLikeVercel();
  try {
    for (const urlPath of pagesToVisit())
      for (const width of [375, 1280])
        for (const colorScheme of ['light', 'dark'] as const) {
          const v = await visit(browser, server.origin, urlPath, {viewport: {width, height: 900}, colorScheme});
          await v.page.screenshot({
            path: path.join(OUT_DIR, `${fileName(urlPath)}-${width}-${colorScheme}.png`),
            fullPage: true,
          });
          await v.close();
        }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`screenshots: ${OUT_DIR}`);
}

main().catch((error: Error) => {
  console.error(`npm run screenshots: ${error.message}`);
  process.exitCode = 1;
});
