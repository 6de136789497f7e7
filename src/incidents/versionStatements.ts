/**
 * What a post's version statements say, read for readers: whether a version
 * falls under a statement, and a statement in words. Plain TypeScript, shared
 * by the build and the version check in the browser.
 */
import type {VersionStatement} from './frontMatterSchema';
import {compareVersions, parseVersion, type Version} from './versions';
import {PACKAGES} from './vocabulary';

export type VersionMatch = 'affects' | 'may affect';

/**
 * Whether a statement covers `version`: listed exactly, or inside a stated
 * range (from a first affected version, up to a last affected one or the fix)
 * "affects"; below a stated fix or last affected version with no first one
 * "may affect". At or after the fix, or outside the range: undefined.
 * Exact versions with a fix and no range name every affected version: the
 * fix then closes the list, it does not open a range below itself.
 * `requires` is never read: a remedy's minimum version is not a fix.
 */
export function matchStatement(statement: VersionStatement, version: Version): VersionMatch | undefined {
  const parse = (text: string) => parseVersion(text)!; // statements are validated at build time
  const at = (text: string | undefined) => (text === undefined ? undefined : compareVersions(version, parse(text)));
  if (statement.affected?.some((exact) => at(exact) === 0)) return 'affects';
  const fromFirst = at(statement.first_affected);
  const toLast = at(statement.last_affected);
  const toFix = at(statement.fixed);
  if (toFix !== undefined && toFix >= 0) return undefined;
  if (statement.affected?.length && fromFirst === undefined && toLast === undefined) return undefined;
  if (fromFirst !== undefined) return fromFirst >= 0 && (toLast === undefined || toLast <= 0) ? 'affects' : undefined;
  if (toLast !== undefined) return toLast === 0 ? 'affects' : toLast < 0 ? 'may affect' : undefined;
  return toFix !== undefined ? 'may affect' : undefined;
}

/**
 * "PyPI litellm: affected 1.82.7, 1.82.8", "PyPI litellm: first affected not stated, fixed in 1.82.3",
 * "LiteLLM release (package not stated): the remedy requires 1.82.3 or later": one statement in words.
 */
export function describeStatement(statement: VersionStatement): string {
  const parts: string[] = [];
  if (statement.affected) parts.push(`affected ${statement.affected.join(', ')}`);
  const {first_affected: first, last_affected: last, fixed} = statement;
  if (first && last) parts.push(`affected ${first} to ${last}`);
  else if (first) parts.push(`affected from ${first}`);
  else if (last) parts.push(`affected up to ${last}, first affected not stated`);
  else if (fixed && !statement.affected) parts.push('first affected not stated');
  if (fixed) parts.push(`fixed in ${fixed}`);
  if (statement.requires) parts.push(`the remedy requires ${statement.requires} or later`);
  return `${PACKAGES[statement.package]}: ${parts.join(', ')}`;
}

/** Whether a statement says anything about affected or fixed versions, which the version check can use. */
export function statesAffectedOrFixed(statement: VersionStatement): boolean {
  return Boolean(statement.affected?.length || statement.first_affected || statement.last_affected || statement.fixed);
}
