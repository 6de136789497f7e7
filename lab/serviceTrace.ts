import {roundMs, type ProbeRun, type ServiceEvent, type SlowCallback} from '../src/measurements/probeRecording';

/** How often the service's heartbeat asks to wake, and the buckets its lag is kept in. */
export const HEARTBEAT_MS = 10;
export const LAG_BUCKET_MS = 100;
/** asyncio debug mode's threshold for reporting a slow callback (its own default). */
export const SLOW_CALLBACK_MS = 100;

/** What GET /lab/trace answers. */
export type ServiceTrace = {
  events: {atNs: number; event: string}[];
  /** [woke at, lag], ns on the monotonic clock. */
  heartbeats: [number, number][];
  slowCallbacks: {atNs: number; message: string}[];
};

/**
 * Puts the service's trace on the probes' time axis. Both read CLOCK_MONOTONIC on Linux
 * (Python's time.monotonic_ns(), Node's process.hrtime), so a time minus the run's start is a
 * time since the run started. The heartbeat is kept as its worst lag per bucket.
 */
export function alignTrace(
  trace: ServiceTrace,
  runStartNs: bigint,
  runLengthMs: number,
): Pick<ProbeRun, 'events' | 'loopLagMs' | 'slowCallbacks'> {
  // Plain numbers: past 2^53 ns (104 days of uptime) they lose a few nanoseconds, far below the 0.1 ms kept.
  const startNs = Number(runStartNs);
  const toMs = (ns: number) => roundMs((ns - startNs) / 1e6);
  const loopLagMs: (number | null)[] = Array.from({length: Math.ceil(runLengthMs / LAG_BUCKET_MS)}, () => null);
  for (const [wokeAtNs, lagNs] of trace.heartbeats) {
    const bucket = Math.floor(toMs(wokeAtNs) / LAG_BUCKET_MS);
    if (bucket < 0 || bucket >= loopLagMs.length) continue;
    loopLagMs[bucket] = Math.max(loopLagMs[bucket] ?? 0, roundMs(lagNs / 1e6));
  }
  return {
    events: trace.events.map(({atNs, event}) => ({atMs: toMs(atNs), event}) as ServiceEvent),
    loopLagMs,
    slowCallbacks: trace.slowCallbacks.map(({atNs, message}): SlowCallback => ({atMs: toMs(atNs), message})),
  };
}
