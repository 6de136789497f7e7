/** The two sources the unit tests' example post declares: a product post-mortem and the pull request that fixed it. */
export const EXAMPLE_SOURCES = [
  {
    id: 'product-page',
    title: 'The product report',
    url: 'https://example.com/report',
    kind: 'product post-mortem',
    date: '2026-02-18',
  },
  {id: 'pr-1', title: 'The fix', url: 'https://example.com/pr/1', kind: 'pull request'},
];
