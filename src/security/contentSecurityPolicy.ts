import {createHash} from 'node:crypto';
import {parse, type DefaultTreeAdapterTypes} from 'parse5';

/**
 * The Content-Security-Policy allows scripts only from the site's origin plus
 * the exact inline scripts Docusaurus emits (its colour-mode bootstrap), by
 * hash, so no 'unsafe-inline' is needed for scripts.
 */

type Node = DefaultTreeAdapterTypes.Node;

function* elements(node: Node): Generator<DefaultTreeAdapterTypes.Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

/** CSP hash sources of the executable inline scripts of one HTML page (parsed as a browser would). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const element of elements(parse(html))) {
    if (element.tagName !== 'script' || element.attrs.some((a) => a.name === 'src')) continue;
    const type = element.attrs.find((a) => a.name === 'type')?.value ?? '';
    // Data blocks such as JSON-LD are not executed, so CSP does not govern them.
    if (type !== '' && !/^(text|application)\/javascript$|^module$/.test(type)) continue;
    const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
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
