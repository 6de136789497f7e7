/**
 * The whole Vercel deployment, compiled by the Vercel CLI (`vercel build`) into
 * .vercel/output/config.json, which the tests serve. TypeScript rather than
 * vercel.json so the production host, the post redirects and the policy's
 * hashes each come from their one place in the site.
 */
import {contentSecurityPolicy, type InlineHashes} from './src/security/contentSecurityPolicy';
import inlineHashes from './src/security/inlineHashes.json';
import {postRedirects} from './src/site/redirects';
import {PRODUCTION_URL} from './src/site/deployment';

const productionHost = new URL(PRODUCTION_URL).host;
const header = (key: string, value: string) => ({key, value});

export default {
  framework: 'docusaurus-2',
  installCommand: 'npm install',
  buildCommand: 'npm run build',
  outputDirectory: 'build',
  // Vercel serves "x.html" at "/x"; no trailing slash, as docusaurus.config.ts, so no URL redirects twice.
  cleanUrls: true,
  trailingSlash: false,
  redirects: postRedirects(process.cwd()),
  headers: [
    {
      source: '/(.*)',
      headers: [
        header('Content-Security-Policy', contentSecurityPolicy(inlineHashes as InlineHashes)),
        header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload'),
        header('X-Content-Type-Options', 'nosniff'),
        header('Referrer-Policy', 'strict-origin-when-cross-origin'),
        header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'),
        header('X-Frame-Options', 'DENY'),
        header('Cross-Origin-Opener-Policy', 'same-origin'),
        header('Cross-Origin-Resource-Policy', 'same-origin'),
        header('Cache-Control', 'public, max-age=0, must-revalidate'),
      ],
    },
    {
      // Everything under /assets has a content hash in its name.
      source: '/assets/(.*)',
      headers: [header('Cache-Control', 'public, max-age=31536000, immutable')],
    },
    {
      // Preview deployments (*.vercel.app other than the production host) stay out of search engines; a custom
      // domain is indexed whatever its name.
      source: '/(.*)',
      has: [{type: 'host', value: {suf: '.vercel.app'}}],
      missing: [{type: 'host', value: productionHost}],
      headers: [header('X-Robots-Tag', 'noindex, nofollow')],
    },
  ],
};
