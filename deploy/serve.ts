/**
 * `npm run serve`: the site exactly as it deploys, from .vercel/output (npm run vercel:build) routed as Vercel
 * routes it: redirects, security headers, clean URLs and the 404 page included, which `docusaurus serve` lacks.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';

import {OUTPUT_DIR, serveBuildLikeVercel} from './serveBuildOutput';

const PORT = Number(process.env.PORT ?? 3000);

if (!existsSync(path.join(OUTPUT_DIR, 'config.json'))) {
  console.error(`${path.relative(process.cwd(), OUTPUT_DIR)} holds no build: run npm run vercel:build first`);
  process.exit(1);
}
serveBuildLikeVercel({port: PORT}).then(
  ({origin}) => console.log(`Serving .vercel/output as Vercel would at ${origin}/`),
  (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `port ${PORT} is taken: stop what uses it, or set PORT=<another>` : error.message,
    );
    process.exit(1);
  },
);
