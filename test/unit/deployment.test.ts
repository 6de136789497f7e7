import {describe, expect, it} from 'vitest';

import {deploymentFromEnv, PRODUCTION_URL} from '../../src/site/deployment';

describe('deploymentFromEnv', () => {
  it('builds for production by default, locally too', () => {
    expect(deploymentFromEnv({})).toEqual({url: PRODUCTION_URL, preview: false});
    expect(deploymentFromEnv({VERCEL_ENV: 'production', VERCEL_URL: 'x-123.vercel.app'})).toEqual({
      url: PRODUCTION_URL,
      preview: false,
    });
  });

  it('gives a preview its own URL and marks it', () => {
    expect(deploymentFromEnv({VERCEL_ENV: 'preview', VERCEL_URL: 'incidents-git-fix-abc.vercel.app'})).toEqual({
      url: 'https://incidents-git-fix-abc.vercel.app',
      preview: true,
    });
  });

  it('refuses a preview without a usable VERCEL_URL', () => {
    expect(() => deploymentFromEnv({VERCEL_ENV: 'preview'})).toThrow('VERCEL_ENV=preview needs VERCEL_URL');
    expect(() => deploymentFromEnv({VERCEL_ENV: 'preview', VERCEL_URL: 'https://x.vercel.app/'})).toThrow(
      'VERCEL_URL must be a bare host name without scheme or path; got "https://x.vercel.app/"',
    );
  });
});
