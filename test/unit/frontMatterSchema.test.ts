import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020';
import {load} from 'js-yaml';
import {describe, expect, it} from 'vitest';

import {readComponents} from '../../src/incidents/components';
import {postFrontMatterJsonSchema} from '../../src/incidents/frontMatterSchema';

const ROOT = path.resolve(__dirname, '../..');
const posts = readdirSync(path.join(ROOT, 'blog'), {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map(({name}) => {
    const file = ['index.mdx', 'index.md'].map((f) => path.join(ROOT, 'blog', name, f)).find((f) => existsSync(f))!;
    return {name, frontMatter: load(readFileSync(file, 'utf8').split(/^---$/m)[1]) as Record<string, unknown>};
  });

describe("the published JSON Schema of front matter, generated from the build's own schema", () => {
  const validate = new Ajv2020({allErrors: true, strict: false}).compile(
    postFrontMatterJsonSchema('https://example.org', Object.keys(readComponents(ROOT))),
  );

  it.each(posts)('accepts the front matter of $name', ({frontMatter}) => {
    expect(validate(frontMatter), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses an unknown key, a severity that is not one, and a list where text belongs', () => {
    const broken = structuredClone(posts[0].frontMatter) as Record<string, Record<string, unknown>>;
    broken.update = {};
    broken.incident.severity = 'urgent';
    broken.title = ['x'] as never;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(
      expect.arrayContaining([' additionalProperties', '/incident/severity enum', '/title type']),
    );
  });
});
