import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

/**
 * The Python the lead post gives readers, run as printed on the page: the
 * operator check, against code shaped like the reconnect before and after the
 * fix, and the kill sketch, against an engine that has already exited.
 */

const ROOT = path.resolve(__dirname, '../..');
const POST = readFileSync(path.join(ROOT, 'blog/prisma_reconnect_blocking_incident/index.mdx'), 'utf8');
const FIXTURES = path.join(ROOT, 'test/fixtures/prisma-check');

/** The code block the post titles `title`, exactly as published. */
function codeBlock(title: string): string {
  const start = POST.indexOf(`\`\`\`python title="${title}"\n`);
  if (start === -1) throw new Error(`the lead post has no python code block titled ${title}`);
  const body = POST.slice(POST.indexOf('\n', start) + 1);
  return body.slice(0, body.indexOf('\n```'));
}

function python(script: string, args: string[] = []) {
  const result = spawnSync('python3', ['-', ...args], {input: script, encoding: 'utf8', timeout: 30_000});
  return {status: result.status, output: `${result.stdout}${result.stderr}`};
}

describe('the check "is my build fixed?"', () => {
  const check = codeBlock('check_prisma_fix.py');

  it('says NOT FIXED, with the calls, for code shaped like the reconnect before the fix', () => {
    const {status, output} = python(check, [path.join(FIXTURES, 'unfixed/litellm')]);
    expect(output).toMatch(/^NOT FIXED/);
    expect(output).toContain('utils.py:8 _do_direct_reconnect() calls .disconnect()');
    expect(output).toContain('prisma_client.py:9 recreate_prisma_client() calls .disconnect()');
    expect(status).toBe(1);
  });

  it('says FIXED for code shaped like the fix, whose docstring still mentions disconnect()', () => {
    const fixedSource = readFileSync(path.join(FIXTURES, 'fixed/litellm/proxy/db/prisma_client.py'), 'utf8');
    expect(fixedSource).toContain('disconnect()'); // the trap a plain text search falls into
    const {status, output} = python(check, [path.join(FIXTURES, 'fixed/litellm')]);
    expect(output).toBe('FIXED: _do_direct_reconnect, recreate_prisma_client reconnect without calling .disconnect()\n');
    expect(status).toBe(0);
  });

  it('says it cannot tell where the reconnect function is missing', () => {
    const {status, output} = python(check, [path.join(FIXTURES, 'no-such-package')]);
    expect(output).toMatch(/^UNKNOWN: no recreate_prisma_client/);
    expect(status).toBe(2);
  });
});

describe('the kill sketch', () => {
  it('stops an engine that ignores SIGTERM, and does not raise for one already gone or absent', () => {
    const harness = `${codeBlock('stop_engine_sketch.py')}

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
