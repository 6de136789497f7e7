import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';

import {FaultError} from '../../src/faults/fault';
import {faultLinesOnly} from '../../src/plugins/faultLines';
import {SITE_FAULTS_MODULE, showingSiteFaults} from '../../src/plugins/faultLines/siteFaults';

describe('bundler errors under npm start and the build', () => {
  it("keep a post's fault lines alone, each once, and any other error as the bundler reported it", () => {
    const wrapped = {
      name: 'ModuleBuildError',
      message: [
        'Module build failed (from ./node_modules/@docusaurus/mdx-loader/lib/index.js):',
        'Error: MDX compilation failed for file "/tmp/site/blog/a/index.md"',
        'Cause: blog/a/index.md:57: the link to /blog/x leads to no post',
        'Details:',
        '1 fault to fix:',
        'blog/a/index.md:57: the link to /blog/x leads to no post',
        '    at compileToJSX (/tmp/site/node_modules/@docusaurus/mdx-loader/lib/utils.js:93:15)',
      ].join('\n'),
    };
    const other = {name: 'ModuleNotFoundError', message: "Can't resolve './missing' in '/tmp/site/src'"};
    const lookalike = {name: 'SyntaxError', message: 'src/a.ts:3: Unexpected token\n  2 | const a =\n> 3 | }'};
    expect(faultLinesOnly([wrapped, other, lookalike])).toEqual([
      {
        name: 'Fault',
        message: '1 fault to fix:\nblog/a/index.md:57: the link to /blog/x leads to no post',
        stack: '1 fault to fix:\nblog/a/index.md:57: the link to /blog/x leads to no post',
        hideStack: true,
      },
      other,
      lookalike,
    ]);
  });

  it('make the faults of a post and of its excerpt one error, each line once, beside those of another post', () => {
    const wrapped = (...lines: string[]) => ({
      name: 'ModuleBuildError',
      message: ['Error: MDX compilation failed', 'Details:', `${lines.length} faults to fix:`, ...lines].join('\n'),
    });
    const a = 'blog/a/index.md:3: the link to /blog/x leads to no post';
    const b = 'blog/a/index.md:9: "TO FILL" is left from the scaffold';
    const c = 'blog/c/index.md:5: the link to /blog/y leads to no post';
    const other = {name: 'ModuleNotFoundError', message: "Can't resolve './missing'"};
    const message = `3 faults to fix:\n${a}\n${b}\n${c}`;
    expect(faultLinesOnly([other, wrapped(a, b), wrapped(a), wrapped(c, a)])).toEqual([
      other,
      {name: 'Fault', message, stack: message, hideStack: true},
    ]);
  });
});

describe('faults outside any post, under npm start', () => {
  const file = (dir: string) => path.join(dir, SITE_FAULTS_MODULE);
  const read = (dir: string) => JSON.parse(readFileSync(file(dir), 'utf8'));
  const fault = new FaultError({file: 'blog/tags.yml', line: 3, message: 'is written twice'});

  it("are written for the browser when a step fails, and emptied when it next succeeds, each step's apart", () => {
    vi.stubEnv('NODE_ENV', 'development');
    const dir = mkdtempSync(path.join(tmpdir(), 'site-faults-'));
    const recordingFault = new FaultError({file: 'blog/x/a.probes.json', message: 'is 1.2 MB'});
    try {
      expect(() =>
        showingSiteFaults(dir, 'lists', () => {
          throw fault;
        }),
      ).toThrow(fault);
      expect(read(dir).lines).toEqual(['blog/tags.yml:3: is written twice']);
      expect(() =>
        showingSiteFaults(dir, 'recordings', () => {
          throw recordingFault;
        }),
      ).toThrow(recordingFault);
      expect(read(dir).lines).toEqual(['blog/tags.yml:3: is written twice', 'blog/x/a.probes.json: is 1.2 MB']);
      // The lists load cleanly: the recording's fault stays shown until its own step succeeds.
      expect(showingSiteFaults(dir, 'lists', () => 'loaded')).toBe('loaded');
      expect(read(dir).lines).toEqual(['blog/x/a.probes.json: is 1.2 MB']);
      showingSiteFaults(dir, 'recordings', () => undefined);
      expect(read(dir).lines).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, {recursive: true});
    }
  });

  it('are written when a step that loads asynchronously rejects', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const dir = mkdtempSync(path.join(tmpdir(), 'site-faults-'));
    try {
      await expect(showingSiteFaults(dir, 'blog', () => Promise.reject(fault))).rejects.toBe(fault);
      expect(read(dir).lines).toEqual(['blog/tags.yml:3: is written twice']);
      await expect(showingSiteFaults(dir, 'blog', async () => 'loaded')).resolves.toBe('loaded');
      expect(read(dir).lines).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, {recursive: true});
    }
  });

  it('are never written by the build, which removes what a dev server left', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const dir = mkdtempSync(path.join(tmpdir(), 'site-faults-'));
    try {
      mkdirSync(path.dirname(file(dir)), {recursive: true});
      writeFileSync(file(dir), '{"lines":[]}');
      expect(() =>
        showingSiteFaults(dir, 'lists', () => {
          throw fault;
        }),
      ).toThrow(fault);
      expect(existsSync(file(dir))).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, {recursive: true});
    }
  });
});
