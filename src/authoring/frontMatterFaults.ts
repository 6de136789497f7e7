/**
 * Front-matter faults in the post's text: the line each field is written on,
 * and the one opening of a front-matter block the site reads.
 */
import path from 'node:path';

import {FaultError, type Fault} from '../faults/fault';
import {yamlFieldLine} from '../faults/yaml';
import {FRONT_MATTER_BLOCK} from '../incidents/frontMatterFields';

/**
 * The line of a post file where a front-matter field is written, or where it
 * belongs when it is missing; 1, the opening "---", when nothing of it is
 * written. The values themselves are read by Docusaurus' own parser.
 */
function frontMatterLine(fileText: string, field: string): number {
  const match = FRONT_MATTER_BLOCK.exec(fileText);
  const line = match ? yamlFieldLine(match[1], field) : undefined;
  return line === undefined ? 1 : line + 1;
}

/** A front-matter fault with the line its field is written on in the post's text; any other fault as it is. */
export function locateFault(fault: Fault, fileText: string | undefined): Fault {
  if (fault.line !== undefined || fault.field === undefined) return fault;
  return {...fault, line: fileText === undefined ? 1 : frontMatterLine(fileText, fault.field)};
}

/**
 * Docusaurus' front-matter reader (gray-matter) runs a block opened with
 * "---js" as JavaScript, at build time. Every post opens with "---" alone on
 * its first line, read as YAML; anything else fails, naming the file.
 */
export function refuseFrontMatterEngines(filePath: string, fileContent: string, siteDir: string): void {
  const first = fileContent.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (first.startsWith('---') && first.trim() !== '---') {
    throw new FaultError({
      file: path.relative(siteDir, filePath),
      line: 1,
      message: `front matter must open with "---" alone on its line, not "${first.slice(0, 20)}": other openings run code or another parser`,
    });
  }
}
