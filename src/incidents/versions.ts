/**
 * LiteLLM versions as the product writes them, and their order: PyPI
 * releases (`1.82.7`), release tags with a pre-release (`v1.81.14.rc.2`) and
 * Docker tags with a channel suffix (`1.83.7-stable`, `v1.83.0-nightly`).
 * Plain TypeScript, shared by the build and the version check in the browser.
 */

/** Pre-releases come before their release, in this order (PEP 440's, with nightly builds before alphas). */
const PRE_RELEASES = ['dev', 'nightly', 'a', 'b', 'rc'] as const;
type PreRelease = (typeof PRE_RELEASES)[number];
const PRE_RELEASE_SPELLINGS: Record<string, PreRelease> = {
  dev: 'dev',
  nightly: 'nightly',
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  rc: 'rc',
  c: 'rc',
};

export type Version = {
  /** As written, for display. */
  text: string;
  release: number[];
  pre?: {kind: PreRelease; number: number};
};

// v?  1.83.7  [ . - ] rc [ . - ] 2   [-stable]
const VERSION = /^v?(\d+(?:\.\d+)*)(?:[.-]?(dev|nightly|alpha|beta|a|b|c|rc)(?:[.-]?(\d+))?)?(?:-stable)?$/i;

/** What a version looks like, for messages to readers and authors. */
export const VERSION_EXAMPLES = '1.82.7, v1.81.14.rc.2 or 1.83.7-stable';

/**
 * Parses a version, or returns undefined. `-stable` names the channel a
 * release is published on, not a different release: 1.83.7-stable is 1.83.7.
 */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const [, release, pre, preNumber] = match;
  return {
    text: text.trim(),
    release: release.split('.').map(Number),
    ...(pre && {pre: {kind: PRE_RELEASE_SPELLINGS[pre.toLowerCase()], number: Number(preNumber ?? 0)}}),
  };
}

/**
 * Why no LiteLLM release could carry this number, or undefined: releases have
 * exactly three numbers (1.82.7), none with a leading zero, none above 999.
 * "1.83" would otherwise be read silently as 1.83.0.
 */
export function implausibleRelease(version: Version): string | undefined {
  const numbers = /^v?(\d+(?:\.\d+)*)/.exec(version.text)![1].split('.');
  if (numbers.length !== 3)
    return `has ${numbers.length} release number${numbers.length === 1 ? '' : 's'}; a release has three (major.minor.patch)`;
  if (numbers.some((n) => n.length > 1 && n.startsWith('0'))) return 'has a number with a leading zero';
  if (numbers.some((n) => Number(n) > 999)) return 'has a number above 999, which no release has';
  return undefined;
}

/** Negative when a comes first, positive when b does, 0 when they are the same release. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (!a.pre || !b.pre) return (a.pre ? -1 : 0) - (b.pre ? -1 : 0);
  return PRE_RELEASES.indexOf(a.pre.kind) - PRE_RELEASES.indexOf(b.pre.kind) || a.pre.number - b.pre.number;
}

/** The packages a version statement can apply to, as a reader knows them. */
export const PACKAGES = {
  pypi: 'PyPI litellm',
  docker: 'Docker image ghcr.io/berriai/litellm',
  release: 'LiteLLM release (package not stated)',
} as const;
export type PackageKey = keyof typeof PACKAGES;

// What a source states about the versions an incident affected, as the front-matter schema reads it. A type only:
// the browser's version check uses these functions without the schema library.
export type {IncidentVersions, VersionStatement} from './frontMatterSchema';
import type {VersionStatement} from './frontMatterSchema';

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
