import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

/**
 * The Python the posts give readers, run as printed on the page, on fixtures
 * shaped like the broken and the fixed case: the lead post's check of a build
 * and its kill sketch, and the supply-chain post's check of a host.
 */

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');

/** The code block the post titles `title`, exactly as published. */
function codeBlock(post: string, title: string): string {
  const text = readFileSync(path.join(ROOT, 'blog', post), 'utf8');
  const start = text.indexOf(`\`\`\`python title="${title}"\n`);
  if (start === -1) throw new Error(`blog/${post} has no python code block titled ${title}`);
  const body = text.slice(text.indexOf('\n', start) + 1);
  return body.slice(0, body.indexOf('\n```'));
}

const LEAD_POST = 'prisma_reconnect_blocking_incident/index.mdx';

function python(script: string, args: string[] = []) {
  const result = spawnSync('python3', ['-', ...args], {input: script, encoding: 'utf8', timeout: 30_000});
  return {status: result.status, output: `${result.stdout}${result.stderr}`};
}

describe('the check "is my build fixed?"', () => {
  const check = codeBlock(LEAD_POST, 'check_prisma_fix.py');

  it('says NOT FIXED, with the calls, for code shaped like the reconnect before the fix', () => {
    const {status, output} = python(check, [path.join(FIXTURES, 'prisma-check/unfixed/litellm')]);
    expect(output).toMatch(/^NOT FIXED/);
    expect(output).toContain('utils.py:8 _do_direct_reconnect() calls .disconnect()');
    expect(output).toContain('prisma_client.py:9 recreate_prisma_client() calls .disconnect()');
    expect(status).toBe(1);
  });

  it('says FIXED for code shaped like the fix, whose docstring still mentions disconnect()', () => {
    const fixedSource = readFileSync(
      path.join(FIXTURES, 'prisma-check/fixed/litellm/proxy/db/prisma_client.py'),
      'utf8',
    );
    expect(fixedSource).toContain('disconnect()'); // the trap a plain text search falls into
    const {status, output} = python(check, [path.join(FIXTURES, 'prisma-check/fixed/litellm')]);
    expect(output).toBe(
      'FIXED: _do_direct_reconnect, recreate_prisma_client reconnect without calling .disconnect()\n',
    );
    expect(status).toBe(0);
  });

  it('says it cannot tell where the reconnect function is missing', () => {
    const {status, output} = python(check, [path.join(FIXTURES, 'prisma-check/no-such-package')]);
    expect(output).toMatch(/^UNKNOWN: no recreate_prisma_client/);
    expect(status).toBe(2);
  });
});

describe('the kill sketch', () => {
  it('stops an engine that ignores SIGTERM, and does not raise for one already gone or absent', () => {
    const harness = `${codeBlock(LEAD_POST, 'stop_engine_sketch.py')}

import subprocess, sys

gone = subprocess.Popen([sys.executable, "-c", "pass"])
gone.wait()
asyncio.run(stop_engine(gone.pid))
asyncio.run(stop_engine(None))

stubborn = subprocess.Popen(
    [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(30)"],
    stdout=subprocess.PIPE,
)
stubborn.stdout.readline()
asyncio.run(stop_engine(stubborn.pid, grace_seconds=0.2))
print("killed by signal", -stubborn.wait(timeout=5))
`;
    const {status, output} = python(harness);
    expect(output).toBe(`killed by signal 9\n`);
    expect(status).toBe(0);
  });
});

describe('the check "was a compromised release installed here?"', () => {
  const check = codeBlock('security_update_march_2026/index.md', 'check_litellm_supply_chain.py');

  it('reports a compromised install and its .pth file', () => {
    const folder = path.join(FIXTURES, 'supply-chain-check/compromised');
    const {status, output} = python(check, [folder]);
    expect(output).toContain('litellm 1.82.8 is installed');
    expect(output).toContain('FOUND:\n- litellm 1.82.8 is a compromised release');
    expect(output).toContain(`- ${path.join(folder, 'litellm_init.pth')} exists`);
    expect(status).toBe(1);
  });

  it('clears an install of 1.82.6 with no .pth file', () => {
    const folder = path.join(FIXTURES, 'supply-chain-check/clean');
    const {status, output} = python(check, [folder]);
    expect(output).toBe(`litellm 1.82.6 is installed\nNo compromised litellm and no litellm_init.pth in: ${folder}\n`);
    expect(status).toBe(0);
  });
});
