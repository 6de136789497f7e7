import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {parseProbeRecording} from '../../src/measurements/probeRecording';

const ROOT = path.resolve(__dirname, '../..');
const RUN_ID = `lab-test-${process.pid}-${Date.now()}`;
const CLOSE_DELAY_S = 2;
const outDir = mkdtempSync(path.join(tmpdir(), 'lab-'));
afterAll(() => rmSync(outDir, {recursive: true, force: true}));

function runLabCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'lab/cli.ts', ...args], {cwd: ROOT, encoding: 'utf8', timeout: 90_000});
}

/** Processes whose command line carries this test's run id. */
function leftoverProcesses(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return cmdline.includes(RUN_ID) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return []; // exited while we looked
      }
    });
}

describe('the lab, end to end', () => {
  const out = path.join(outDir, 'run.probes.json');
  const result = runLabCli([
    '--close-delay',
    String(CLOSE_DELAY_S),
    '--duration',
    '5',
    '--outage-at',
    '1',
    '--out',
    out,
    '--run-id',
    RUN_ID,
  ]);

  it('runs to completion and writes a valid recording', () => {
    expect(result.stderr).not.toMatch(/^lab:/m);
    expect(result.status).toBe(0);
    const recording = parseProbeRecording(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(recording.measured.closeDelayMs).toBe(CLOSE_DELAY_S * 1000);
    // 50 on the schedule, plus the one sent as the outage is acknowledged.
    expect(recording.runs.before.samples.length).toBe(51);
  });

  it('shows the freeze before the fix: the slowest probe waits at least the close delay', () => {
    const {runs} = parseProbeRecording(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(runs.before.summary.maxMs).toBeGreaterThanOrEqual(CLOSE_DELAY_S * 1000);
    // The stalled probes are the ones sent after the outage began.
    const stalled = runs.before.samples.filter((s) => s.latencyMs > 1000);
    expect(stalled.length).toBeGreaterThan(5);
    expect(Math.min(...stalled.map((s) => s.sentAtMs + s.latencyMs))).toBeGreaterThan(runs.before.outageAtMs);
  });

  it('shows no freeze after the fix: every probe well under the 0.5 s grace', () => {
    const {runs} = parseProbeRecording(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(runs.after.summary.maxMs).toBeLessThan(250);
    expect(runs.after.summary.answered2xxShare).toBe(1);
  });

  it('leaves no service or engine process behind', () => {
    expect(leftoverProcesses()).toEqual([]);
  });
});

describe('the lab command line', () => {
  it('explains its options with --help', () => {
    const result = runLabCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--close-delay S');
  });

  it.each([
    [['--interval', '0'], '--interval must be a positive whole number; got "0"'],
    [['--close-delay', 'soon'], '--close-delay must be a positive number; got "soon"'],
    [['--outage-at', '20'], '--outage-at (20 s) must fall inside --duration (12 s)'],
    [
      ['--python', 'no-such-python3'],
      "no-such-python3 was not found or does not run: the lab's service needs Python 3",
    ],
  ])('rejects %j with a clear error', (args, message) => {
    const result = runLabCli([...args, '--out', path.join(outDir, 'never.json')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
