import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

import {maxLoopLagMs, parseProbeRecording} from '../../src/measurements/probeRecording';

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
    '--scenarios',
    String(CLOSE_DELAY_S),
    '--tail',
    '2',
    '--outage-at',
    '1',
    '--out',
    out,
    '--run-id',
    RUN_ID,
  ]);

  const read = () => parseProbeRecording(JSON.parse(readFileSync(out, 'utf8')), out).scenarios[0];

  it('runs to completion, printing progress and what the figures mean, and writes a valid recording', () => {
    expect(result.stderr).not.toMatch(/^lab:/m);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('engine close 2 s, before the fix: measuring for 5 s');
    expect(result.stdout).toMatch(/^2 s +before +51 .* no restart$/m);
    expect(result.stdout).toContain('10006 ms at most (its probe timeout)');
    const scenario = read();
    expect(scenario.closeDelayMs).toBe(CLOSE_DELAY_S * 1000);
    // outage at 1 s + the 2 s close + a 2 s tail, probed every 100 ms, plus the one sent as the outage is acknowledged.
    expect(scenario.runLengthMs).toBe(5000);
    expect(scenario.runs.before.samples.length).toBe(51);
  });

  it('records the mechanism: the blocking wait, the engine exit and the heartbeat stopped for the close delay', () => {
    const {runs} = read();
    const at = (name: string) => runs.before.events.find((e) => e.event === name)!.atMs;
    expect(at('engine-exited') - at('blocking-wait-entered')).toBeGreaterThanOrEqual(CLOSE_DELAY_S * 1000);
    expect(maxLoopLagMs(runs.before)).toBeGreaterThanOrEqual(CLOSE_DELAY_S * 1000 - 50);
    // The heartbeat could not run at all between the wait and the exit.
    const buckets = runs.before.loopLagMs.slice(
      Math.ceil(at('blocking-wait-entered') / 100) + 1,
      Math.floor(at('engine-exited') / 100) - 1,
    );
    expect(buckets.every((lag) => lag === null)).toBe(true);
    expect(runs.before.slowCallbacks.map((c) => c.message)).toContainEqual(
      expect.stringMatching(/took 2\.\d+ seconds$/),
    );
    expect(runs.after.events.map((e) => e.event)).toContain('sigkill-sent');
    expect(maxLoopLagMs(runs.after)).toBeLessThan(100);
  });

  it('shows the freeze before the fix: the slowest probe waits at least the close delay', () => {
    const {runs} = read();
    expect(runs.before.summary.maxMs).toBeGreaterThanOrEqual(CLOSE_DELAY_S * 1000);
    // The stalled probes are the ones sent after the outage began.
    const stalled = runs.before.samples.filter((s) => s.latencyMs > 1000);
    expect(stalled.length).toBeGreaterThan(5);
    expect(Math.min(...stalled.map((s) => s.sentAtMs + s.latencyMs))).toBeGreaterThan(runs.before.outageAtMs);
  });

  it('shows no freeze after the fix: every probe well under the 0.5 s grace', () => {
    const {runs} = read();
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
    expect(result.stdout).toContain('--scenarios S,S');
  });

  it.each([
    [['--interval', '0'], '--interval must be a positive whole number; got "0"'],
    [['--scenarios', '5,soon'], '--scenarios must be a positive number; got "soon"'],
    [['--scenarios', '5,,35'], '--scenarios must be a positive number; got ""'],
    [['--scenarios', '35,5,35'], '--scenarios lists a close delay twice: "35,5,35"'],
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
