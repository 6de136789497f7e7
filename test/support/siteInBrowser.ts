import type {Browser} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';

import {launchChromium} from './chromium';
import {serveBuildLikeVercel, type VercelServer} from '../../deploy/serveBuildOutput';

export type SiteInBrowser = {browser: Browser; server: VercelServer};

/** Chromium and the build served like Vercel, opened before a suite's tests and closed after them. */
export function openSiteInBrowser(): SiteInBrowser {
  const site = {} as SiteInBrowser;
  beforeAll(async () => {
    site.browser = await launchChromium();
    site.server = await serveBuildLikeVercel();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
