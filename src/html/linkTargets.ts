/**
 * Where a link in a post may lead. One rule for every link a post can write
 * (source URLs, Markdown and HTML links, component data), so none is the one
 * that forgot. Plain TypeScript: the build and the replay island share it.
 */

/**
 * Why a link target cannot be published as written, or undefined. Allowed: a
 * path on this site, an #anchor, https (and http) and mailto. Browsers drop
 * tabs and newlines from URLs and read "\" as "/", so "java\tscript:" counts as
 * javascript: and "/\host" as "//host", another site.
 */
export function linkTargetFault(target: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what browsers drop from URLs
  const url = target.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^[/\\]{2}/.test(url))
    return 'starts with "//" or "/\\", which leads to another site; write https:// and the host';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === 'mailto') return undefined;
  if (scheme !== 'https' && scheme !== 'http')
    return `uses ${scheme}:, which is not a link; links are paths, #anchors, https: or mailto:`;
  return hostFault(target);
}

/** A web address whose host is not what it seems: a user name before it, or an internationalised name. */
function hostFault(target: string): string | undefined {
  if (/\s/.test(target)) return 'holds whitespace';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'is not a complete address';
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    target
      .slice(url.protocol.length + 2)
      .split(/[/?#]/)[0]
      .includes('@')
  ) {
    return 'names a user before the host (the part before "@" hides where the link really goes)';
  }
  if (url.hostname.split('.').some((label) => label.startsWith('xn--')))
    return 'has an internationalised host name, which can imitate another; write the host in ASCII';
  return undefined;
}
