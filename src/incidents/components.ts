import {readFileSync} from 'node:fs';
import path from 'node:path';
import {load} from 'js-yaml';

import {KEBAB_CASE, readPlainText} from './frontMatterFields';

/** One entry of blog/components.yml: a short name of something that can break, for readers. */
export type Component = {label: string; description: string};
export type Components = Record<string, Component>;

export const COMPONENTS_FILE = 'blog/components.yml';

/** The components a post may list, by key; fails naming the file and the entry on a malformed one. */
export function parseComponents(text: string, file = COMPONENTS_FILE): Components {
  const raw = load(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${file}: must map component names to {label, description}`);
  for (const [key, entry] of Object.entries(raw)) {
    if (!KEBAB_CASE.test(key)) throw new Error(`${file}: "${key}" must be lower-case words joined by dashes`);
    const {label, description} = (entry ?? {}) as Partial<Component>;
    if (typeof label !== 'string' || label === '' || typeof description !== 'string' || description === '') {
      throw new Error(`${file}: "${key}" needs a label and a description`);
    }
    readPlainText(label, file, `${key}.label`);
    readPlainText(description, file, `${key}.description`);
  }
  return raw as Components;
}

export function readComponents(siteDir: string): Components {
  return parseComponents(readFileSync(path.join(siteDir, COMPONENTS_FILE), 'utf8'));
}
