/**
 * `npm run new-incident -- <slug> [--live]`: creates blog/<folder>/index.md from the
 * scaffold, dated today, and says what to do next. Asks nothing. With --live, the incident is still running: it
 * opens with one investigating update stamped now, and no post-mortem sections yet.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {KEBAB_CASE} from '../incidents/frontMatterFields';
import {isFaultError} from '../faults/fault';
import {folderFor, postUrlFaults, type PostUrls, readPostUrls} from '../site/redirects';
import {scaffoldPost, stampNow} from './scaffold';

const root = path.resolve(__dirname, '../..');
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};

const usage = 'usage: npm run new-incident -- <slug> [--live], the slug in lower-case words joined by dashes';
// A slug never starts with a dash, so whatever does is an option, never a word of the slug.
const options = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const unknownOptions = options.filter((option) => option !== '--live');
if (unknownOptions.length > 0) fail(`${usage}: the only option is --live; got ${unknownOptions.join(' ')}`);
const live = options.includes('--live');
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (args.length > 1)
  fail(
    `${usage}: takes one slug, got ${args.length} words; join them with dashes, e.g. ${args.join('-').toLowerCase()}`,
  );
const slug = args[0] ?? '';
if (!KEBAB_CASE.test(slug)) fail(`${usage} (e.g. redis-timeout-incident); got "${slug}"`);
const folder = folderFor(slug);
const file = path.join('blog', folder, 'index.md');
if (existsSync(path.join(root, 'blog', folder))) fail(`${path.dirname(file)} already exists; choose another slug`);
let posts: PostUrls[] = [];
try {
  posts = readPostUrls(root);
} catch (error) {
  // A post that cannot be read: its faults, one line each, are what to fix first.
  fail(isFaultError(error) ? `Fix these first:\n${error.message}` : String(error));
}
// A fault of the new post, or one naming it (a slug another post already holds).
const clash = postUrlFaults([...posts, {file, folder, slug}]).find(
  (fault) => fault.file === file || fault.message.includes(file),
);
if (clash) fail(`${clash.field}: ${clash.message}`);

mkdirSync(path.join(root, 'blog', folder), {recursive: true});
const now = new Date();
writeFileSync(
  path.join(root, file),
  scaffoldPost(slug, now.toISOString().slice(0, 10), live ? {now: stampNow(now)} : undefined),
);
console.log(`Created ${file}. Fill in the empty fields and every TO FILL; npm run check names each one still to fill.`);
