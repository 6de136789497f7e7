import {describe, expect, it} from 'vitest';

import {faultLinesOnly} from '../../src/plugins/faultLines';

describe('bundler errors under npm start and the build', () => {
  it("keep a post's fault lines alone, each once, and any other error as the bundler reported it", () => {
    const wrapped = {
      name: 'ModuleBuildError',
      message: [
        'Module build failed (from ./node_modules/@docusaurus/mdx-loader/lib/index.js):',
        'Error: MDX compilation failed for file "/tmp/site/blog/a/index.md"',
        'Cause: blog/a/index.md:57: the link to /blog/x leads to no post',
        'Details:',
        '1 fault to fix:',
        'blog/a/index.md:57: the link to /blog/x leads to no post',
        '    at compileToJSX (/tmp/site/node_modules/@docusaurus/mdx-loader/lib/utils.js:93:15)',
      ].join('\n'),
    };
    const other = {name: 'ModuleNotFoundError', message: "Can't resolve './missing' in '/tmp/site/src'"};
    const lookalike = {name: 'SyntaxError', message: 'src/a.ts:3: Unexpected token\n  2 | const a =\n> 3 | }'};
    expect(faultLinesOnly([wrapped, other, lookalike])).toEqual([
      {
        name: 'Fault',
        message: '1 fault to fix:\nblog/a/index.md:57: the link to /blog/x leads to no post',
        stack: '1 fault to fix:\nblog/a/index.md:57: the link to /blog/x leads to no post',
        hideStack: true,
      },
      other,
      lookalike,
    ]);
  });
});
