/** A fault as the build and `npm run check` print it, `file:line: field: what is wrong`, at whatever line. */
export function fieldFault(file: string, field: string, fault: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Docusaurus indents the lines of an error's cause, and prefixes a Markdown one with "Cause: ".
  return new RegExp(`(?:^|\\s)${literal(file)}:\\d+: ${literal(field)}: ${literal(fault)}`, 'm');
}
