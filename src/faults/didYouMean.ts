/** "Did you mean" for a misspelt key: of a front-matter mapping, or of a plugin's options. */

/** Edit distance between two short keys, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known key an unknown one is likely a misspelling of, if any. */
export function nearestKey(unknown: string, known: readonly string[]): string | undefined {
  const [nearest] = [...known].sort((a, b) => editDistance(unknown, a) - editDistance(unknown, b));
  return nearest !== undefined && editDistance(unknown, nearest) <= Math.max(2, unknown.length / 3)
    ? nearest
    : undefined;
}

/** 'did you mean "nearest"? ' where a known key is a likely misspelling's target, else nothing. */
export function didYouMean(unknown: string, known: readonly string[]): string {
  const nearest = nearestKey(unknown, known);
  return nearest === undefined ? '' : `did you mean "${nearest}"? `;
}
