import {createHash} from 'node:crypto';
import type {DefaultTreeAdapterTypes} from 'parse5';

import {attribute, elements, textOf} from '../html/builtHtml';

/**
 * The site's Content-Security-Policy: nothing is allowed unless listed. Scripts
 * come from the site's origin plus the exact inline scripts Docusaurus emits
 * (its colour-mode bootstrap), by hash; styles from the origin only, plus the
 * exact inline style attributes the theme still writes, by hash.
 */

/** The hashes of what the built pages hold inline, as src/security/inlineHashes.json stores them. */
export type InlineHashes = {scripts: string[]; styleAttributes: string[]};

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** CSP hash sources of one parsed page's executable inline scripts and its style attributes. */
export function inlineHashes(document: DefaultTreeAdapterTypes.Document): InlineHashes {
  const found: InlineHashes = {scripts: [], styleAttributes: []};
  for (const element of elements(document)) {
    const style = attribute(element, 'style');
    if (style !== undefined) found.styleAttributes.push(hashSource(style));
    if (element.tagName !== 'script' || attribute(element, 'src') !== undefined) continue;
    const type = attribute(element, 'type') ?? '';
    // Data blocks such as JSON-LD and island props are not executed, so CSP does not govern them.
    if (type !== '' && !/^(text|application)\/javascript$|^module$/.test(type)) continue;
    found.scripts.push(hashSource(textOf(element)));
  }
  return found;
}

/** The sources of one directive, e.g. directiveSources(csp, 'script-src'). */
export function directiveSources(csp: string, directive: string): string[] {
  const entry = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return entry ? entry.slice(1) : [];
}

export function contentSecurityPolicy({scripts, styleAttributes}: InlineHashes): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`,
    "style-src 'self'",
    // Hashes of style attributes only take effect with 'unsafe-hashes' (CSP Level 3); no other inline style runs.
    styleAttributes.length > 0 ? `style-src-attr 'unsafe-hashes' ${styleAttributes.join(' ')}` : "style-src-attr 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
