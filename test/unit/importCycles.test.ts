import path from 'node:path';
import madge from 'madge';
import {expect, it} from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

// Type imports count: a module that takes its types from the schema cannot also be a module the schema builds on.
// Parsing every module of src takes seconds beside a build: the default 5 s is no bound on it.
it('src has no import cycle, type imports included', {timeout: 60_000}, async () => {
  const graph = await madge(path.join(ROOT, 'src'), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    detectiveOptions: {ts: {skipTypeImports: false}, tsx: {skipTypeImports: false}},
  });
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
  expect(graph.circular()).toEqual([]);
});
