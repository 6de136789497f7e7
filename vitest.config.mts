import {defineConfig} from 'vitest/config';

const siteAlias = {
  '@site': import.meta.dirname,
  // Docusaurus resolves its client exports by webpack alias; components under test import them by these names.
  '@docusaurus/Head': `${import.meta.dirname}/node_modules/@docusaurus/core/lib/client/exports/Head.js`,
  '@docusaurus/Link': `${import.meta.dirname}/node_modules/@docusaurus/core/lib/client/exports/Link.js`,
};

// The lab measures event-loop stalls, so it runs alone, first; then everything else, three files at a time: the
// browser tests mostly wait for pages to go quiet, which leaves the two cores to the builds beside them.
const alone = {maxWorkers: 1, sequence: {groupOrder: 0}};
const together = {maxWorkers: 3, sequence: {groupOrder: 1}};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          ...together,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        resolve: {alias: siteAlias},
        // tsconfig keeps JSX for Docusaurus' Babel; the tests compile it themselves.
        oxc: {jsx: {runtime: 'automatic'}},
        test: {
          name: 'component',
          ...together,
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'lab',
          ...alone,
          include: ['test/lab/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'site',
          ...together,
          include: ['test/site/**/*.test.ts'],
          environment: 'node',
          // One production build, shared by every test that reads build/.
          globalSetup: ['test/support/buildSite.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Islands and Pagefind answer in well under a second on a quiet machine, but these run beside builds on
          // two cores; a poll fails only when the answer never comes, so it may wait as long as a reader would.
          expect: {poll: {timeout: 20_000}},
        },
      },
    ],
  },
});
