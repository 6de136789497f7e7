/**
 * The Vercel project's settings, compiled by the Vercel CLI. The build
 * command writes the whole deployment itself (.vercel/output: the files, the
 * routes, the headers and the post redirects, from src/site/buildOutput.ts),
 * which Vercel deploys as it is; nothing here adds routes of its own.
 */
export default {
  framework: null,
  installCommand: 'npm install',
  buildCommand: 'npm run build && npm run vercel:output',
};
