import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {COMPONENTS_FILE, parseComponents} from '../../src/incidents/components';

describe('parseComponents', () => {
  it('reads the committed list', () => {
    const components = parseComponents(readFileSync(path.resolve(__dirname, '../..', COMPONENTS_FILE), 'utf8'));
    expect(components['cost-tracking']).toEqual({label: 'Cost tracking', description: expect.any(String)});
  });

  it.each([
    ['a list instead of a mapping', '- auth', 'must map component names to {label, description}'],
    [
      'a name with capitals',
      'Auth:\n  label: Auth\n  description: x',
      '"Auth" must be lower-case words joined by dashes',
    ],
    ['an entry without a label', 'auth:\n  description: x', '"auth" needs a label and a description'],
    [
      'markup in a label',
      'auth:\n  label: "Auth<img src=x onerror=alert(1)>"\n  description: x',
      'auth.label must be plain text but holds markup at "<img',
    ],
  ])('refuses %s, naming the file', (_name, text, message) => {
    expect(() => parseComponents(text)).toThrow(`${COMPONENTS_FILE}: ${message}`);
  });
});
