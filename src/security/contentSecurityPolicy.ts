import {createHash} from 'node:crypto';
import type {DefaultTreeAdapterTypes} from 'parse5';

import {attribute, textOf} from '../html/builtHtml';

/**
 * The site's Content-Security-Policy: nothing is allowed unless listed. Scripts
 * come from the site's origin plus the one inline script the theme emits (its
 * colour-mode bootstrap), by hash; styles from the origin only, plus the one
 * inline style attribute the theme still writes (its hidden SVG sprite), by
 * hash. Hashes are taken only for inline code recognised below, never for
 * whatever a build happens to contain: a script a post smuggled in must fail
 * the build, not join the policy.
 */

/** The hashes of what the built pages hold inline, as src/security/inlineHashes.json stores them. */
export type InlineHashes = {scripts: string[]; styleAttributes: string[]};
export type InlineKind = keyof InlineHashes;

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

type Element = DefaultTreeAdapterTypes.Element;

/**
 * The inline code the site knowingly emits, each recognised by where the
 * theme puts it, a direct child of <body> before the app's root
 * (#__docusaurus), where no page content can be, and by what it is. A page
 * holds each at most once, and the whole site one version of each: a second
 * "colour-mode script" is an impostor, whatever it contains.
 */
const KNOWN_INLINE: {kind: InlineKind; name: string; is: (element: Element) => boolean}[] = [
  {
    kind: 'scripts',
    name: "the theme's colour-mode script",
    is: (element) => element.tagName === 'script' && textOf(element).includes('localStorage.getItem("theme")'),
  },
  {
    kind: 'styleAttributes',
    name: "the theme's hidden SVG sprite",
    is: (element) => element.tagName === 'svg' && attribute(element, 'style')?.replace(/\s/g, '') === 'display:none;',
  },
];

/** One inline script or style attribute of a page: its CSP hash, and what it is when the site knowingly emits it. */
export type InlineCode = {kind: InlineKind; hash: string; known?: string; excerpt: string};

/** Every executable inline script and style attribute of one parsed page. */
export function inlineCode(document: DefaultTreeAdapterTypes.Document): InlineCode[] {
  const found: InlineCode[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ParentNode, tagName: string) => {
    const children = node.childNodes.filter((child): child is Element => 'tagName' in child);
    const root = children.findIndex((child) => attribute(child, 'id') === '__docusaurus');
    children.forEach((child, i) => {
      const inThemeSlot = tagName === 'body' && root !== -1 && i < root;
      const known = (kind: InlineKind) =>
        inThemeSlot ? KNOWN_INLINE.find((entry) => entry.kind === kind && entry.is(child))?.name : undefined;
      const style = attribute(child, 'style');
      if (style !== undefined)
        found.push({
          kind: 'styleAttributes',
          hash: hashSource(style),
          known: known('styleAttributes'),
          excerpt: `<${child.tagName} style="${style.slice(0, 60)}">`,
        });
      const type = attribute(child, 'type') ?? '';
      // Data blocks such as JSON-LD and island props are not executed, so CSP does not govern them.
      if (
        child.tagName === 'script' &&
        attribute(child, 'src') === undefined &&
        (type === '' || /^(text|application)\/javascript$|^module$/.test(type))
      ) {
        found.push({
          kind: 'scripts',
          hash: hashSource(textOf(child)),
          known: known('scripts'),
          excerpt: `<script>${textOf(child).slice(0, 60)}`,
        });
      }
      visit(child.tagName === 'template' ? (child as DefaultTreeAdapterTypes.Template).content : child, child.tagName);
    });
  };
  visit(document, '#document');
  // A known item twice on one page: neither copy is trusted.
  for (const entry of KNOWN_INLINE) {
    const copies = found.filter((code) => code.known === entry.name);
    if (copies.length > 1) for (const code of copies) delete code.known;
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

/**
 * The policy of every response. `wasmPage` adds 'wasm-unsafe-eval' for the one
 * page that compiles WebAssembly, /search (Pagefind's index reader): it lets
 * the page compile WebAssembly from its own origin, and nothing else.
 */
export function contentSecurityPolicy({scripts, styleAttributes}: InlineHashes, {wasmPage = false} = {}): string {
  return [
    "default-src 'none'",
    `script-src 'self'${wasmPage ? " 'wasm-unsafe-eval'" : ''} ${scripts.join(' ')}`,
    "style-src 'self'",
    // Hashes of style attributes only take effect with 'unsafe-hashes' (CSP Level 3); no other inline style runs.
    styleAttributes.length > 0
      ? `style-src-attr 'unsafe-hashes' ${styleAttributes.join(' ')}`
      : "style-src-attr 'none'",
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
