/**
 * HTML allows unquoted attribute values and unclosed void elements, `<img src=x onerror=alert(1)>`; JSX does not, so
 * MDX stops at them with a parse error about characters ("Unexpected character `x` before attribute value") before
 * the allowlist of remarkSafeMarkup can say what is wrong. Quoting the values and closing the element, on the same
 * line, lets MDX read the tag, and the allowlist name it with every other fault of the post: `<img> is not allowed`.
 * Code, front matter and braces are left as they are.
 */

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** One tag, with its unquoted values quoted and a void element closed; as it was if a value holds a quote. */
function asJsx(tag: string, element: string, attributes: string): string {
  if (!/[^\s=/]+=[^\s"'{]/.test(attributes)) return tag;
  const quoted = attributes.replace(/([^\s=/]+)=([^\s"'{][^\s>]*)/g, (whole, name: string, value: string) =>
    /["'`]/.test(value) ? whole : `${name}="${value}"`,
  );
  const closed = VOID_ELEMENTS.has(element) && !quoted.trimEnd().endsWith('/') ? `${quoted.trimEnd()} /` : quoted;
  return `<${element}${closed}>`;
}

export function quoteUnquotedAttributes(text: string): string {
  const lines = text.split('\n');
  let inFrontMatter = lines[0] === '---';
  let fence: string | undefined;
  return lines
    .map((line, index) => {
      if (inFrontMatter) {
        if (index > 0 && line === '---') inFrontMatter = false;
        return line;
      }
      const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) {
        fence = fence === undefined ? fenceMark : undefined;
        return line;
      }
      if (fence !== undefined) return line;
      // Tags only in prose: not in code spans, nor in braces, where a component's attribute may hold a string with a tag.
      return line
        .split(/((`+)[\s\S]*?\2|\{(?:[^{}]|\{[^{}]*\})*\})/)
        .map((part, i) =>
          i % 3 === 0 && part !== undefined
            ? part.replace(/<([a-z][a-z0-9]*)(\s[^<>]*)>/g, (tag, element: string, attributes: string) =>
                asJsx(tag, element, attributes),
              )
            : part,
        )
        .filter((_, i) => i % 3 !== 2)
        .join('');
    })
    .join('\n');
}
