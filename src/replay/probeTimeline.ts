import type {ProbeSample} from '../measurements/probeRecording';

/** A probe as a watcher would have seen it at one moment of the run. */
export type ProbeAtTime = {
  sentAtMs: number;
  /** Final latency once answered; the time waited so far while still open. */
  latencyMs: number;
  state: 'answered' | 'waiting' | 'failed';
};

export type RunningStats = {
  sent: number;
  answered: number;
  waiting: number;
  failed: number;
  /** The longest wait so far, answered or still open. */
  slowestMs: number;
};

/** Probes sent by tMs, each with what was known of it at tMs. Samples are in send order. */
export function probesAt(samples: readonly ProbeSample[], tMs: number): ProbeAtTime[] {
  const visible: ProbeAtTime[] = [];
  for (const sample of samples) {
    if (sample.sentAtMs > tMs) break;
    const doneAtMs = sample.sentAtMs + sample.latencyMs;
    if (doneAtMs <= tMs) {
      visible.push({
        sentAtMs: sample.sentAtMs,
        latencyMs: sample.latencyMs,
        state: sample.outcome === 'ok' ? 'answered' : 'failed',
      });
    } else {
      visible.push({sentAtMs: sample.sentAtMs, latencyMs: tMs - sample.sentAtMs, state: 'waiting'});
    }
  }
  return visible;
}

export function runningStats(probes: readonly ProbeAtTime[]): RunningStats {
  const stats: RunningStats = {sent: probes.length, answered: 0, waiting: 0, failed: 0, slowestMs: 0};
  for (const probe of probes) {
    stats[probe.state] += 1;
    stats.slowestMs = Math.max(stats.slowestMs, probe.latencyMs);
  }
  return stats;
}

/** "2.7 ms", "350 ms", "5.02 s": precise where small, short where large. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 1000).toFixed(1)} s`;
}
