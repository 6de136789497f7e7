import {createHash} from 'node:crypto';
import {parse} from 'parse5';

import {attribute, elements, textOf} from '../build/builtHtml';

/**
 * The Content-Security-Policy allows scripts only from the site's origin plus
 * the exact inline scripts Docusaurus emits (its colour-mode bootstrap), by
 * hash, so no 'unsafe-inline' is needed for scripts.
 */

/** CSP hash sources of the executable inline scripts of one HTML page (parsed as a browser would). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const element of elements(parse(html))) {
    if (element.tagName !== 'script' || attribute(element, 'src') !== undefined) continue;
    const type = attribute(element, 'type') ?? '';
    // Data blocks such as JSON-LD are not executed, so CSP does not govern them.
    if (type !== '' && !/^(text|application)\/javascript$|^module$/.test(type)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(textOf(element), 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The sources of one directive, e.g. scriptSources(csp, 'script-src'). */
export function directiveSources(csp: string, directive: string): string[] {
  const entry = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return entry ? entry.slice(1) : [];
}

/** The same policy with script-src holding 'self' and exactly these hashes. */
export function withScriptHashes(csp: string, hashes: readonly string[]): string {
  const sources = ["'self'", ...[...new Set(hashes)].sort()].join(' ');
  return csp
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.split(/\s+/)[0] === 'script-src' ? `script-src ${sources}` : part))
    .join('; ');
}
