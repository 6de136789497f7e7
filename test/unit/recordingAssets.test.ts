import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {alignTrace} from '../../lab/serviceTrace';
import {parseProbeRecording} from '../../src/measurements/probeRecording';
import {recordingAssets, runCsv, forPage} from '../../src/measurements/recordingAssets';

const COMMITTED = path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident/liveness.probes.json');
const recording = parseProbeRecording(JSON.parse(readFileSync(COMMITTED, 'utf8')), COMMITTED);

describe('recording files', () => {
  it('names the JSON and every run’s CSV after the content, under assets/', () => {
    const assets = recordingAssets(recording);
    expect(assets.json).toMatch(/^assets\/lab\/recording\.[0-9a-f]{8}\.json$/);
    const hash = /\.([0-9a-f]{8})\.json$/.exec(assets.json)![1];
    expect(assets.csv[35_000].before).toBe(`assets/lab/${hash}/close-35s-before-the-fix.csv`);
    const changed = structuredClone(recording);
    changed.scenarios[0].runs.after.samples[0].latencyMs += 0.1;
    expect(recordingAssets(changed).json).not.toBe(assets.json);
  });

  it('writes a run as CSV, a header and a row per probe', () => {
    const run = recording.scenarios[0].runs.before;
    const lines = runCsv(run).trimEnd().split('\n');
    expect(lines[0]).toBe('sent_at_ms,latency_ms,outcome');
    expect(lines).toHaveLength(run.samples.length + 1);
    const [sent, latency, outcome] = lines[1].split(',');
    expect({sentAtMs: Number(sent), latencyMs: Number(latency), outcome}).toEqual(run.samples[0]);
  });

  it('keeps one scenario for the page, without the reports the replay does not show, still a valid recording', () => {
    const one = forPage(recording, 5000);
    expect(one.scenarios.map((s) => s.closeDelayMs)).toEqual([5000]);
    expect(recording.scenarios[0].runs.before.slowCallbacks).not.toEqual([]);
    expect(one.scenarios[0].runs.before.slowCallbacks).toEqual([]);
    expect(() => parseProbeRecording(one, 'one scenario')).not.toThrow();
  });
});

describe("the lab's trace on the probes' time axis", () => {
  it('subtracts the run start and keeps the worst heartbeat lag per bucket, null where none woke', () => {
    const start = 1_000_000_000n;
    const ms = (t: number) => 1_000_000_000 + t * 1e6;
    const trace = alignTrace(
      {
        events: [{atNs: ms(2000.04), event: 'reconnect-started'}],
        heartbeats: [
          [ms(5), 0.3e6],
          [ms(60), 1.2e6],
          [ms(310), 200.5e6],
          [ms(-20), 9e6], // before the run: dropped
          [ms(450), 0.2e6], // after the run: dropped
        ],
        slowCallbacks: [{atNs: ms(311), message: 'Executing <Task> took 0.2 seconds'}],
      },
      start,
      400,
    );
    expect(trace.events).toEqual([{atMs: 2000, event: 'reconnect-started'}]);
    expect(trace.loopLagMs).toEqual([1.2, null, null, 200.5]);
    expect(trace.slowCallbacks).toEqual([{atMs: 311, message: 'Executing <Task> took 0.2 seconds'}]);
  });
});
