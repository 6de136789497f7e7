import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

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

  it('keeps one scenario for the page, without what the replay does not show, still a valid recording', () => {
    const one = forPage(recording, 5000, '/r.json');
    expect(one.scenarios.map((s) => s.closeDelayMs)).toEqual([5000]);
    expect(recording.scenarios[0].runs.before.slowCallbacks).not.toEqual([]);
    expect(one.scenarios[0].runs.before.slowCallbacks).toEqual([]);
    expect(one.measured.description).toBe('The 5 s scenario only; the whole recording, described, is /r.json');
    expect(() => parseProbeRecording(one, 'one scenario')).not.toThrow();
  });
});
