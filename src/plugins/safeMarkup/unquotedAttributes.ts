import {htmlElementFault, attributeNameFault} from './remarkSafeMarkup';

/**
 * HTML with an unquoted attribute value, `<img src=x onerror=…>`, is not JSX, so MDX refuses it with a parse error
 * about characters ("Unexpected character `x` before attribute value") before the allowlist of remarkSafeMarkup can
 * say what is wrong. This finds such tags in the text, outside code and front matter, and words them as the
 * allowlist would: the element or attribute that is not allowed, or else the value to quote.
 */
export function unquotedAttributeFaults(text: string): {line: number; message: string}[] {
  const lines = text.split('\n');
  const faults: {line: number; message: string}[] = [];
  let inFrontMatter = lines[0] === '---';
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    if (inFrontMatter) {
      if (index > 0 && raw === '---') inFrontMatter = false;
      return;
    }
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) {
      fence = fence === undefined ? fenceMark : undefined;
      return;
    }
    if (fence !== undefined) return;
    // Code spans and braces are not HTML: a component's attribute may hold a string with a tag in it.
    let prose = raw.replace(/(`+)[\s\S]*?\1/g, '');
    while (/\{[^{}]*\}/.test(prose)) prose = prose.replace(/\{[^{}]*\}/g, '');
    for (const [, element, attributes] of prose.matchAll(/<([a-z][a-z0-9]*)(\s[^<>]*)?>/g)) {
      const unquoted = [...(attributes ?? '').matchAll(/([^\s=/]+)=([^\s"'{][^\s>]*)/g)];
      if (unquoted.length === 0) continue;
      const [, attribute, value] = unquoted[0];
      faults.push({
        line: index + 1,
        message:
          htmlElementFault(element) ??
          attributeNameFault(element, attribute) ??
          `<${element} ${attribute}=${value.slice(0, 40)}>: quote the value, ${attribute}="${value.slice(0, 40)}"; MDX reads HTML as JSX, which takes quoted values only`,
      });
    }
  });
  return faults;
}
