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

const PEP_440_PRE: Partial<Record<PreRelease, string>> = {a: 'a', b: 'b', rc: 'rc', dev: '.dev'};

/**
 * The version as PyPI names it (PEP 440's normal form: 1.82.7, 1.83.0rc1, 1.83.0.dev2), or undefined where PyPI has
 * no such release (a nightly build). OSV records compare PyPI versions as PyPI writes them.
 */
export function pypiVersion(version: Version): string | undefined {
  const release = version.release.join('.');
  if (!version.pre) return release;
  const pre = PEP_440_PRE[version.pre.kind];
  return pre === undefined ? undefined : `${release}${pre}${version.pre.number}`;
}
