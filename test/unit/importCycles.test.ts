import path from 'node:path';
import madge from 'madge';
import {expect, it} from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

// Type imports count: a module that takes its types from the schema cannot also be a module the schema builds on.
it('src has no import cycle, type imports included', async () => {
  const graph = await madge(path.join(ROOT, 'src'), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    detectiveOptions: {ts: {skipTypeImports: false}, tsx: {skipTypeImports: false}},
  });
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
  expect(graph.circular()).toEqual([]);
});
