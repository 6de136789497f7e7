import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {
  parseProbeRecording,
  readProbeRecording,
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

const lag = (buckets: number, blocked: [number, number] | null = null, value = 5000): (number | null)[] =>
  Array.from({length: buckets}, (_, i) =>
    blocked && i >= blocked[0] && i < blocked[1] ? (i === blocked[1] - 1 ? value : null) : 0.4,
  );

function validRecording(): ProbeRecording {
  const frozen = [sample(0, 2), sample(100, 3), sample(200, 5000.5), sample(300, 10000, 'timeout')];
  const fixed = [sample(0, 2), sample(100, 3), sample(200, 4.5), sample(300, 2, 'http-error')];
  return {
    schemaVersion: 2,
    measured: {
      description: 'test',
      clock: 'one clock',
      probeIntervalMs: 100,
      probeTimeoutMs: 10000,
      graceMs: 500,
      heartbeatMs: 10,
      lagBucketMs: 100,
    },
    environment: {os: 'Linux', cpuCount: 2, python: '3.11.7', node: 'v20.20.2', date: '2026-11-24T00:00:00Z'},
    scenarios: [
      {
        closeDelayMs: 5000,
        runLengthMs: 400,
        outageAtMs: 150,
        runs: {
          before: {
            outageAtMs: 150,
            samples: frozen,
            summary: summarizeProbes(frozen),
            events: [
              {atMs: 151, event: 'reconnect-started'},
              {atMs: 151.5, event: 'sigterm-sent'},
              {atMs: 151.5, event: 'blocking-wait-entered'},
              {atMs: 380, event: 'engine-exited'},
              {atMs: 390, event: 'engine-ready'},
              {atMs: 390.1, event: 'reconnect-done'},
            ],
            loopLagMs: lag(4, [2, 4]),
            slowCallbacks: [{atMs: 381, message: 'Executing <Task> took 5.001 seconds'}],
          },
          after: {
            outageAtMs: 151.2,
            samples: fixed,
            summary: summarizeProbes(fixed),
            events: [
              {atMs: 152, event: 'reconnect-started'},
              {atMs: 152.5, event: 'sigterm-sent'},
              {atMs: 200, event: 'sigkill-sent'},
              {atMs: 300, event: 'engine-exited'},
              {atMs: 340, event: 'engine-ready'},
              {atMs: 340.1, event: 'reconnect-done'},
            ],
            loopLagMs: lag(4),
            slowCallbacks: [],
          },
        },
      },
    ],
  };
}

/** Changes samples and recomputes the summary, so only the fault under test remains. */
function withSamples(
  run: ProbeRecording['scenarios'][0]['runs']['before'],
  change: (samples: ProbeSample[]) => void,
): void {
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

  it('accepts the committed recording, with the short and the long scenarios', () => {
    const data = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    const recording = parseProbeRecording(data, COMMITTED);
    expect(recording.scenarios.map((s) => s.closeDelayMs)).toEqual([5000, 35000, 125000]);
  });

  const B = 'scenarios[0].runs.before';
  const A = 'scenarios[0].runs.after';
  type Breakage = [string, (r: any) => void, string];
  it.each<Breakage>([
    ['an older schema version', (r) => (r.schemaVersion = 1), 'schemaVersion is 1; this site reads version 2'],
    ['no scenario', (r) => (r.scenarios = []), 'scenarios is empty'],
    ['a missing run', (r) => delete r.scenarios[0].runs.after, `${A} must be an object; got nothing`],
    [
      'a negative latency',
      (r) => (r.scenarios[0].runs.before.samples[1].latencyMs = -3),
      `${B}.samples[1].latencyMs must be a number ≥ 0; got -3`,
    ],
    [
      'a latency that is not a number',
      (r) => (r.scenarios[0].runs.after.samples[0].latencyMs = 'fast'),
      `${A}.samples[0].latencyMs must be a number ≥ 0; got "fast"`,
    ],
    [
      'unsorted send times',
      (r) => (r.scenarios[0].runs.before.samples[2].sentAtMs = 50),
      `${B}.samples[2].sentAtMs (50) is earlier than the probe before it (100)`,
    ],
    [
      'an unknown outcome',
      (r) => (r.scenarios[0].runs.before.samples[0].outcome = 'slow'),
      `${B}.samples[0].outcome must be one of ok, http-error, timeout, error; got "slow"`,
    ],
    [
      'a summary max that the samples do not give',
      (r) => (r.scenarios[0].runs.before.summary.maxMs = 52.7),
      `${B}.summary.maxMs is 52.7 but the samples give 10000`,
    ],
    [
      'a summary 2xx share that the samples do not give',
      (r) => (r.scenarios[0].runs.after.summary.answered2xxShare = 1),
      `${A}.summary.answered2xxShare is 1 but the samples give 0.75`,
    ],
    [
      'a probe sent before the run started',
      (r) => withSamples(r.scenarios[0].runs.before, (s) => (s[0].sentAtMs = -5)),
      `${B}.samples[0].sentAtMs must be a number ≥ 0; got -5`,
    ],
    [
      'a probe sent after the run ended',
      (r) => withSamples(r.scenarios[0].runs.after, (s) => (s[3].sentAtMs = 450)),
      `${A}.samples[3].sentAtMs (450) is after the run ended (its runLengthMs is 400)`,
    ],
    [
      'an answered probe slower than the client timeout',
      (r) => withSamples(r.scenarios[0].runs.before, (s) => (s[3] = sample(300, 10500, 'ok'))),
      `${B}.samples[3].latencyMs (10500) is slower than the client timeout (measured.probeTimeoutMs is 10000), yet the probe is marked answered`,
    ],
    [
      'a run whose outage time differs from the scenario',
      (r) => (r.scenarios[0].runs.after.outageAtMs = 2000),
      `${A}.outageAtMs (2000) differs from the scenario's outageAtMs (150)`,
    ],
    [
      'runs swapped, so the run before the fix has no freeze',
      (r) =>
        ([r.scenarios[0].runs.before, r.scenarios[0].runs.after] = [
          r.scenarios[0].runs.after,
          r.scenarios[0].runs.before,
        ]),
      `${B}.events are reconnect-started, sigterm-sent, sigkill-sent, engine-exited, engine-ready, reconnect-done; with a 5000 ms close the before path logs`,
    ],
    [
      'a fixed run that times out',
      (r) => withSamples(r.scenarios[0].runs.after, (s) => (s[2] = sample(200, 10000, 'timeout'))),
      `${A}.samples[2] (timeout, 10000 ms) shows a freeze, but the run after the fix must answer every probe within 200 ms`,
    ],
    [
      'a fixed run with one stalled answer',
      (r) => withSamples(r.scenarios[0].runs.after, (s) => (s[1] = sample(100, 450, 'ok'))),
      `${A}.samples[1] (ok, 450 ms) shows a freeze`,
    ],
    [
      'a fixed run whose heartbeat stalled',
      (r) => (r.scenarios[0].runs.after.loopLagMs[2] = null),
      `${A}.loopLagMs[2] (null) shows the loop blocked`,
    ],
    [
      'a freeze far shorter than the close delay',
      (r) => (r.scenarios[0].runs.before.loopLagMs[3] = 900),
      `${B}.loopLagMs show the loop blocked for 900 ms at most, not about the engine's 5000 ms close (±1000 ms)`,
    ],
    [
      'a lag list that does not cover the run',
      (r) => r.scenarios[0].runs.before.loopLagMs.pop(),
      `${B}.loopLagMs has 3 entries; a run of 400 ms in buckets of 100 ms has 4`,
    ],
    [
      'a lag that is not a number',
      (r) => (r.scenarios[0].runs.before.loopLagMs[0] = 'x'),
      `${B}.loopLagMs[0] must be a number ≥ 0; got "x"`,
    ],
    [
      'events out of order',
      (r) => (r.scenarios[0].runs.before.events[3].atMs = 100),
      `${B}.events[3].atMs (100) is earlier than the event before it`,
    ],
    [
      'an event after the run',
      (r) => (r.scenarios[0].runs.before.events[5].atMs = 500),
      `${B}.events[5].atMs (500) is after the run ended`,
    ],
    [
      'an unknown event',
      (r) => (r.scenarios[0].runs.after.events[1].event = 'sigint-sent'),
      `${A}.events[1].event must be one of reconnect-started,`,
    ],
    [
      'the old path without its blocking wait',
      (r) => r.scenarios[0].runs.before.events.splice(2, 1),
      `${B}.events are reconnect-started, sigterm-sent, engine-exited, engine-ready, reconnect-done; with a 5000 ms close the before path logs reconnect-started, sigterm-sent, blocking-wait-entered,`,
    ],
    [
      'service events on another clock',
      (r) => {
        for (const e of r.scenarios[0].runs.after.events) e.atMs -= 150;
      },
      `${A}.events[0].atMs (2) is not when the outage was triggered (151.2): are the clocks aligned?`,
    ],
    [
      'a slow-callback report after the run',
      (r) => (r.scenarios[0].runs.before.slowCallbacks[0].atMs = 401),
      `${B}.slowCallbacks[0].atMs (401) is after the run ended`,
    ],
    [
      'scenarios out of order',
      (r) => r.scenarios.push({...structuredClone(r.scenarios[0]), closeDelayMs: 4000}),
      'scenarios[1].closeDelayMs (4000) must be longer than the scenario before it',
    ],
    ['missing environment', (r) => delete r.environment, 'environment must be an object'],
    [
      'a measurement date in the future',
      (r) => (r.environment.date = '2999-01-01T00:00:00Z'),
      'environment.date ("2999-01-01T00:00:00Z") must be the time of the measurement, an ISO date not in the future',
    ],
    [
      'a measurement date that is not a date',
      (r) => (r.environment.date = 'yesterday'),
      'environment.date ("yesterday") must be the time of the measurement',
    ],
    [
      'a zero probe interval',
      (r) => (r.measured.probeIntervalMs = 0),
      'measured.probeIntervalMs must be a number ≥ 1; got 0',
    ],
  ])('rejects %s, naming the file and the field', (_name, breakIt, message) => {
    const recording = validRecording();
    breakIt(recording);
    expect(() => parseProbeRecording(recording, SOURCE)).toThrow(`${SOURCE}: ${message}`);
  });

  it('rejects a run before the fix whose probes show no freeze', () => {
    const recording = validRecording();
    withSamples(recording.scenarios[0].runs.before, (s) => s.splice(2, 2));
    expect(() => parseProbeRecording(recording, SOURCE)).toThrow(
      `${SOURCE}: ${B}.samples hold no probe slower than 200 ms: the run before the fix shows no freeze`,
    );
  });

  it('requires SIGKILL after the fix where the close outlasts the grace, and only there', () => {
    const recording = validRecording();
    const after = recording.scenarios[0].runs.after;
    after.events.splice(2, 1);
    expect(() => parseProbeRecording(recording, SOURCE)).toThrow(
      `${A}.events are reconnect-started, sigterm-sent, engine-exited, engine-ready, reconnect-done; with a 5000 ms close the after path logs reconnect-started, sigterm-sent, sigkill-sent, engine-exited`,
    );
    recording.measured.graceMs = 6000;
    expect(() => parseProbeRecording(recording, SOURCE)).not.toThrow();
  });

  it('rejects something that is not a recording at all', () => {
    expect(() => parseProbeRecording([1, 2], SOURCE)).toThrow(`${SOURCE}: the file must be an object`);
  });
});

describe('readProbeRecording, for the browser', () => {
  it("refuses what the replay cannot draw, and leaves the story's checks to the build", () => {
    const swapped = validRecording();
    const {before, after} = swapped.scenarios[0].runs;
    swapped.scenarios[0].runs = {before: after, after: before};
    expect(() => parseProbeRecording(swapped, SOURCE)).toThrow('scenarios[0].runs.before.events are');
    expect(readProbeRecording(swapped, SOURCE).scenarios[0].runs.before.summary.maxMs).toBe(4.5);

    const broken: any = validRecording();
    broken.scenarios[0].runs.after.samples = 'none';
    expect(() => readProbeRecording(broken, SOURCE)).toThrow(
      'scenarios[0].runs.after.samples must be a list; got "none"',
    );
  });
});
