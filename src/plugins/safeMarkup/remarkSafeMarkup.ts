import {existsSync, lstatSync} from 'node:fs';
import path from 'node:path';
import type {Node, Parent, Root} from 'mdast';

import {FaultError, type Fault} from '../../faults/fault';
import {linkTargetFault} from '../../html/linkTargets';

type VFileLike = {path: string};
type EstreeNode = {type: string; [key: string]: unknown};
type Attribute = {type: string; name?: string; value?: unknown};
type MdxNode = Node & {name?: string | null; value?: string; url?: string; attributes?: Attribute[]};

/**
 * The HTML a post may write inside its text, and nothing else: structure and
 * emphasis, no scripts, frames, forms, embedded objects, styles or event
 * handlers. A post's text crosses a trust boundary (every pull request is
 * published as a preview), so anything outside this list fails the build.
 */
const ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'code',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'hr',
  'i',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
  'var',
]);
// No `id` (it could take a section's or a source's anchor) and no `class` (the theme's classes could turn a link
// into a full-page overlay, or dress text up as the site's own).
const ATTRIBUTES = new Set([
  'title',
  'lang',
  'dir',
  'href',
  'open',
  'colSpan',
  'colspan',
  'rowSpan',
  'rowspan',
  'scope',
  'start',
  'aria-label',
]);

/** Attributes refused even on the site's own components: they run script or carry styles the policy forbids. */
const NEVER = /^(on|dangerouslySetInnerHTML$|style$|srcdoc$|formaction$)/i;

/**
 * The site's components a post may use, listed in the README with their
 * props. Others (Island, the index's tables) take props a post could abuse.
 */
export const POST_COMPONENTS = ['LatencyReplay', 'ReconnectFlowDiagram'];

/** What a post may import: one of those components, or a lab recording beside the post. */
const IMPORT = new RegExp(
  `^import\\s+([A-Za-z_$][\\w$]*)\\s+from\\s+'(@site/src/components/(?:${POST_COMPONENTS.join('|')})|\\./[\\w.-]+\\.probes\\.json)';?$`,
);

/** True for an expression that is only comments, such as the truncate marker {/* truncate *\/}. */
const onlyComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';

/**
 * Data, not code: text, numbers, true/false/null, lists and objects of them,
 * and the names of JSON files the post imports. Anything else in braces
 * (a call, a function, JSX, a spread) would run at build time or in the page.
 */
function isData(node: EstreeNode, jsonImports: ReadonlySet<string>): boolean {
  switch (node.type) {
    case 'Literal':
      return (
        node.value === null ||
        (['string', 'number', 'boolean'].includes(typeof node.value) &&
          !(typeof node.value === 'string' && linkTargetFault(node.value)))
      );
    case 'TemplateLiteral':
      return (
        (node.expressions as unknown[]).length === 0 &&
        (node.quasis as {value: {cooked: string}}[]).every((quasi) => !linkTargetFault(quasi.value.cooked))
      );
    case 'UnaryExpression':
      return (
        node.operator === '-' &&
        (node.argument as EstreeNode).type === 'Literal' &&
        typeof (node.argument as EstreeNode).value === 'number'
      );
    case 'Identifier':
      return jsonImports.has(node.name as string);
    case 'ArrayExpression':
      return (node.elements as (EstreeNode | null)[]).every(
        (element) => element !== null && isData(element, jsonImports),
      );
    case 'ObjectExpression':
      return (node.properties as EstreeNode[]).every(
        (property) =>
          property.type === 'Property' &&
          property.kind === 'init' &&
          !property.computed &&
          !property.method &&
          !property.shorthand &&
          isData(property.value as EstreeNode, jsonImports),
      );
    default:
      return false;
  }
}

/** The expression inside an attribute's braces, from the estree MDX attaches to it. */
function attributeExpression(value: unknown): EstreeNode | undefined {
  const program = (value as {data?: {estree?: {body?: EstreeNode[]}}})?.data?.estree;
  const statement = program?.body?.length === 1 ? program.body[0] : undefined;
  return statement?.type === 'ExpressionStatement' ? (statement.expression as EstreeNode) : undefined;
}

type Imports = {components: ReadonlySet<string>; json: ReadonlySet<string>};

function faultsOf(node: MdxNode, imported: Imports): string[] {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      return node.url !== undefined && linkTargetFault(node.url)
        ? [`the link target "${node.url.slice(0, 40)}" ${linkTargetFault(node.url)}`]
        : [];
    case 'html':
      return onlyComments(String(node.value).replace(/^<!--([\s\S]*)-->$/, '/*$1*/'))
        ? []
        : ['raw HTML is not allowed here; write it in Markdown'];
    case 'mdxjsEsm':
      return String(node.value)
        .split('\n')
        .filter((line) => line.trim() !== '' && !IMPORT.test(line.trim()))
        .map(
          (line) =>
            `"${line.trim().slice(0, 60)}" is not allowed: a post may only import ${POST_COMPONENTS.join(' or ')} from @site/src/components/<Name>, or a lab recording (*.probes.json) beside it`,
        );
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return onlyComments(String(node.value))
        ? []
        : [
            `the expression {${String(node.value).trim().slice(0, 40)}} is not allowed: a post's text may hold comments in braces, not code`,
          ];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementFaults(node, imported);
    default:
      return [];
  }
}

