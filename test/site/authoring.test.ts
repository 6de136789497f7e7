import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

import {copySite, type SiteCopy} from '../support/siteCopy';

const SLUG = 'redis-timeout-incident';
const FILE = 'blog/redis_timeout_incident/index.md';

let site: SiteCopy;
const newIncident = (slug: string) => spawnSync('npx', ['tsx', 'src/authoring/newIncident.ts', slug], {cwd: site.dir, encoding: 'utf8'});

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
    const named = [...firstBuild.matchAll(new RegExp(`${FILE}: front matter "([^"]+)"`, 'g'))].map((match) => match[1]);
    expect(named.sort()).toEqual(
      ['description', 'incident.components', 'incident.date', 'incident.duration', 'incident.severity', 'incident.status', 'incident.versions', 'sources[0].title', 'sources[0].url', 'title'].sort(),
    );
  });

  it('builds once the fields and the text are filled in', () => {
    site.edit(FILE, (text) =>
      text
        .replace('title: ""', 'title: "Redis timeouts stalled rate limiting"')
        .replace('description: ""', 'description: "For about an hour, rate-limited requests waited on Redis timeouts before being answered."')
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

  it('refuses a slug that is taken, malformed or one of the blog\'s own pages', () => {
    expect(newIncident(SLUG).stderr).toContain('blog/redis_timeout_incident already exists');
    expect(newIncident('vllm-embeddings-incident').stderr).toContain('blog/vllm_embeddings_incident already exists');
    expect(newIncident('tags').stderr).toContain('"tags" is the blog\'s own page /blog/tags');
    expect(newIncident('Redis Timeout').stderr).toContain('usage: npm run new-incident -- <slug>');
  });
});
