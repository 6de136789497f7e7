import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse, type DefaultTreeAdapterTypes} from 'parse5';

/**
 * The built site's HTML as parse5 trees: what the build's own checks read
 * (links, inline scripts), parsed as a browser would, never matched by regex.
 */

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function textOf(element: Element): string {
  return element.childNodes
    .map((child) => ('value' in child ? child.value : 'tagName' in child ? textOf(child) : ''))
    .join('');
}

export type BuiltPage = {
  /** The file under the build folder, e.g. "blog/x.html". */
  file: string;
  /** The URL path it is served at with clean URLs, e.g. "/blog/x". */
  urlPath: string;
  document: DefaultTreeAdapterTypes.Document;
};

/** "index.html" → "/", "blog/x.html" → "/blog/x", "tags/index.html" → "/tags". */
export function urlPathOf(file: string): string {
  const clean = file
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '')
    .replace(/\.html$/, '');
  return `/${clean}`;
}

/**
 * Each built page, parsed one at a time as the caller asks for it: a check
 * keeps what it needs of a page and drops the tree, so memory stays flat
 * however many pages the site has.
 */
export function* builtPages(outDir: string): Generator<BuiltPage> {
  const files = readdirSync(outDir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.html'));
  for (const file of files.sort())
    yield {file, urlPath: urlPathOf(file), document: parse(readFileSync(path.join(outDir, file), 'utf8'))};
}
