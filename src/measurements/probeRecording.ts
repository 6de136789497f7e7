/**
 * The lab's recording: per scenario (how long the stand-in engine lingers),
 * one run before the fix and one after, each with the /health/liveliness
 * probes seen from outside, the service's own events and its event-loop lag
 * seen from inside. The one validator here is what the lab, the build and the
 * widget all use to read it. Written by hand rather than with the schema
 * library the front matter uses: the replay island runs it in the browser,
 * where zod would add about 26 KB gzipped (5 KB as zod/mini, measured with
 * esbuild) to a page whose whole budget is 25 KB.
 */

import {FaultError} from '../faults/fault';

export const SCHEMA_VERSION = 2;
export const RECONNECT_PATHS = ['before', 'after'] as const;
export const OUTCOMES = ['ok', 'http-error', 'timeout', 'error'] as const;
export const SERVICE_EVENTS = [
  'reconnect-started',
  'sigterm-sent',
  'blocking-wait-entered',
  'sigkill-sent',
  'engine-exited',
  'engine-ready',
  'reconnect-done',
] as const;

export type ReconnectPath = (typeof RECONNECT_PATHS)[number];
export type ProbeOutcome = (typeof OUTCOMES)[number];
export type ServiceEventName = (typeof SERVICE_EVENTS)[number];

/**
 * A probe slower than this, or a heartbeat this late, was stalled by a freeze:
 * the healthy loop answers in milliseconds. The lanes draw the loop blocked
 * from the same line.
 */
export const STALL_MS = 200;

/**
 * The events each path logs, in order. The fixed path sends SIGKILL only to an
 * engine that outlives the grace, so it is required where the close is longer.
 */
const PATH_EVENTS: Record<ReconnectPath, {event: ServiceEventName; onlyIfCloseOutlastsGrace?: true}[]> = {
  before: [
    {event: 'reconnect-started'},
    {event: 'sigterm-sent'},
    {event: 'blocking-wait-entered'},
    {event: 'engine-exited'},
    {event: 'engine-ready'},
    {event: 'reconnect-done'},
  ],
  after: [
    {event: 'reconnect-started'},
    {event: 'sigterm-sent'},
    {event: 'sigkill-sent', onlyIfCloseOutlastsGrace: true},
    {event: 'engine-exited'},
    {event: 'engine-ready'},
    {event: 'reconnect-done'},
  ],
};

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

/** A step of the service's reconnect, on the probes' time axis. */
export type ServiceEvent = {atMs: number; event: ServiceEventName};

/** asyncio's debug-mode report of a callback that held the loop longer than its threshold. */
export type SlowCallback = {atMs: number; message: string};

export type ProbeRun = {
  /** When the simulated database outage was triggered, ms since the run started. */
  outageAtMs: number;
  samples: ProbeSample[];
  summary: ProbeSummary;
  events: ServiceEvent[];
  /**
   * The heartbeat's worst lag in each lagBucketMs of the run (bucket i starts at
   * i × lagBucketMs); null where it never woke at all: the loop ran nothing then.
   */
  loopLagMs: (number | null)[];
  slowCallbacks: SlowCallback[];
};

export type Scenario = {
  /** How long the stand-in engine lingers after SIGTERM; also the scenario's name. */
  closeDelayMs: number;
  runLengthMs: number;
  outageAtMs: number;
  runs: Record<ReconnectPath, ProbeRun>;
};

