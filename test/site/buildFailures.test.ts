import {afterEach, describe, expect, it} from 'vitest';

import {copySite, type SiteCopy} from '../support/siteCopy';

const POST = 'blog/vllm_embeddings_incident/index.md';
let site: SiteCopy | undefined;
afterEach(() => site?.remove());

describe('the build refuses bad input with a readable message', () => {
  it('an unknown severity names the file and the field', () => {
    site = copySite();
    site.edit(POST, (text) => text.replace('severity: high', 'severity: urgent'));
    const {status, output} = site.build();
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${POST}: front matter "incident.severity" must be one of critical, high, medium, low, not-stated; got "urgent"`,
    );
  });

  it('a missing status names the file and the field', () => {
    site = copySite();
    site.edit(POST, (text) => text.replace(/^ {2}status: resolved\n/m, ''));
    const {status, output} = site.build();
    expect(status).not.toBe(0);
    expect(output).toContain(`${POST}: front matter "incident.status" must be one of`);
  });

  it('a measurement file whose summary does not match its probes names the file and the fault', () => {
    site = copySite();
    const recording = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';
    site.edit(recording, (text) => text.replace(/"maxMs": [\d.]+/, '"maxMs": 52.7'));
    const {status, output} = site.build();
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`${recording}: runs\\.before\\.summary\\.maxMs is 52\\.7 but the samples give [\\d.]+`));
  });

  it('a link to a page that does not exist fails the build', () => {
    site = copySite();
    site.edit(POST, (text) => text.replace('## Impact {#impact}', 'See [the old report](/blog/no-such-incident).\n\n## Impact {#impact}'));
    const {status, output} = site.build();
    expect(status).not.toBe(0);
    expect(output).toMatch(/broken link/i);
    expect(output).toContain('/blog/no-such-incident');
  });

  it('a link to a heading that does not exist fails the build', () => {
    site = copySite();
    site.edit(POST, (text) => text.replace('## Impact {#impact}', 'See [the cause](#no-such-section).\n\n## Impact {#impact}'));
    const {status, output} = site.build();
    expect(status).not.toBe(0);
    expect(output).toMatch(/broken anchor/i);
    expect(output).toContain('#no-such-section');
  });
});
