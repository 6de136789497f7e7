/**
 * The lab's recording of /health/liveliness probes, and the one validator that
 * the lab, the build and the widget all use to read it. Written by hand rather
 * than with the schema library the front matter uses: the replay island runs
 * it in the browser, where zod would add about 26 KB gzipped (5 KB as
 * zod/mini, measured with esbuild) to a page whose whole budget is 25 KB.
 */

export const SCHEMA_VERSION = 1;
export const RECONNECT_PATHS = ['before', 'after'] as const;
export const OUTCOMES = ['ok', 'http-error', 'timeout', 'error'] as const;

export type ReconnectPath = (typeof RECONNECT_PATHS)[number];

/** A probe slower than this was stalled by a freeze: the healthy loop answers in milliseconds. */
export const STALL_MS = 200;
export type ProbeOutcome = (typeof OUTCOMES)[number];

export type ProbeSample = {
  /** When the probe was sent, in ms since the run started. */
  sentAtMs: number;
  /** Time to the answer; for a timeout or error, the time until the prober gave up. */
  latencyMs: number;
  outcome: ProbeOutcome;
};

export type ProbeSummary = {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Share of probes answered 2xx, 0 to 1. */
  answered2xxShare: number;
  over1sCount: number;
};

export type ProbeRun = {
  /** When the simulated database outage was triggered, ms since the run started. */
  outageAtMs: number;
  samples: ProbeSample[];
  summary: ProbeSummary;
};

export type ProbeRecording = {
  schemaVersion: typeof SCHEMA_VERSION;
  measured: {
    description: string;
    probeIntervalMs: number;
    probeTimeoutMs: number;
    runLengthMs: number;
    outageAtMs: number;
    closeDelayMs: number;
    graceMs: number;
  };
  environment: {os: string; cpuCount: number; python: string; node: string; date: string};
  runs: Record<ReconnectPath, ProbeRun>;
};

/** Every stored time is rounded to 0.1 ms, so a summary recomputed from samples matches exactly. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Nearest-rank percentile: always one of the measured values, never an interpolation. */
export function percentile(sortedValues: readonly number[], p: number): number {
  if (sortedValues.length === 0) throw new Error('percentile of no values');
  const rank = Math.max(1, Math.ceil((p / 100) * sortedValues.length));
  return sortedValues[rank - 1];
}

export function summarizeProbes(samples: readonly ProbeSample[]): ProbeSummary {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  return {
    count: samples.length,
    p50Ms: percentile(latencies, 50),
    p90Ms: percentile(latencies, 90),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1],
    answered2xxShare: Math.round((samples.filter((s) => s.outcome === 'ok').length / samples.length) * 10000) / 10000,
    over1sCount: latencies.filter((ms) => ms > 1000).length,
  };
}

