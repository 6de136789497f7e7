import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {
  parseProbeRecording,
  percentile,
  summarizeProbes,
  type ProbeRecording,
  type ProbeSample,
} from '../../src/measurements/probeRecording';

const COMMITTED = path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident/liveness.probes.json');
const SOURCE = 'blog/x/liveness.probes.json';
const sample = (sentAtMs: number, latencyMs: number, outcome: ProbeSample['outcome'] = 'ok'): ProbeSample => ({
  sentAtMs,
  latencyMs,
  outcome,
});

function validRecording(): ProbeRecording {
  const frozen = [sample(0, 2), sample(100, 3), sample(200, 5000.5), sample(300, 10000, 'timeout')];
  const fixed = [sample(0, 2), sample(100, 3), sample(200, 4.5), sample(300, 2, 'http-error')];
  return {
    schemaVersion: 1,
    measured: {
      description: 'test',
      probeIntervalMs: 100,
      probeTimeoutMs: 10000,
      runLengthMs: 400,
      outageAtMs: 150,
      closeDelayMs: 5000,
      graceMs: 500,
    },
    environment: {os: 'Linux', cpuCount: 2, python: '3.11.7', node: 'v20.20.2', date: '2026-11-24T00:00:00Z'},
    runs: {
      before: {outageAtMs: 150, samples: frozen, summary: summarizeProbes(frozen)},
      after: {outageAtMs: 151.2, samples: fixed, summary: summarizeProbes(fixed)},
    },
  };
}

/** Changes samples and recomputes the summary, so only the fault under test remains. */
function withSamples(run: ProbeRecording['runs']['before'], change: (samples: ProbeSample[]) => void): void {
  change(run.samples);
  run.summary = summarizeProbes(run.samples);
}

describe('percentile (nearest rank)', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('returns measured values, never interpolations', () => {
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([42], 50)).toBe(42);
  });
  it('refuses an empty list', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
  });
});

describe('summarizeProbes', () => {
  it('counts, ranks, and reports the share answered 2xx and probes over 1 s', () => {
    const summary = summarizeProbes([
      sample(0, 2),
      sample(100, 1500),
      sample(200, 10000, 'timeout'),
      sample(300, 1, 'error'),
    ]);
    expect(summary).toEqual({
      count: 4,
      p50Ms: 2,
      p90Ms: 10000,
      p99Ms: 10000,
      maxMs: 10000,
      answered2xxShare: 0.5,
      over1sCount: 2,
    });
  });
  it('rounds the 2xx share to four decimals, like 99.7% in the PR', () => {
    const samples = Array.from({length: 300}, (_, i) => sample(i * 100, 1, i === 0 ? 'timeout' : 'ok'));
    expect(summarizeProbes(samples).answered2xxShare).toBe(0.9967);
  });
});

describe('parseProbeRecording', () => {
  it('accepts a consistent recording', () => {
    expect(parseProbeRecording(validRecording(), SOURCE)).toEqual(validRecording());
  });

  it('accepts the committed recording', () => {
    const data = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(parseProbeRecording(data, COMMITTED).runs.before.samples.length).toBeGreaterThan(0);
  });

  type Breakage = [string, (r: any) => void, string];
  it.each<Breakage>([
    ['an unknown schema version', (r) => (r.schemaVersion = 2), 'schemaVersion is 2; this site reads version 1'],
    ['a missing run', (r) => delete r.runs.after, 'runs.after must be an object; got nothing'],
    [
      'a negative latency',
      (r) => (r.runs.before.samples[1].latencyMs = -3),
      'runs.before.samples[1].latencyMs must be a number ≥ 0; got -3',
    ],
    [
      'a latency that is not a number',
      (r) => (r.runs.after.samples[0].latencyMs = 'fast'),
      'runs.after.samples[0].latencyMs must be a number ≥ 0; got "fast"',
    ],
    [
      'unsorted send times',
      (r) => (r.runs.before.samples[2].sentAtMs = 50),
      'runs.before.samples[2].sentAtMs (50) is earlier than the probe before it (100)',
    ],
    [
      'an unknown outcome',
      (r) => (r.runs.before.samples[0].outcome = 'slow'),
      'runs.before.samples[0].outcome must be one of ok, http-error, timeout, error; got "slow"',
    ],
    [
      'a summary max that the samples do not give',
      (r) => (r.runs.before.summary.maxMs = 52.7),
      'runs.before.summary.maxMs is 52.7 but the samples give 10000',
    ],
    [
      'a summary 2xx share that the samples do not give',
      (r) => (r.runs.after.summary.answered2xxShare = 1),
      'runs.after.summary.answered2xxShare is 1 but the samples give 0.75',
    ],
    [
      'a probe sent before the run started',
      (r) => withSamples(r.runs.before, (s) => (s[0].sentAtMs = -5)),
      'runs.before.samples[0].sentAtMs (-5) is before the run started',
    ],
    [
      'a probe sent after the run ended',
      (r) => withSamples(r.runs.after, (s) => (s[3].sentAtMs = 450)),
      'runs.after.samples[3].sentAtMs (450) is after the run ended (measured.runLengthMs is 400)',
    ],
    [
      'an answered probe slower than the client timeout',
      (r) => withSamples(r.runs.before, (s) => (s[3] = sample(300, 10500, 'ok'))),
      'runs.before.samples[3].latencyMs (10500) is slower than the client timeout (measured.probeTimeoutMs is 10000), yet the probe is marked answered',
    ],
    [
      'a run whose outage time differs from the parameters',
      (r) => (r.runs.after.outageAtMs = 2000),
      'runs.after.outageAtMs (2000) differs from measured.outageAtMs (150)',
    ],
    [
      'runs swapped, so the run before the fix has no freeze',
      (r) => ([r.runs.before, r.runs.after] = [r.runs.after, r.runs.before]),
      'runs.before.samples hold no probe slower than 200 ms: the run before the fix shows no freeze (are the runs swapped?)',
    ],
    [
      'a fixed run that times out',
      (r) => withSamples(r.runs.after, (s) => (s[2] = sample(200, 10000, 'timeout'))),
      'runs.after.samples[2] (timeout, 10000 ms) shows a freeze, but the run after the fix must answer every probe within 200 ms',
    ],
    [
      'a fixed run with one stalled answer',
      (r) => withSamples(r.runs.after, (s) => (s[1] = sample(100, 450, 'ok'))),
      'runs.after.samples[1] (ok, 450 ms) shows a freeze',
    ],
    ['an empty run', (r) => (r.runs.after.samples = []), 'runs.after.samples is empty'],
    ['missing environment', (r) => delete r.environment, 'environment must be an object'],
    [
      'a zero probe interval',
      (r) => (r.measured.probeIntervalMs = 0),
      'measured.probeIntervalMs must be a number ≥ 1; got 0',
    ],
  ])('rejects %s, naming the file and the fault', (_name, breakIt, message) => {
    const recording = validRecording();
    breakIt(recording);
    expect(() => parseProbeRecording(recording, SOURCE)).toThrow(`${SOURCE}: ${message}`);
  });

  it('rejects something that is not a recording at all', () => {
    expect(() => parseProbeRecording([1, 2], SOURCE)).toThrow(`${SOURCE}: the file must be an object`);
  });
});
