import {existsSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {checkSite} from '../../src/authoring/checkPosts';
import {copySite, type SiteCopy} from '../support/siteCopy';

const SLUG = 'redis-timeout-incident';
const FILE = 'blog/redis_timeout_incident/index.md';

let site: SiteCopy;
const newIncident = (slug: string) =>
  spawnSync('npx', ['tsx', 'src/authoring/newIncident.ts', slug], {cwd: site.dir, encoding: 'utf8'});

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

  it('prints the same lines as the build for the same faults', () => {
    const {output} = checkSiteCopy.build();
    for (const line of String(check.stderr)
      .split('\n')
      .filter((l) => l.startsWith(POST)))
      expect(output).toContain(line);
  });
});
