import type {ProbeSample} from '../measurements/probeRecording';

export type ProbeSettings = {periodSeconds: number; timeoutSeconds: number; failureThreshold: number};

export const DEFAULT_PROBE_SETTINGS: ProbeSettings = {periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3};

/** Bounds for the reader's inputs: what Kubernetes accepts and a replay can still show. */
export const PROBE_SETTING_BOUNDS: Record<keyof ProbeSettings, {min: number; max: number}> = {
  periodSeconds: {min: 1, max: 60},
  timeoutSeconds: {min: 1, max: 60},
  failureThreshold: {min: 1, max: 10},
};

export type KubeletProbe = {atMs: number; failed: boolean};
export type KubeletVerdict = {probes: KubeletProbe[]; restartAtMs: number | null};

/**
 * What the kubelet would have concluded, probing every periodSeconds from the
 * start of the run: a probe fails when the lab probe sent closest to it took
 * longer than timeoutSeconds (or failed); failureThreshold failures in a row
 * restart the container once the last of them times out.
 */
export function kubeletVerdict(
  samples: readonly ProbeSample[],
  settings: ProbeSettings,
  horizonMs: number,
): KubeletVerdict {
  const periodMs = settings.periodSeconds * 1000;
  const timeoutMs = settings.timeoutSeconds * 1000;
  const probes: KubeletProbe[] = [];
  let failuresInRow = 0;
  for (let atMs = 0; atMs <= horizonMs && samples.length > 0; atMs += periodMs) {
    const nearest = closestSample(samples, atMs);
    const failed = nearest.outcome !== 'ok' || nearest.latencyMs > timeoutMs;
    probes.push({atMs, failed});
    failuresInRow = failed ? failuresInRow + 1 : 0;
    if (failuresInRow >= settings.failureThreshold) {
      return {probes, restartAtMs: atMs + Math.min(nearest.latencyMs, timeoutMs)};
    }
  }
  return {probes, restartAtMs: null};
}

/** Binary search over send times (samples are in send order). */
function closestSample(samples: readonly ProbeSample[], atMs: number): ProbeSample {
  let low = 0;
  let high = samples.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (samples[mid].sentAtMs < atMs) low = mid + 1;
    else high = mid;
  }
  const previous = samples[Math.max(0, low - 1)];
  return Math.abs(previous.sentAtMs - atMs) < Math.abs(samples[low].sentAtMs - atMs) ? previous : samples[low];
}
