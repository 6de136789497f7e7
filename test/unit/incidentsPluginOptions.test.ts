import {describe, expect, it} from 'vitest';

import {validateIncidentsPluginOptions} from '../../src/plugins/incidents/options';

const validate = (options: unknown) => validateIncidentsPluginOptions({options});

describe("the incidents plugin's options", () => {
  it('default to 50 rows a page', () => {
    expect(validate({})).toEqual({id: 'default', pageSize: 50});
    expect(validate(undefined)).toEqual({id: 'default', pageSize: 50});
  });

  it('take a page size of 3', () => {
    expect(validate({pageSize: 3})).toEqual({id: 'default', pageSize: 3});
  });

  it.each([0, -1, 2.5, '10', null])('refuse a page size of %j, naming the option and the fix', (pageSize) => {
    expect(() => validate({pageSize})).toThrow(
      `docusaurus.config.ts: options of the incidents plugin:\n- pageSize: must be a whole number of rows, 1 or more; got ${JSON.stringify(pageSize)}`,
    );
  });

  it('refuse a misspelt option, suggesting the one meant', () => {
    expect(() => validate({pagesize: 25})).toThrow(
      '- "pagesize" is not an option; did you mean "pageSize"? known options: id, pageSize',
    );
  });
});
