/**
 * The routing of a Vercel Build Output API v3 directory (.vercel/output), as
 * its documentation describes it (https://vercel.com/docs/build-output-api/configuration):
 * `routes` run in order; a route matches when its `src` regex matches the
 * path (case-insensitively unless `caseSensitive`) and its `has` / `missing`
 * conditions hold; it adds its `headers`, answers with its `status`, rewrites
 * to its `dest`, and stops the phase unless it says `continue`. Then
 * `handle: filesystem` serves a static file (`overrides` give a file a clean
 * path); the routes after it run on a miss, and those after
 * `handle: error` on an error status.
 *
 * Only what `vercel build` compiles for this site is implemented; anything
 * else (another handle, `check`, `methods`, a header condition, ...) throws,
 * so a new kind of route shows up as a failing test, not a silent difference.
 */

export type ConditionValue = string | {eq?: string; pre?: string; suf?: string; re?: string};
export type Condition = {type: string; key?: string; value?: ConditionValue};
export type Route = {
  src?: string;
  dest?: string;
  headers?: Record<string, string>;
  status?: number;
  continue?: boolean;
  caseSensitive?: boolean;
  has?: Condition[];
  missing?: Condition[];
  handle?: string;
};
export type BuildOutputConfig = {version: number; routes?: Route[]; overrides?: Record<string, {path?: string}>};

export type Outcome = {
  status: number;
  /** Lower-case names, as HTTP treats them. */
  headers: Record<string, string>;
  /** The static file that answers, relative to static/; absent for a redirect. */
  file?: string;
};

const ROUTE_KEYS = new Set(['src', 'dest', 'headers', 'status', 'continue', 'caseSensitive', 'has', 'missing']);
const PHASES = ['filesystem', 'error'] as const;
type Phase = 'main' | (typeof PHASES)[number];

function phases(routes: readonly Route[]): Record<Phase, Route[]> {
  const grouped: Record<Phase, Route[]> = {main: [], filesystem: [], error: []};
  let phase: Phase = 'main';
  for (const route of routes) {
    if (route.handle !== undefined) {
      if (!(PHASES as readonly string[]).includes(route.handle))
        throw new Error(`route handle "${route.handle}" is not implemented by the test router`);
      phase = route.handle as Phase;
      continue;
    }
    const unknown = Object.keys(route).find((key) => !ROUTE_KEYS.has(key));
    if (unknown)
      throw new Error(`route key "${unknown}" (in ${JSON.stringify(route)}) is not implemented by the test router`);
    grouped[phase].push(route);
  }
  return grouped;
}

function conditionHolds(condition: Condition, host: string): boolean {
  if (condition.type !== 'host')
    throw new Error(`condition type "${condition.type}" is not implemented by the test router`);
  const value = condition.value;
  if (typeof value === 'string') return new RegExp(`^(?:${value})$`, 'i').test(host);
  if (value === undefined) throw new Error('a host condition needs a value');
  const unknown = Object.keys(value).find((operator) => !['eq', 'pre', 'suf', 're'].includes(operator));
  if (unknown) throw new Error(`condition operator "${unknown}" is not implemented by the test router`);
  const name = host.toLowerCase();
  return (
    (value.eq === undefined || name === value.eq.toLowerCase()) &&
    (value.pre === undefined || name.startsWith(value.pre.toLowerCase())) &&
    (value.suf === undefined || name.endsWith(value.suf.toLowerCase())) &&
    (value.re === undefined || new RegExp(value.re, 'i').test(host))
  );
}

/** The regex match of a route against a request, or null. */
function matchRoute(route: Route, path: string, host: string): RegExpExecArray | null {
  const match = new RegExp(route.src ?? '', route.caseSensitive ? '' : 'i').exec(path);
  if (!match) return null;
  if (!(route.has ?? []).every((condition) => conditionHolds(condition, host))) return null;
  if ((route.missing ?? []).some((condition) => conditionHolds(condition, host))) return null;
  return match;
}

/** `$1` and `$name` in a destination or header value, from the route's match. */
function substitute(template: string, match: RegExpExecArray): string {
  return template.replace(
    /\$(\d+|[A-Za-z_]\w*)/g,
    (_, ref: string) => (/^\d+$/.test(ref) ? match[Number(ref)] : match.groups?.[ref]) ?? '',
  );
}

/** The path with its percent-escapes decoded, or undefined where one is malformed ("/%"). */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

export function createRouter(config: BuildOutputConfig, fileExists: (file: string) => boolean) {
  const grouped = phases(config.routes ?? []);
  const servedAt = new Map(Object.entries(config.overrides ?? {}).map(([file, {path}]) => [path ?? file, file]));

  /**
   * The static file at a path: by the path its override gives, by its own name
   * (the compiled routes' dests use both), or a folder's index.html.
   */
  function staticFile(path: string): string | undefined {
    const name = decodePath(path)?.replace(/^\//, '');
    if (name === undefined) return undefined;
    const candidates = [servedAt.get(name), name, name === '' || name.endsWith('/') ? `${name}index.html` : undefined];
    return candidates.find((file): file is string => file !== undefined && file !== '' && fileExists(file));
  }

  /** Runs one phase's routes; returns a final answer, or the path to look up next. */
  function runPhase(
    routes: readonly Route[],
    start: {path: string; host: string},
    headers: Record<string, string>,
  ): Outcome | {path: string} {
    let path = start.path;
    for (const route of routes) {
      const match = matchRoute(route, path, start.host);
      if (!match) continue;
      for (const [key, value] of Object.entries(route.headers ?? {}))
        headers[key.toLowerCase()] = substitute(value, match);
      if (route.dest !== undefined) path = substitute(route.dest, match).replace(/^(?!\/)/, '/');
      if (route.status !== undefined) {
        return {status: route.status, headers, ...(route.dest !== undefined && {file: staticFile(path)})};
      }
      if (!route.continue) break;
    }
    return {path};
  }

  /** `request.path` is the raw request target's path, as sent, before any decoding. */
  return function routeRequest(request: {path: string; host: string}): Outcome {
    const headers: Record<string, string> = {};
    let outcome = runPhase(grouped.main, request, headers);
    // A path no decoding can read is a bad request, as Vercel's edge answers it, never an exception.
    if ('path' in outcome && decodePath(outcome.path) === undefined) outcome = {status: 400, headers};
    if ('path' in outcome) {
      const file = staticFile(outcome.path);
      outcome = file
        ? {status: 200, headers, file}
        : runPhase(grouped.filesystem, {...request, path: outcome.path}, headers);
    }
    if ('path' in outcome) outcome = {status: 404, headers};
    if (outcome.status >= 400) {
      const error = runPhase(grouped.error, request, outcome.headers);
      if ('status' in error && error.file) outcome = {...outcome, file: error.file};
    }
    return outcome;
  };
}
