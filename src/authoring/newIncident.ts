/**
 * `npm run new-incident -- <slug>`: creates blog/<folder>/index.md from the
 * scaffold, dated today, and says what to do next. Asks nothing.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {KEBAB_CASE} from '../incidents/frontMatterFields';
import {postUrlFaults, readPostUrls} from '../site/redirects';
import {folderFor, scaffoldPost} from './scaffold';

const root = path.resolve(__dirname, '../..');
const slug = process.argv[2] ?? '';
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};

if (!KEBAB_CASE.test(slug))
  fail(
    `usage: npm run new-incident -- <slug>, the slug in lower-case words joined by dashes (e.g. redis-timeout-incident); got "${slug}"`,
  );
const folder = folderFor(slug);
const file = path.join('blog', folder, 'index.md');
if (existsSync(path.join(root, 'blog', folder))) fail(`${path.dirname(file)} already exists; choose another slug`);
const clash = postUrlFaults([...readPostUrls(root), {file, folder, slug}]).find(
  (fault) => fault.message.includes(file) || fault.message.includes(`"${slug}"`),
);
if (clash) fail(clash.message);

mkdirSync(path.join(root, 'blog', folder), {recursive: true});
writeFileSync(path.join(root, file), scaffoldPost(slug, new Date().toISOString().slice(0, 10)));
console.log(`Created ${file}. Fill in the empty fields and every TO FILL; npm run check names each one still to fill.`);
