/**
 * Hardening of the routes `vercel build` compiles from vercel.ts
 * (.vercel/output/config.json), applied by `npm run vercel:build` before
 * anything is deployed or tested:
 *
 * - The header routes (security headers, caching, preview noindex) move to
 *   the front. Vercel compiles them after the redirects, and a redirect ends
 *   routing, so redirects went out without HSTS, nosniff or CSP.
 * - A path starting with "//" or "/\" is answered 404 before the compiled
 *   trailing-slash rule, which would otherwise send "//evil.example/" to the
 *   protocol-relative Location "//evil.example", another site.
 * - A path with a "%" not followed by two hex digits is answered 400: it is
 *   not a path at all.
 */

export type CompiledRoute = {src?: string; dest?: string; headers?: Record<string, string>; status?: number; continue?: boolean; handle?: string; [key: string]: unknown};

export const GUARD_ROUTES: CompiledRoute[] = [
  {src: '^/[/\\\\]', status: 404, dest: '/404'},
  {src: '%(?![0-9A-Fa-f]{2})', status: 400},
];

const isHeaderRoute = (route: CompiledRoute) =>
  route.handle === undefined && route.continue === true && route.headers !== undefined && route.status === undefined && route.dest === undefined;

export function hardenRoutes(routes: readonly CompiledRoute[]): CompiledRoute[] {
  const firstHandle = routes.findIndex((route) => route.handle !== undefined);
  const main = firstHandle === -1 ? routes : routes.slice(0, firstHandle);
  const rest = firstHandle === -1 ? [] : routes.slice(firstHandle);
  return [...main.filter(isHeaderRoute), ...GUARD_ROUTES, ...main.filter((route) => !isHeaderRoute(route)), ...rest];
}