export type ProbeRecording = {
  schemaVersion: typeof SCHEMA_VERSION;
  measured: {
    description: string;
    /** How the service's clock and the prober's were put on one axis. */
    clock: string;
    probeIntervalMs: number;
    probeTimeoutMs: number;
    graceMs: number;
    heartbeatMs: number;
    lagBucketMs: number;
  };
  environment: {os: string; cpuCount: number; python: string; node: string; date: string};
  /** In order of close delay, each delay once. */
  scenarios: Scenario[];
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

/** The longest the heartbeat waited past its time: the freeze as measured from inside the service. */
export function maxLoopLagMs(run: Pick<ProbeRun, 'loopLagMs'>): number {
  return Math.max(0, ...run.loopLagMs.map((lag) => lag ?? 0));
}

/** How far the heartbeat's longest lag may stray from the close delay in a "before" run. */
export function freezeTolerance(closeDelayMs: number): number {
  return Math.max(1000, closeDelayMs * 0.1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The lab's recording, checked in full: its shape, and that it tells the story the post tells (summaries that match
 * the samples, events in the order each path logs them, a freeze before the fix and none after). Throws a FaultError
 * naming the file and the field at fault; returns the typed recording. The build and `npm run check` run this.
 */
export function parseProbeRecording(data: unknown, source: string): ProbeRecording {
  return readRecording(data, source, true);
}

/**
 * The recording's shape alone, for the browser: what the replay needs to draw without breaking. The build has
 * checked the story of every recording it publishes, so a reader's browser need not again on each fetch.
 */
export function readProbeRecording(data: unknown, source: string): ProbeRecording {
  return readRecording(data, source, false);
}

function readRecording(data: unknown, source: string, checkStory: boolean): ProbeRecording {
  const fail = (where: string, fault: string): never => {
    throw new FaultError({file: source, field: where, message: fault});
  };
  /** Runs a check of what the recording says, as opposed to its shape, where the caller asks for one. */
  const story = (check: () => void) => {
    if (checkStory) check();
  };
  const got = (value: unknown) => JSON.stringify(value) ?? 'nothing';
  const record = (value: unknown, where: string): Record<string, unknown> =>
    isRecord(value) ? value : fail(where, `must be an object; got ${got(value)}`);
  const list = (value: unknown, where: string): unknown[] =>
    Array.isArray(value) ? value : fail(where, `must be a list; got ${got(value)}`);
  const number = (value: unknown, where: string, min = 0): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min
      ? value
      : fail(where, `must be a number ≥ ${min}; got ${got(value)}`);
  const text = (value: unknown, where: string): string =>
    typeof value === 'string' && value !== '' ? value : fail(where, `must be non-empty text; got ${got(value)}`);

  const root = record(data, 'the file');
  if (root.schemaVersion !== SCHEMA_VERSION) {
    fail(
      'schemaVersion',
      `is ${got(root.schemaVersion)}; this site reads version ${SCHEMA_VERSION} (re-measure with npm run lab)`,
    );
  }
  const m = record(root.measured, 'measured');
  const measured: ProbeRecording['measured'] = {
    description: text(m.description, 'measured.description'),
    clock: text(m.clock, 'measured.clock'),
    probeIntervalMs: number(m.probeIntervalMs, 'measured.probeIntervalMs', 1),
    probeTimeoutMs: number(m.probeTimeoutMs, 'measured.probeTimeoutMs', 1),
    graceMs: number(m.graceMs, 'measured.graceMs'),
    heartbeatMs: number(m.heartbeatMs, 'measured.heartbeatMs', 0.1),
    lagBucketMs: number(m.lagBucketMs, 'measured.lagBucketMs', 1),
  };
  const e = record(root.environment, 'environment');
  const environment: ProbeRecording['environment'] = {
    os: text(e.os, 'environment.os'),
    cpuCount: number(e.cpuCount, 'environment.cpuCount', 1),
    python: text(e.python, 'environment.python'),
    node: text(e.node, 'environment.node'),
    date: text(e.date, 'environment.date'),
  };
  // The page says when the lab measured: a date that does not parse or lies ahead would tell the reader something false.
  const measuredAt = Date.parse(environment.date);
  if (Number.isNaN(measuredAt) || measuredAt > Date.now()) {
    fail(
      'environment.date',
      `(${got(environment.date)}) must be the time of the measurement, an ISO date not in the future; npm run lab writes it`,
    );
  }

  const parseRun = (raw: unknown, where: string, scenario: Omit<Scenario, 'runs'>, path: ReconnectPath): ProbeRun => {
    const {runLengthMs} = scenario;
    const inside = (atMs: number, at: string) => {
      if (atMs > runLengthMs) fail(at, `(${atMs}) is after the run ended (its runLengthMs is ${runLengthMs})`);
    };
    const run = record(raw, where);
    const rawSamples = list(run.samples, `${where}.samples`);
    if (rawSamples.length === 0) fail(`${where}.samples`, 'is empty; a run needs at least one probe');
    const samples = rawSamples.map((rawSample, i): ProbeSample => {
      const at = `${where}.samples[${i}]`;
      const s = record(rawSample, at);
      const outcome = s.outcome as ProbeOutcome;
      if (!OUTCOMES.includes(outcome))
        fail(`${at}.outcome`, `must be one of ${OUTCOMES.join(', ')}; got ${got(outcome)}`);
      const sample = {
        sentAtMs: number(s.sentAtMs, `${at}.sentAtMs`),
        latencyMs: number(s.latencyMs, `${at}.latencyMs`),
        outcome,
      };
      inside(sample.sentAtMs, `${at}.sentAtMs`);
      if (outcome === 'ok' && sample.latencyMs > measured.probeTimeoutMs) {
        fail(
          `${at}.latencyMs`,
          `(${sample.latencyMs}) is slower than the client timeout (measured.probeTimeoutMs is ${measured.probeTimeoutMs}), yet the probe is marked answered`,
        );
      }
      return sample;
    });
    samples.forEach((s, i) => {
      if (i > 0 && s.sentAtMs < samples[i - 1].sentAtMs) {
        fail(
          `${where}.samples[${i}].sentAtMs`,
          `(${s.sentAtMs}) is earlier than the probe before it (${samples[i - 1].sentAtMs}); samples must be in send order`,
        );
      }
    });
    const summary = summarizeProbes(samples);
    const summaryRaw = record(run.summary, `${where}.summary`);
    story(() => {
      for (const key of Object.keys(summary) as (keyof ProbeSummary)[]) {
        if (summaryRaw[key] !== summary[key])
          fail(`${where}.summary.${key}`, `is ${got(summaryRaw[key])} but the samples give ${summary[key]}`);
      }
    });
    const outageAtMs = number(run.outageAtMs, `${where}.outageAtMs`);
    // The run records when its outage was really triggered: the planned time plus the scheduler's jitter.
    story(() => {
      if (Math.abs(outageAtMs - scenario.outageAtMs) > measured.probeIntervalMs / 2) {
        fail(
          `${where}.outageAtMs`,
          `(${outageAtMs}) differs from the scenario's outageAtMs (${scenario.outageAtMs}) by more than half a probe interval; the run must trigger the outage when its parameters say`,
        );
      }
    });

    const events = list(run.events, `${where}.events`).map((rawEvent, i): ServiceEvent => {
      const at = `${where}.events[${i}]`;
      const ev = record(rawEvent, at);
      const atMs = number(ev.atMs, `${at}.atMs`);
      inside(atMs, `${at}.atMs`);
      if (!SERVICE_EVENTS.includes(ev.event as ServiceEventName))
        fail(`${at}.event`, `must be one of ${SERVICE_EVENTS.join(', ')}; got ${got(ev.event)}`);
      return {atMs, event: ev.event as ServiceEventName};
    });
    events.forEach((ev, i) => {
      if (i > 0 && ev.atMs < events[i - 1].atMs)
        fail(`${where}.events[${i}].atMs`, `(${ev.atMs}) is earlier than the event before it; events must be in order`);
    });
    story(() => {
      const names = events.map((ev) => ev.event);
      const expected = PATH_EVENTS[path]
        .filter((step) => !step.onlyIfCloseOutlastsGrace || scenario.closeDelayMs > measured.graceMs)
        .map((step) => step.event);
      if (names.join() !== expected.join()) {
        fail(
          `${where}.events`,
          `are ${names.join(', ') || 'none'}; with a ${scenario.closeDelayMs} ms close the ${path} path logs ${expected.join(', ')}, in that order`,
        );
      }
      if (Math.abs(events[0].atMs - outageAtMs) > measured.probeIntervalMs) {
        fail(
          `${where}.events[0].atMs`,
          `(${events[0].atMs}) is not when the outage was triggered (${outageAtMs}): are the clocks aligned?`,
        );
      }
    });

    const buckets = Math.ceil(runLengthMs / measured.lagBucketMs);
    const loopLagMs = list(run.loopLagMs, `${where}.loopLagMs`).map((lag, i) =>
      lag === null ? null : number(lag, `${where}.loopLagMs[${i}]`),
    );
    if (loopLagMs.length !== buckets) {
      fail(
        `${where}.loopLagMs`,
        `has ${loopLagMs.length} entries; a run of ${runLengthMs} ms in buckets of ${measured.lagBucketMs} ms has ${buckets}`,
      );
    }
    const slowCallbacks = list(run.slowCallbacks, `${where}.slowCallbacks`).map((rawReport, i): SlowCallback => {
      const at = `${where}.slowCallbacks[${i}]`;
      const report = record(rawReport, at);
      const atMs = number(report.atMs, `${at}.atMs`);
      inside(atMs, `${at}.atMs`);
      return {atMs, message: text(report.message, `${at}.message`)};
    });
    return {outageAtMs, samples, summary, events, loopLagMs, slowCallbacks};
  };

  const rawScenarios = list(root.scenarios, 'scenarios');
  if (rawScenarios.length === 0) fail('scenarios', 'is empty; measure at least one with npm run lab');
  const scenarios = rawScenarios.map((rawScenario, i): Scenario => {
    const where = `scenarios[${i}]`;
    const s = record(rawScenario, where);
    const base = {
      closeDelayMs: number(s.closeDelayMs, `${where}.closeDelayMs`, 1),
      runLengthMs: number(s.runLengthMs, `${where}.runLengthMs`, 1),
      outageAtMs: number(s.outageAtMs, `${where}.outageAtMs`),
    };
    if (base.outageAtMs >= base.runLengthMs)
      fail(`${where}.outageAtMs`, `(${base.outageAtMs}) must fall inside the run (runLengthMs is ${base.runLengthMs})`);
    const runsRaw = record(s.runs, `${where}.runs`);
    const runs = Object.fromEntries(
      RECONNECT_PATHS.map((path) => [path, parseRun(runsRaw[path], `${where}.runs.${path}`, base, path)]),
    ) as Record<ReconnectPath, ProbeRun>;

    // The story is a freeze as long as the engine's close before the fix, and none after.
    story(() => checkFreezes(runs, base, where));
    return {...base, runs};
  });
  scenarios.forEach((scenario, i) => {
    if (i > 0 && scenario.closeDelayMs <= scenarios[i - 1].closeDelayMs)
      fail(
        `scenarios[${i}].closeDelayMs`,
        `(${scenario.closeDelayMs}) must be longer than the scenario before it: one scenario per close delay, shortest first`,
      );
  });
  return {schemaVersion: SCHEMA_VERSION, measured, environment, scenarios};

  function checkFreezes(runs: Record<ReconnectPath, ProbeRun>, base: Omit<Scenario, 'runs'>, where: string) {
    const before = `${where}.runs.before`;
    if (runs.before.summary.maxMs <= STALL_MS) {
      fail(
        `${before}.samples`,
        `hold no probe slower than ${STALL_MS} ms: the run before the fix shows no freeze (are the runs swapped?)`,
      );
    }
    const lag = maxLoopLagMs(runs.before);
    if (Math.abs(lag - base.closeDelayMs) > freezeTolerance(base.closeDelayMs)) {
      fail(
        `${before}.loopLagMs`,
        `show the loop blocked for ${lag} ms at most, not about the engine's ${base.closeDelayMs} ms close (±${freezeTolerance(base.closeDelayMs)} ms); re-measure with npm run lab`,
      );
    }
    const after = `${where}.runs.after`;
    const stalled = runs.after.samples.findIndex((sample) => sample.latencyMs > STALL_MS);
    if (stalled !== -1) {
      const sample = runs.after.samples[stalled];
      fail(
        `${after}.samples[${stalled}]`,
        `(${sample.outcome}, ${sample.latencyMs} ms) shows a freeze, but the run after the fix must answer every probe within ${STALL_MS} ms; re-measure with npm run lab`,
      );
    }
    const blocked = runs.after.loopLagMs.findIndex((bucketLag) => bucketLag === null || bucketLag >= STALL_MS);
    if (blocked !== -1) {
      fail(
        `${after}.loopLagMs[${blocked}]`,
        `(${got(runs.after.loopLagMs[blocked])}) shows the loop blocked, but after the fix it must never stall more than ${STALL_MS} ms; re-measure with npm run lab`,
      );
    }
  }
}
