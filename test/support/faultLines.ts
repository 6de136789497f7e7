/**
 * Where a fault's line starts in what the build or the check printed: Docusaurus indents the lines of an error's
 * cause, and prefixes a Markdown one with "Cause: ". Anchored, so a line printed inside another cannot pass.
 */
export const LINE_START = '(?:^\\s*|Cause: )';

/** A fault as the build and `npm run check` print it, `file:line: field: what is wrong`, at whatever line. */
export function fieldFault(file: string, field: string, fault: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${LINE_START}${literal(file)}:\\d+: ${literal(field)}: ${literal(fault)}`, 'm');
}
