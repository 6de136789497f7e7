import {existsSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {checkSite} from '../../src/authoring/checkPosts';
import {copySite, type SiteCopy} from '../support/siteCopy';

const SLUG = 'redis-timeout-incident';
const FILE = 'blog/redis_timeout_incident/index.md';

let site: SiteCopy;

const newIncident = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/authoring/newIncident.ts', ...args], {cwd: site.dir, encoding: 'utf8'});

beforeAll(() => {
  site = copySite();
});
afterAll(() => site?.remove());

describe('npm run new-incident', () => {
  let created: ReturnType<typeof newIncident>;
  let firstBuild = '';
  beforeAll(() => {
    created = newIncident(SLUG);
    firstBuild = site.build().output;
  });

  it('creates the post in a folder of its own, dated today', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created ${FILE}`);
    expect(site.read(FILE)).toContain(`date: "${new Date().toISOString().slice(0, 10)}"`);
  });

  it('leaves a post whose build names exactly the fields the author must fill', () => {
    const named = [...firstBuild.matchAll(new RegExp(`^\\s*${FILE}:\\d+: ([^:]+):`, 'gm'))].map((match) => match[1]);
    expect(named.sort()).toEqual(
      [
        'description',
        'incident.components',
        'incident.date',
        'incident.duration',
        'incident.severity',
        'incident.status',
        'incident.versions',
        'sources[0].title',
        'sources[0].url',
        'title',
        'what_to_do',
      ].sort(),
    );
  });

  it('builds once the fields and the text are filled in', () => {
    site.edit(FILE, (text) =>
      text
        .replace('title: ""', 'title: "Redis timeouts stalled rate limiting"')
        .replace(
          'description: ""',
          'description: "For about an hour, rate-limited requests waited on Redis timeouts before being answered."',
        )
        .replace('what_to_do: ""', 'what_to_do: "If you use Redis rate limiting, upgrade[^product-page]."')
        .replace(/ {4}title: ""/, '    title: "The product\'s own report"')
        .replace('url: ""', 'url: https://github.com/BerriAI/litellm-docs/blob/HEAD/blog/redis/index.md')
        .replace(/ {2}date: ""/, '  date: "2026-01-02"')
        .replace('duration: ""', 'duration: About an hour')
        .replace('severity: ""', 'severity: medium')
        .replace('status: ""', 'status: resolved')
        .replace('components: []', 'components: [database]')
        .replace('versions: ""', 'versions: not stated')
        .replaceAll(/TO FILL[^\n]*/g, 'Written from the product report[^product-page].'),
    );
    const {status, output} = site.build();
    expect(status, output).toBe(0);
    expect(existsSync(path.join(site.dir, 'build/blog', `${SLUG}.html`))).toBe(true);
  });

  it("refuses a slug that is taken, malformed or one of the blog's own pages", () => {
    expect(newIncident(SLUG).stderr).toContain('blog/redis_timeout_incident already exists');
    expect(newIncident('vllm-embeddings-incident').stderr).toContain('blog/vllm_embeddings_incident already exists');
    expect(newIncident('tags').stderr).toContain('"tags" is the blog\'s own page /blog/tags');
    expect(newIncident('Redis Timeout').stderr).toContain('usage: npm run new-incident -- <slug>');
    const longSlug = Array(30).fill('word').join('-');
    expect(newIncident(longSlug).stderr).toContain('slug: is 149 characters long; keep it to 100 or fewer');
    expect(existsSync(path.join(site.dir, 'blog', longSlug.replaceAll('-', '_')))).toBe(false);
  });

  it('refuses more than one word of arguments, suggesting them joined, and creates nothing', () => {
    const run = spawnSync('npx', ['tsx', 'src/authoring/newIncident.ts', 'redis', 'outage'], {
      cwd: site.dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('takes one slug, got 2 words; join them with dashes, e.g. redis-outage');
    expect(existsSync(path.join(site.dir, 'blog/redis_outage'))).toBe(false);
  });

  it('names an option it does not know, never suggesting it as a word of the slug, and creates nothing', () => {
    const run = newIncident('redis-outage', '--force');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the only option is --live; got --force');
    expect(run.stderr).not.toContain('redis-outage---force');
    expect(existsSync(path.join(site.dir, 'blog/redis_outage'))).toBe(false);
  });

  it.each(['search', '2026'])('scaffolds the one-word slug %s into a folder its redirect can use', async (slug) => {
    const run = newIncident(slug);
    expect(run.status, run.stderr).toBe(0);
    const file = `blog/${slug}_incident/index.md`;
    expect(run.stdout).toContain(`Created ${file}`);
    const {faults} = await checkSite(site.dir);
    const own = faults.filter((line) => line.startsWith(`${file}:`));
    expect(own.length).toBeGreaterThan(0);
    // Only the fields to fill: its slug, read as text, and its folder are fine.
    expect(own.filter((line) => /: slug[: ]/.test(line))).toEqual([]);
    rmSync(path.join(site.dir, path.dirname(file)), {recursive: true});
  });
});

describe('the live path: npm run new-incident -- <slug> --live, then npm run incident:update', () => {
  const LIVE = 'db-outage-incident';
  const LIVE_FILE = 'blog/db_outage_incident/index.md';
  const tsx = (script: string, args: string[]) =>
    spawnSync('npx', ['tsx', `src/authoring/${script}.ts`, ...args], {cwd: site.dir, encoding: 'utf8'});
  const ownFaults = async () => (await checkSite(site.dir)).faults.filter((line) => line.startsWith(LIVE_FILE));
  const stampedNow = (at: string) => Math.abs(Date.parse(at) - Date.now()) < 120_000;

  it('opens an incident with one investigating update stamped now in UTC, and no post-mortem sections', async () => {
    const run = tsx('newIncident', [LIVE, '--live']);
    expect(run.status, run.stderr).toBe(0);
    const text = site.read(LIVE_FILE);
    const at = /- at: "([^"]+)"/.exec(text)![1];
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(stampedNow(at)).toBe(true);
    expect(text).toContain('status: investigating');
    expect(text).not.toMatch(/^## Impact/m);
    site.edit(LIVE_FILE, (t) =>
      t
        .replace('title: ""', 'title: "Database connections refused"')
        .replace(
          'description: ""',
          'description: "Requests that need the database fail while the cause is investigated."',
        )
        .replace('what_to_do: ""', 'what_to_do: "If your proxy logs database errors, follow this page[^product-page]."')
        .replace(/ {4}title: ""/, '    title: "The product\'s status page"')
        .replace('url: ""', 'url: https://example.com/status')
        .replace(/ {2}date: ""/, `  date: "${new Date().toISOString().slice(0, 10)}"`)
        .replace('duration: ""', 'duration: Not stated')
        .replace(/ {4}duration: product-page.*\n/, '')
        .replace('severity: ""', 'severity: not-stated')
        .replace(/ {4}severity: product-page.*\n/, '')
        .replace('components: []', 'components: [database]')
        .replace('versions: ""', 'versions: not stated')
        .replace('body: ""', 'body: "Requests fail[^product-page]."')
        .replaceAll(/TO FILL[^\n]*/g, 'Requests that need the database fail[^product-page].'),
    );
    expect(await ownFaults()).toEqual([]);
  });

  it('appends an update stamped now, keeps the rest of the file, and runs the checks', async () => {
    const before = site.read(LIVE_FILE);
    const run = tsx('incidentUpdate', [LIVE, '--status', 'identified', 'The cause is found[^product-page].']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Added to ${LIVE_FILE}`);
    expect(run.stdout).toContain('Every post checks out');
    const after = site.read(LIVE_FILE);
    const added = after.replace(before.slice(0, before.indexOf('---\n\n')), '');
    const stamps = [...after.matchAll(/- at: "([^"]+)"/g)].map((match) => match[1]);
    expect(stamps).toHaveLength(2);
    expect(stampedNow(stamps[1])).toBe(true);
    expect(after).toContain('      status: identified\n      body: "The cause is found[^product-page]."');
    // Everything else as the author left it, comments included.
    expect(after.replace(/ {4}- at: "[^"]+"\n {6}status: identified\n {6}body: .*\n/, '')).toBe(before);
    expect(added.length).toBeGreaterThan(0);
    expect(await ownFaults()).toEqual([]);
  });

  it('refuses an unknown state, a missing text and an unknown slug, and names a fault the update brings', () => {
    expect(tsx('incidentUpdate', [LIVE, '--status', 'fixed', 'Done.']).stderr).toContain(
      '--status must be one of investigating, identified, monitoring, resolved; got fixed',
    );
    expect(tsx('incidentUpdate', [LIVE]).stderr).toContain('give the slug, then the update as one quoted text');
    expect(tsx('incidentUpdate', [LIVE, '--stat', 'identified', 'Text.']).stderr).toContain(
      'the only option is --status; got --stat',
    );
    expect(tsx('incidentUpdate', [LIVE, '-s', 'identified', 'Text.']).stderr).toContain(
      'the only option is --status; got -s',
    );
    expect(tsx('incidentUpdate', [LIVE, '   ']).stderr).toContain("the update's text is empty");
    expect(tsx('incidentUpdate', ['no-such-incident', 'Text.']).stderr).toContain(
      'no post has the slug "no-such-incident"',
    );
    // Text that starts with dashes is text, after "--" or where it holds a space.
    for (const args of [
      ['--', '--force-reset is the workaround[^product-page].'],
      ['--force was used[^product-page].'],
    ]) {
      const run = tsx('incidentUpdate', [LIVE, ...args]);
      expect(run.status, run.stderr).toBe(0);
      expect(site.read(LIVE_FILE)).toContain(`body: ${JSON.stringify(args.at(-1))}`);
    }
    const uncited = tsx('incidentUpdate', [LIVE, 'A workaround is known[^nope].']);
    expect(uncited.status).toBe(1);
    expect(uncited.stderr).toMatch(
      /blog\/db_outage_incident\/index\.md:\d+: incident\.timeline\[4\]\.body: cites "nope"/,
    );
    const unsourced = tsx('incidentUpdate', [LIVE, 'A workaround is known.']);
    expect(unsourced.stderr).toMatch(
      /blog\/db_outage_incident\/index\.md:\d+: incident\.timeline\[5\]\.body: cites no source/,
    );
    // The other tests check this copy's posts too.
    rmSync(path.join(site.dir, path.dirname(LIVE_FILE)), {recursive: true});
  });
});

