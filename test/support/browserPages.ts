import type {Browser, BrowserContextOptions, Page} from 'playwright-core';

import {INCIDENT_POSTS, parseBuiltPage} from './builtSite';

/** Every page the browser tests visit: the home page, the index, one of its filtered views, search and every post it lists. */
export function pagesToVisit(): string[] {
  const posts = parseBuiltPage('/incidents')
    .querySelectorAll('table[data-incident-index] tbody th a')
    .map((a) => a.getAttribute('href')!);
  for (const {slug} of INCIDENT_POSTS)
    if (!posts.includes(`/blog/${slug}`)) throw new Error(`the index does not list /blog/${slug}`);
  return ['/', '/incidents', '/incidents/severity/high', '/search', ...posts];
}

export type PageVisit = {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  scriptUrls: string[];
  /** Every request's address, in order. */
  requestUrls: string[];
  /** What the Content-Security-Policy refused on the page so far, e.g. "style-src-attr inline". */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
};

/** Opens a page in a fresh context and records everything that went wrong while it loaded. */
export async function visit(
  browser: Browser,
  origin: string,
  urlPath: string,
  options: BrowserContextOptions = {},
): Promise<PageVisit> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, ...options});
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as {cspViolations: string[]}).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI || 'inline'}`),
    );
  });
  // Playwright's 30 s default was hit beside builds on two cores; the test's own timeout is the real bound.
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  const result: PageVisit = {
    page,
    consoleErrors: [],
    failedRequests: [],
    foreignRequests: [],
    scriptUrls: [],
    requestUrls: [],
    cspViolations: () => page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations),
    close: () => context.close(),
  };
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => result.consoleErrors.push(error.message));
  page.on('request', (request) => {
    result.requestUrls.push(request.url());
    if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:'))
      result.foreignRequests.push(request.url());
    if (request.resourceType() === 'script') result.scriptUrls.push(request.url());
  });
  page.on('requestfailed', (request) =>
    result.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) result.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(origin + urlPath, {waitUntil: 'networkidle'});
  return result;
}
