import {createHash} from 'node:crypto';
import {parse} from 'node-html-parser';

/**
 * The Content-Security-Policy allows scripts only from the site's origin plus
 * the exact inline scripts Docusaurus emits (its colour-mode bootstrap), by
 * hash, so no 'unsafe-inline' is needed for scripts.
 */

/** CSP hash sources of the executable inline scripts of one HTML page. */
export function inlineScriptHashes(html: string): string[] {
  return parse(html)
    .querySelectorAll('script:not([src])')
    .filter((script) => {
      const type = script.getAttribute('type');
      // Data blocks such as JSON-LD are not executed, so CSP does not govern them.
      return type === undefined || type === '' || /^(text|application)\/javascript$|^module$/.test(type);
    })
    .map((script) => `'sha256-${createHash('sha256').update(script.rawText, 'utf8').digest('base64')}'`);
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
