import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {isFaultError} from '../../src/faults/fault';
import {COMPONENTS_FILE, parseComponents} from '../../src/incidents/components';

/** The lines parseComponents refuses `text` with. */
function refusal(text: string): string[] {
  try {
    parseComponents(text);
  } catch (error) {
    if (isFaultError(error)) return error.message.split('\n');
    throw error;
  }
  throw new Error('parseComponents accepted it');
}

describe('parseComponents', () => {
  it('reads the committed list', () => {
    const components = parseComponents(readFileSync(path.resolve(__dirname, '../..', COMPONENTS_FILE), 'utf8'));
    expect(components['cost-tracking']).toEqual({label: 'Cost tracking', description: expect.any(String)});
  });

  it.each([
    ['a list instead of a mapping', '- auth', '1: must map component names to {label, description}'],
    [
      'a name with capitals',
      'db:\n  label: DB\n  description: x\nAuth:\n  label: Auth\n  description: x',
      '4: Auth: must be lower-case words joined by dashes',
    ],
    ['an entry without a label', 'auth:\n  description: x', '1: auth: needs a label and a description'],
    [
      'markup in a label',
      'auth:\n  label: "Auth<img src=x onerror=alert(1)>"\n  description: x',
      '2: auth.label: must be plain text but holds markup at "<img',
    ],
    [
      'a component written twice',
      'auth:\n  label: Auth\n  description: x\ndb:\n  label: DB\n  description: y\nauth:\n  label: Auth\n  description: z',
      '7:1: "auth" is written twice in one mapping, here and on line 1; keep one of the two entries',
    ],
    ['a line YAML cannot read', 'auth:\n  label: [Auth\n  description: x', '3:3: is not valid YAML (missed comma'],
  ])('refuses %s, naming the file and the line', (_name, text, message) => {
    expect(refusal(text)).toEqual([expect.stringContaining(`${COMPONENTS_FILE}:${message}`)]);
  });

  it('names every malformed entry at once', () => {
    expect(refusal('auth:\n  label: Auth\nDb:\n  label: DB\n  description: y')).toEqual([
      `${COMPONENTS_FILE}:1: auth: needs a label and a description`,
      `${COMPONENTS_FILE}:3: Db: must be lower-case words joined by dashes`,
    ]);
  });
});