function htmlElementFault(name: string): string | undefined {
  return ELEMENTS.has(name) ? undefined : `<${name}> is not allowed in a post (allowed: ${[...ELEMENTS].join(', ')})`;
}

function attributeNameFault(element: string, attribute: string, component: boolean): string | undefined {
  return NEVER.test(attribute) || (!component && !ATTRIBUTES.has(attribute))
    ? `<${element} ${attribute}> is not allowed: no event handlers, styles or unlisted attributes`
    : undefined;
}

function elementFaults({name, attributes = []}: MdxNode, imported: Imports): string[] {
  if (!name) return ['a fragment <> is not allowed; write the content without it'];
  const component = /^[A-Z]/.test(name);
  if (component && !imported.components.has(name))
    return [`<${name}> is not a component this post imports (allowed: ${POST_COMPONENTS.join(', ')})`];
  if (!component) {
    const fault = htmlElementFault(name);
    if (fault) return [fault];
  }
  return attributes.flatMap((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined)
      return [`<${name}> may not spread attributes ({...})`];
    const attr = attribute.name;
    const attributeFault = attributeNameFault(name, attr, component);
    if (attributeFault) return [attributeFault];
    const linkFault = typeof attribute.value === 'string' ? linkTargetFault(attribute.value) : undefined;
    if (linkFault)
      return [`<${name} ${attr}="${(attribute.value as string).slice(0, 40)}"> is not allowed: it ${linkFault}`];
    // Docusaurus rewrites Markdown links, not HTML ones: "./trace.csv" would be neither copied nor found.
    if (
      attr === 'href' &&
      typeof attribute.value === 'string' &&
      !/^\s*([/#]|[a-z][a-z0-9+.-]*:)/i.test(attribute.value)
    )
      return [
        `<${name} href="${attribute.value.slice(0, 40)}"> is not allowed: an HTML link is not rewritten by the build; write a path from the site root (/blog/…), or a Markdown link [text](./file)`,
      ];
    if (attribute.value === null || attribute.value === undefined || typeof attribute.value === 'string') return [];
    if (!component) return [`<${name} ${attr}={...}> is not allowed: HTML attributes take plain text`];
    const expression = attributeExpression(attribute.value);
    return expression && isData(expression, imported.json)
      ? []
      : [
          `<${name} ${attr}={...}> is not allowed: a component's attributes take text, numbers, lists and objects of them, or a JSON file the post imports`,
        ];
  });
}

/**
 * Runs before Docusaurus' own Markdown plugins, on what the author wrote:
 * fails the build, naming the file and each line, on HTML outside the
 * allowlist, an event handler or style attribute, a javascript: link (in HTML
 * or Markdown), code in braces (a component's attributes take data only), or
 * an import other than a post component or a JSON file beside the post. Each site component the post uses gets the post's file as `postFile`,
 * so its own errors can name it.
 */
export default function remarkSafeMarkup({siteDir}: {siteDir: string}) {
  return (tree: Root, vfile: VFileLike): void => {
    const file = path.relative(siteDir, vfile.path);
    const faults: Fault[] = [];
    const imported = {components: new Set<string>(), json: new Set<string>()};
    for (const node of tree.children as MdxNode[]) {
      if (node.type !== 'mdxjsEsm') continue;
      for (const line of String(node.value).split('\n')) {
        const match = IMPORT.exec(line.trim());
        if (match) (match[2].startsWith('@site/') ? imported.components : imported.json).add(match[1]);
        // A link in the pull request could bring in any file of the machine that builds it.
        const data = match?.[2].startsWith('./') ? path.join(path.dirname(vfile.path), match[2]) : undefined;
        if (data && existsSync(data) && lstatSync(data).isSymbolicLink())
          faults.push({
            file,
            line: node.position?.start.line ?? 1,
            message: `${match![2]} is a symbolic link; commit the file itself`,
          });
      }
    }
    const visit = (node: MdxNode) => {
      for (const fault of faultsOf(node, imported))
        faults.push({file, line: node.position?.start.line ?? 1, message: fault});
      // A component that fails on what the post gives it names the post: the build's own error names only the URL.
      if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        node.name &&
        imported.components.has(node.name)
      ) {
        node.attributes = [...(node.attributes ?? []), {type: 'mdxJsxAttribute', name: 'postFile', value: file}];
      }
      if ('children' in node) for (const child of (node as Parent).children) visit(child as MdxNode);
    };
    visit(tree as MdxNode);
    if (faults.length > 0) throw new FaultError(faults);
  };
}
