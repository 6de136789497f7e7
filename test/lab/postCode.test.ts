import {spawnSync} from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

/**
 * The code the posts give readers, run as printed on the page, on fixtures
 * shaped like the broken and the fixed case: the lead post's check of a build
 * and its kill sketch, and the supply-chain post's check of a host.
 */

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');

/** The code block the post titles `title`, exactly as published. */
function codeBlock(post: string, title: string, language = 'python'): string {
  const text = readFileSync(path.join(ROOT, 'blog', post), 'utf8');
  const start = text.indexOf(`\`\`\`${language} title="${title}"\n`);
  if (start === -1) throw new Error(`blog/${post} has no ${language} code block titled ${title}`);
  const body = text.slice(text.indexOf('\n', start) + 1);
  return body.slice(0, body.indexOf('\n```'));
}

const LEAD_POST = 'prisma_reconnect_blocking_incident/index.mdx';

/**
 * What Python 3.8 could not run in `source`, read with the newer interpreter's parser: syntax 3.8 lacks,
 * and annotations it evaluates at definition that need 3.9 (`list[int]`) or 3.10 (`int | None`).
 */
const PYTHON_38_PROBLEMS = `
import ast, sys
source = sys.stdin.read()
tree = ast.parse(source, feature_version=(3, 8))
postponed = any(
    isinstance(node, ast.ImportFrom) and node.module == "__future__" and any(a.name == "annotations" for a in node.names)
    for node in tree.body
)
annotations = []
for node in ast.walk(tree):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments = node.args
        for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]:
            if argument is not None and argument.annotation is not None:
                annotations.append(argument.annotation)
        if node.returns is not None:
            annotations.append(node.returns)
    elif isinstance(node, ast.AnnAssign):
        annotations.append(node.annotation)
for annotation in [] if postponed else annotations:
    for node in ast.walk(annotation):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in {"list", "dict", "tuple", "set", "frozenset", "type"}:
            print(f"line {node.lineno}: {node.value.id}[...] in an annotation needs Python 3.9")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            print(f"line {node.lineno}: X | Y in an annotation needs Python 3.10")
`;