describe('npm run check', () => {
  const POST = 'blog/vllm_embeddings_incident/index.md';
  let checkSiteCopy: SiteCopy;
  let check: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    checkSiteCopy = copySite();
    checkSiteCopy.edit(POST, (text) =>
      text
        .replace('severity: high', 'severity: urgent')
        .replace('components: [embeddings]', 'components: [embeddings, gpu]')
        .replace('date: "2026-02-18"\nauthors', 'date: "2026-02-30"\nauthors'),
    );
    checkSiteCopy.edit('blog/model_cost_map_incident/index.md', (text) =>
      text.replace('## Impact {#impact}', 'See [the cause](#no-such-section).\n\n## Impact {#impact}'),
    );
    check = spawnSync('npx', ['tsx', 'src/authoring/check.ts'], {cwd: checkSiteCopy.dir, encoding: 'utf8'});
  });
  afterAll(() => checkSiteCopy?.remove());

  /** The line of `file` that holds `needle`, counted from 1, found here independently of the check. */
  const lineOf = (file: string, needle: string) =>
    checkSiteCopy
      .read(file)
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1;

  it('reports several faults of one file at once, each with its file, line and field, once, and exits 1', () => {
    expect(check.status).toBe(1);
    const lines = String(check.stderr)
      .split('\n')
      .filter((line) => line.startsWith('blog/'));
    expect(lines).toEqual([
      `${POST}:${lineOf(POST, 'date: "2026-02-30"')}: date: must be a real calendar date written "YYYY-MM-DD"; got "2026-02-30"`,
      `${POST}:${lineOf(POST, 'severity: urgent')}: incident.severity: must be one of critical, high, medium, low, not-stated; got "urgent"`,
      expect.stringMatching(
        new RegExp(
          `^${POST}:${lineOf(POST, 'components: [embeddings, gpu]')}: incident.components: has "gpu", which is not in blog/components.yml`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^blog/model_cost_map_incident/index.md:${lineOf('blog/model_cost_map_incident/index.md', '#no-such-section')}: the link to #no-such-section points at no heading of this post`,
        ),
      ),
    ]);
    expect(String(check.stderr)).not.toMatch(/^\s+at /m);
  });

  it('passes on the committed posts', () => {
    const clean = spawnSync('npx', ['tsx', 'src/authoring/check.ts'], {cwd: site.dir, encoding: 'utf8'});
    expect(clean.status, String(clean.stderr)).toBe(0);
  });
});
