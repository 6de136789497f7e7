/**
 * Where this build will be served, from Vercel's environment variables.
 * Production and local builds use the production domain; a preview deploy
 * uses its own URL and must not be indexed by search engines.
 */

export const PRODUCTION_URL = 'https://litellm-incidents.vercel.app';

export type Deployment = {url: string; preview: boolean};

export function deploymentFromEnv(env: Record<string, string | undefined>): Deployment {
  if (env.VERCEL_ENV !== 'preview') return {url: PRODUCTION_URL, preview: false};
  const host = env.VERCEL_URL?.trim();
  if (!host) {
    throw new Error('VERCEL_ENV=preview needs VERCEL_URL, the deployment host (e.g. incidents-git-fix-abc.vercel.app)');
  }
  if (!/^[a-z0-9.-]+$/i.test(host)) {
    throw new Error(`VERCEL_URL must be a bare host name without scheme or path; got "${host}"`);
  }
  return {url: `https://${host}`, preview: true};
}