/** Every Python block a post prints, by its title. */
function pythonBlocks(post: string): string[] {
  const text = readFileSync(path.join(ROOT, 'blog', post), 'utf8');
  return [...text.matchAll(/^```python title="([^"]+)"$/gm)].map((match) => match[1]);
}

function python(script: string, args: string[] = []) {
  const result = spawnSync('python3', ['-', ...args], {input: script, encoding: 'utf8', timeout: 30_000});
  return {status: result.status, output: `${result.stdout}${result.stderr}`};
}

describe('the Python the posts print', () => {
  it('runs on Python 3.8, as the posts say', () => {
    const posts = readdirSync(path.join(ROOT, 'blog'), {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => ['index.md', 'index.mdx'].map((name) => `${entry.name}/${name}`))
      .filter((post) => existsSync(path.join(ROOT, 'blog', post)));
    const blocks = posts.flatMap((post) => pythonBlocks(post).map((title) => ({post, title})));
    expect(blocks.map(({title}) => title)).toEqual(['stop_engine_sketch.py', 'check_prisma_fix.py']);
    for (const {post, title} of blocks) {
      const result = spawnSync('python3', ['-c', PYTHON_38_PROBLEMS], {
        input: codeBlock(post, title),
        encoding: 'utf8',
      });
      expect(`${result.stdout}${result.stderr}`, `blog/${post}, ${title}`).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('finds what Python 3.8 rejects', () => {
    const result = spawnSync('python3', ['-c', PYTHON_38_PROBLEMS], {
      input: 'def f(x: int | None) -> list[int]:\n    return [y := 1]\n',
      encoding: 'utf8',
    });
    expect(result.stdout).toBe(
      'line 1: X | Y in an annotation needs Python 3.10\nline 1: list[...] in an annotation needs Python 3.9\n',
    );
  });
});

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
  it('kills only an engine still alive after the grace period, and does not raise for one gone or absent', () => {
    const harness = `${codeBlock(LEAD_POST, 'stop_engine_sketch.py')}

import subprocess, sys, threading

sent = []
real_kill = os.kill
def recording_kill(pid, sig):
    sent.append(signal.Signals(sig).name if sig else "0")
    return real_kill(pid, sig)
os.kill = recording_kill

def engine(ignores_sigterm):
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN)" if ignores_sigterm else "import time"
    process = subprocess.Popen([sys.executable, "-c", code + "; print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE)
    process.stdout.readline()
    threading.Thread(target=process.wait).start()  # reaps it as soon as it exits, as its parent would
    return process

gone = subprocess.Popen([sys.executable, "-c", "pass"])
gone.wait()
for label, pid in [("gone", gone.pid), ("absent", None)]:
    sent.clear()
    asyncio.run(stop_engine(pid))
    print(label, sent)

polite = engine(ignores_sigterm=False)
sent.clear()
asyncio.run(stop_engine(polite.pid))
print("exits on SIGTERM", sent, "signal", -polite.wait(timeout=5))

stubborn = engine(ignores_sigterm=True)
sent.clear()
asyncio.run(stop_engine(stubborn.pid, grace_seconds=0.2))
print("ignores SIGTERM", sent, "signal", -stubborn.wait(timeout=5))
`;
    const {status, output} = python(harness);
    expect(output).toBe(
      [
        "gone ['SIGTERM']",
        'absent []',
        "exits on SIGTERM ['SIGTERM', '0'] signal 15",
        "ignores SIGTERM ['SIGTERM', '0', 'SIGKILL'] signal 9",
        '',
      ].join('\n'),
    );
    expect(status).toBe(0);
  });
});

describe('the check "was a compromised release installed here?"', () => {
  const POST = 'security_update_march_2026/index.md';
  const PLACEHOLDER = '/path/to/venv';
  const text = readFileSync(path.join(ROOT, 'blog', POST), 'utf8');
  const command = text.split('\n').find((line) => line.startsWith('sh check_litellm_supply_chain.sh '));
  const compromised = path.join(FIXTURES, 'supply-chain-check/compromised');
  const clean = path.join(FIXTURES, 'supply-chain-check/clean');

  /**
   * Runs the post's command as printed, on `folder`, with the script saved as the post names it. Every
   * Python and pip on PATH is a stand-in that leaves a mark, and the fixture's .pth leaves one if any
   * interpreter processes it: a check that starts Python on a compromised host runs the stealer again.
   */
  function runPrintedCheck(folder: string) {
    if (!command?.includes(PLACEHOLDER))
      throw new Error(`blog/${POST} prints no "sh check_litellm_supply_chain.sh ${PLACEHOLDER}"`);
    const work = mkdtempSync(path.join(os.tmpdir(), 'supply-chain-check-'));
    writeFileSync(
      path.join(work, 'check_litellm_supply_chain.sh'),
      codeBlock(POST, 'check_litellm_supply_chain.sh', 'sh'),
    );
    for (const name of ['python', 'python3', 'pip', 'pip3']) {
      writeFileSync(path.join(work, name), `#!/bin/sh\ntouch "${work}/started-${name}"\n`);
      chmodSync(path.join(work, name), 0o755);
    }
    const pthMarker = path.join(work, 'pth-ran');
    const result = spawnSync('sh', ['-c', command.replace(PLACEHOLDER, folder)], {
      cwd: work,
      encoding: 'utf8',
      env: {...process.env, PATH: `${work}:${process.env.PATH}`, LITELLM_PTH_MARKER: pthMarker},
    });
    const started = ['python', 'python3', 'pip', 'pip3'].filter((name) =>
      existsSync(path.join(work, `started-${name}`)),
    );
    return {status: result.status, output: `${result.stdout}${result.stderr}`, started, pthRan: existsSync(pthMarker)};
  }

  it('has a fixture .pth that does run when Python starts with its folder', () => {
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'pth-armed-')), 'pth-ran');
    spawnSync('python3', ['-c', 'import site, sys; site.addsitedir(sys.argv[1])', compromised], {
      env: {...process.env, LITELLM_PTH_MARKER: marker},
    });
    expect(existsSync(marker)).toBe(true);
  });

  it('reports a compromised install and its .pth file without starting any Python', () => {
    const {status, output, started, pthRan} = runPrintedCheck(compromised);
    expect(output).toContain(
      `FOUND: litellm 1.82.8, a compromised release, in ${compromised}/litellm-1.82.8.dist-info`,
    );
    expect(output).toContain(`FOUND: ${compromised}/litellm_init.pth: Python runs it at every start`);
    expect(output).toContain('Treat every secret on this host as exposed and rotate it.');
    expect(status).toBe(1);
    expect({started, pthRan}).toEqual({started: [], pthRan: false});
  });

  it('names no Python or pip to run by any path: only its comments and messages mention them', () => {
    // The stand-ins on PATH catch `python3`; this catches `/usr/bin/python3` and the environment's own bin/python.
    const commands = codeBlock(POST, 'check_litellm_supply_chain.sh', 'sh')
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, '').replace(/"[^"]*"|'[^']*'/g, '""'));
    expect(commands.filter((line) => /\b(?:python|pip)[\d.]*\b/i.test(line))).toEqual([]);
    expect(commands.some((line) => line.includes('find -H'))).toBe(true);
  });

  it('clears an install of 1.82.6 with no .pth file', () => {
    const {status, output, started} = runPrintedCheck(clean);
    expect(output).toBe(
      `litellm 1.82.6 in ${clean}/litellm-1.82.6.dist-info\nNo compromised litellm and no litellm_init.pth under: ${clean}\n`,
    );
    expect(status).toBe(0);
    expect(started).toEqual([]);
  });

  it('finds a compromised install through a symbolic link, with Windows line endings and a capitalised name', () => {
    const real = mkdtempSync(path.join(os.tmpdir(), 'supply-chain-real-'));
    const distInfo = path.join(real, 'lib/python3.11/site-packages/litellm-1.82.7.dist-info');
    mkdirSync(distInfo, {recursive: true});
    writeFileSync(path.join(distInfo, 'METADATA'), 'Metadata-Version: 2.1\r\nName: LiteLLM\r\nVersion: 1.82.7\r\n');
    const venv = path.join(mkdtempSync(path.join(os.tmpdir(), 'supply-chain-link-')), 'venv');
    symlinkSync(real, venv);
    const {status, output} = runPrintedCheck(venv);
    expect(output).toContain(`FOUND: litellm 1.82.7, a compromised release, in ${venv}/lib/python3.11/site-packages`);
    expect(status).toBe(1);
  });

  it('refuses to clear anything when given no folder or a missing one', () => {
    const script = codeBlock(POST, 'check_litellm_supply_chain.sh', 'sh');
    const none = spawnSync('sh', ['-c', script], {encoding: 'utf8'});
    expect(none.stderr).toMatch(/^usage: sh check_litellm_supply_chain.sh FOLDER/);
    expect(none.status).toBe(2);
    const missing = spawnSync('sh', ['-c', script, 'sh', path.join(FIXTURES, 'no-such-folder')], {encoding: 'utf8'});
    expect(missing.stderr).toContain('not a folder:');
    expect(missing.status).toBe(2);
  });
});