export class ProbeRecordingError extends Error {
  constructor(source: string, where: string, fault: string) {
    super(`${source}: ${where} ${fault}`);
    this.name = 'ProbeRecordingError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws a ProbeRecordingError naming the file and the fault; returns the typed recording. */
export function parseProbeRecording(data: unknown, source: string): ProbeRecording {
  const fail = (where: string, fault: string): never => {
    throw new ProbeRecordingError(source, where, fault);
  };
  const record = (value: unknown, where: string): Record<string, unknown> =>
    isRecord(value) ? value : fail(where, `must be an object; got ${JSON.stringify(value) ?? 'nothing'}`);
  const number = (value: unknown, where: string, min = 0): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min
      ? value
      : fail(where, `must be a number ≥ ${min}; got ${JSON.stringify(value) ?? 'nothing'}`);
  const text = (value: unknown, where: string): string =>
    typeof value === 'string' && value !== ''
      ? value
      : fail(where, `must be non-empty text; got ${JSON.stringify(value) ?? 'nothing'}`);

  const root = record(data, 'the file');
  if (root.schemaVersion !== SCHEMA_VERSION) {
    fail(
      'schemaVersion',
      `is ${JSON.stringify(root.schemaVersion) ?? 'missing'}; this site reads version ${SCHEMA_VERSION}`,
    );
  }
  const m = record(root.measured, 'measured');
  const measured: ProbeRecording['measured'] = {
    description: text(m.description, 'measured.description'),
    probeIntervalMs: number(m.probeIntervalMs, 'measured.probeIntervalMs', 1),
    probeTimeoutMs: number(m.probeTimeoutMs, 'measured.probeTimeoutMs', 1),
    runLengthMs: number(m.runLengthMs, 'measured.runLengthMs', 1),
    outageAtMs: number(m.outageAtMs, 'measured.outageAtMs'),
    closeDelayMs: number(m.closeDelayMs, 'measured.closeDelayMs'),
    graceMs: number(m.graceMs, 'measured.graceMs'),
  };
  const e = record(root.environment, 'environment');
  const environment: ProbeRecording['environment'] = {
    os: text(e.os, 'environment.os'),
    cpuCount: number(e.cpuCount, 'environment.cpuCount', 1),
    python: text(e.python, 'environment.python'),
    node: text(e.node, 'environment.node'),
    date: text(e.date, 'environment.date'),
  };

  const runsRaw = record(root.runs, 'runs');
  const runs = {} as Record<ReconnectPath, ProbeRun>;
  for (const path of RECONNECT_PATHS) {
    const where = `runs.${path}`;
    const run = record(runsRaw[path], where);
    const rawSamples = Array.isArray(run.samples) ? run.samples : fail(`${where}.samples`, 'must be a list of probes');
    if (rawSamples.length === 0) fail(`${where}.samples`, 'is empty; a run needs at least one probe');
    const samples = rawSamples.map((raw: unknown, i: number): ProbeSample => {
      const at = `${where}.samples[${i}]`;
      const s = record(raw, at);
      const outcome = s.outcome as ProbeOutcome;
      if (!OUTCOMES.includes(outcome))
        fail(`${at}.outcome`, `must be one of ${OUTCOMES.join(', ')}; got ${JSON.stringify(s.outcome) ?? 'nothing'}`);
      if (typeof s.sentAtMs === 'number' && s.sentAtMs < 0)
        fail(`${at}.sentAtMs`, `(${s.sentAtMs}) is before the run started`);
      return {
        sentAtMs: number(s.sentAtMs, `${at}.sentAtMs`),
        latencyMs: number(s.latencyMs, `${at}.latencyMs`),
        outcome,
      };
    });
    samples.forEach((s, i) => {
      const at = `${where}.samples[${i}]`;
      if (i > 0 && s.sentAtMs < samples[i - 1].sentAtMs) {
        fail(
          `${at}.sentAtMs`,
          `(${s.sentAtMs}) is earlier than the probe before it (${samples[i - 1].sentAtMs}); samples must be in send order`,
        );
      }
      if (s.sentAtMs > measured.runLengthMs) {
        fail(
          `${at}.sentAtMs`,
          `(${s.sentAtMs}) is after the run ended (measured.runLengthMs is ${measured.runLengthMs})`,
        );
      }
      if (s.outcome === 'ok' && s.latencyMs > measured.probeTimeoutMs) {
        fail(
          `${at}.latencyMs`,
          `(${s.latencyMs}) is slower than the client timeout (measured.probeTimeoutMs is ${measured.probeTimeoutMs}), yet the probe is marked answered`,
        );
      }
    });
    const expected = summarizeProbes(samples);
    const summaryRaw = record(run.summary, `${where}.summary`);
    for (const key of Object.keys(expected) as (keyof ProbeSummary)[]) {
      if (summaryRaw[key] !== expected[key]) {
        fail(
          `${where}.summary.${key}`,
          `is ${JSON.stringify(summaryRaw[key]) ?? 'missing'} but the samples give ${expected[key]}`,
        );
      }
    }
    const outageAtMs = number(run.outageAtMs, `${where}.outageAtMs`);
    // The run records when its outage was really triggered: the planned time plus the scheduler's jitter.
    if (Math.abs(outageAtMs - measured.outageAtMs) > measured.probeIntervalMs / 2) {
      fail(
        `${where}.outageAtMs`,
        `(${outageAtMs}) differs from measured.outageAtMs (${measured.outageAtMs}) by more than half a probe interval; the run must trigger the outage when its parameters say`,
      );
    }
    runs[path] = {outageAtMs, samples, summary: expected};
  }
  // The story is a freeze before the fix and none after; a recording without it, or with the runs swapped, tells another.
  if (runs.before.summary.maxMs <= STALL_MS) {
    fail(
      'runs.before.samples',
      `hold no probe slower than ${STALL_MS} ms: the run before the fix shows no freeze (are the runs swapped?)`,
    );
  }
  // An "after" run that freezes inverts the story the page tells about the fix.
  const stalled = runs.after.samples.findIndex((sample) => sample.latencyMs > STALL_MS);
  if (stalled !== -1) {
    const sample = runs.after.samples[stalled];
    fail(
      `runs.after.samples[${stalled}]`,
      `(${sample.outcome}, ${sample.latencyMs} ms) shows a freeze, but the run after the fix must answer every probe within ${STALL_MS} ms; re-measure with npm run lab`,
    );
  }
  return {schemaVersion: SCHEMA_VERSION, measured, environment, runs};
}
