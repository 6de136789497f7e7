import {readFileSync} from 'node:fs';
import path from 'node:path';

import {type Fault, FaultError, faultCollector} from '../faults/fault';
import {loadYaml, yamlFieldLine} from '../faults/yaml';
import {KEBAB_CASE, readPlainText} from './frontMatterFields';

/** One entry of blog/components.yml: a short name of something that can break, for readers. */
export type Component = {label: string; description: string};
export type Components = Record<string, Component>;

export const COMPONENTS_FILE = 'blog/components.yml';

/** The components a post may list, by key; throws every malformed entry at once, each with its file and line. */
export function parseComponents(text: string, file = COMPONENTS_FILE): Components {
  const raw = loadYaml(text, file);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new FaultError({file, line: 1, message: 'must map component names to {label, description}'});
  const {check, faults} = faultCollector();
  const refuse = (fault: Omit<Fault, 'file'>) => faults.push({file, ...fault});
  for (const [key, entry] of Object.entries(raw)) {
    const line = yamlFieldLine(text, key);
    if (!KEBAB_CASE.test(key)) refuse({line, field: key, message: 'must be lower-case words joined by dashes'});
    const {label, description} = (entry ?? {}) as Partial<Component>;
    if (typeof label !== 'string' || label === '' || typeof description !== 'string' || description === '') {
      refuse({line, field: key, message: 'needs a label and a description'});
      continue;
    }
    for (const [name, value] of Object.entries({label, description})) {
      check(() => readPlainText(value, file, `${key}.${name}`));
    }
  }
  if (faults.length > 0)
    throw new FaultError(faults.map((fault) => ({...fault, line: fault.line ?? yamlFieldLine(text, fault.field!)})));
  return raw as Components;
}

export function readComponents(siteDir: string): Components {
  return parseComponents(readFileSync(path.join(siteDir, COMPONENTS_FILE), 'utf8'));
}
