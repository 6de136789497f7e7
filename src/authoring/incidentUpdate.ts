/**
 * `npm run incident:update -- <slug> [--status <state>] "<text>"`: appends a status update to the post's
 * incident.timeline, stamped now in UTC, then runs `npm run check`'s checks and says what to fix, if anything. Written
 * for the hour of an incident: one command, no editor, nothing asked. The entry goes in as text at the end of the
 * timeline, so the file's comments and layout stay as the author left them.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

import {isFaultError} from '../faults/fault';
import {readPostUrls} from '../site/redirects';
import {STATUSES} from '../incidents/vocabulary';
import {checkSite} from './checkPosts';
import {stampNow} from './scaffold';

const USAGE = `usage: npm run incident:update -- <slug> [--status ${STATUSES.join('|')}] "what is known now, cited [^id]"`;

/** The post's text with `entry` appended to its timeline, or why it cannot be. */
export function appendTimelineEntry(
  text: string,
  entry: {at: string; status?: string; body: string},
): {text: string} | {fault: string} {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^ {2}timeline:\s*(#.*)?$/.test(line));
  if (start === -1)
    return {fault: 'has no incident.timeline: open one with "  timeline:" under incident, or scaffold with --live'};
  // The block ends at the first line indented as little as the key itself (or less), blank lines aside.
  let end = start + 1;
  while (end < lines.length && (lines[end].trim() === '' || /^ {3,}/.test(lines[end])) && lines[end] !== '---') end++;
  while (end > start + 1 && lines[end - 1].trim() === '') end--;
  const indent = /^( *)- /.exec(lines.slice(start + 1, end).find((line) => /^ *- /.test(line)) ?? '')?.[1] ?? '    ';
  const added = [
    `${indent}- at: "${entry.at}"`,
    ...(entry.status ? [`${indent}  status: ${entry.status}`] : []),
    // JSON's quoting is YAML's double-quoted form.
    `${indent}  body: ${JSON.stringify(entry.body)}`,
  ];
  return {text: [...lines.slice(0, end), ...added, ...lines.slice(end)].join('\n')};
}

async function main(args: string[]): Promise<string> {
  // Options come before a lone "--"; after it, and in any argument with a space, everything is text ("--force was used").
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  const isOption = (arg: string) => /^--?[a-z][a-z-]*$/i.test(arg);
  const statusAt = options.indexOf('--status');
  const status = statusAt === -1 ? undefined : options[statusAt + 1];
  if (statusAt !== -1 && !STATUSES.includes(status as never))
    throw new Error(`${USAGE}\n--status must be one of ${STATUSES.join(', ')}; got ${status ?? 'nothing'}`);
  const unknownOptions = options.filter((arg, i) => isOption(arg) && i !== statusAt);
  if (unknownOptions.length > 0)
    throw new Error(`${USAGE}\nthe only option is --status; got ${unknownOptions.join(' ')}`);
  const rest = [
    ...options.filter((_, i) => statusAt === -1 || (i !== statusAt && i !== statusAt + 1)),
    ...(end === -1 ? [] : args.slice(end + 1)),
  ];
  if (rest.length !== 2)
    throw new Error(`${USAGE}\ngive the slug, then the update as one quoted text; got ${rest.length} arguments`);
  if (rest[1].trim() === '') throw new Error(`${USAGE}\nthe update's text is empty; write what is known now, cited`);
  const [slug, body] = rest;
  const root = path.resolve(__dirname, '../..');
  const post = readPostUrls(root).find((candidate) => candidate.slug === slug);
  if (!post) throw new Error(`no post has the slug "${slug}"; the slugs are in each post's front matter`);
  const file = path.join(root, post.file);
  const at = stampNow();
  const appended = appendTimelineEntry(readFileSync(file, 'utf8'), {at, status, body: body.trim()});
  if ('fault' in appended) throw new Error(`${post.file}: ${appended.fault}`);
  writeFileSync(file, appended.text);
  const {faults} = await checkSite(root);
  const added = `Added to ${post.file}: the update is stamped ${at}.`;
  if (faults.length === 0) return `${added} Every post checks out; commit and push to publish it.`;
  throw new Error(`${added} Fix these before it can publish:\n${faults.join('\n')}`);
}

main(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(isFaultError(error) || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
