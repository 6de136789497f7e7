/**
 * What the replay shows at one moment, computed from the recording, the
 * reader's kubelet settings and the clock: the player only draws it.
 */
import {
  RECONNECT_PATHS,
  type ProbeRecording,
  type ProbeRun,
  type ReconnectPath,
  type Scenario,
  type ServiceEvent,
} from '../measurements/probeRecording';
import {kubeletVerdict, PROBE_SETTING_BOUNDS, type KubeletVerdict, type ProbeSettings} from './kubelet';
import {engineSegments, loopSegments, segmentsUntil, type EngineState, type LoopState, type Segment} from './lanes';
import {formatMs, probesAt, runningStats, type ProbeAtTime, type RunningStats} from './probeTimeline';

export const PATH_TITLES: Record<ReconnectPath, string> = {before: 'Before the fix', after: 'After the fix'};

/** A run's lanes over its whole length; they change only with the scenario or the settings. */
export type WholeRunLanes = {
  loop: Segment<LoopState>[];
  engine: Segment<EngineState>[];
  kubelet: KubeletVerdict;
};

export function runLanes(
  run: ProbeRun,
  scenario: Scenario,
  measured: ProbeRecording['measured'],
  settings: ProbeSettings,
): WholeRunLanes {
  return {
    loop: loopSegments(run.loopLagMs, measured.lagBucketMs, scenario.runLengthMs),
    engine: engineSegments(run.events, scenario.runLengthMs),
    kubelet: kubeletVerdict(run.samples, settings, scenario.runLengthMs),
  };
}

/** A run as it stood at one moment. */
export type RunMoment = {
  /** The service's events so far. */
  events: ServiceEvent[];
  probes: ProbeAtTime[];
  stats: RunningStats;
  loop: Segment<LoopState>[];
  engine: Segment<EngineState>[];
  kubeletProbes: KubeletVerdict['probes'];
  /** When the kubelet restarted the pod, once that moment has passed. */
  restartAtMs: number | null;
};

export function runAt(run: ProbeRun, lanes: WholeRunLanes, timeMs: number): RunMoment {
  const probes = probesAt(run.samples, timeMs);
  return {
    events: run.events.filter((event) => event.atMs <= timeMs),
    probes,
    stats: runningStats(probes),
    loop: segmentsUntil(lanes.loop, timeMs),
    engine: segmentsUntil(lanes.engine, timeMs),
    kubeletProbes: lanes.kubelet.probes.filter((probe) => probe.atMs <= timeMs),
    restartAtMs:
      lanes.kubelet.restartAtMs !== null && timeMs >= lanes.kubelet.restartAtMs ? lanes.kubelet.restartAtMs : null,
  };
}

/**
 * The kubelet's verdict as it stands at `timeMs` of a run `durationMs` long: the restart once it has happened, the
 * final count at the end, and until then only the probes whose outcome is in (a probe fails when its timeout runs
 * out), so the replay never tells what is yet to come.
 */
export function verdictText(
  verdict: KubeletVerdict,
  settings: ProbeSettings,
  timeMs: number,
  durationMs: number,
): string {
  const threshold = settings.failureThreshold;
  if (verdict.restartAtMs !== null && timeMs >= verdict.restartAtMs)
    return `Pod restarted at ${formatMs(verdict.restartAtMs)}: ${threshold} kubelet probes failed in a row.`;
  const failedCount = (probes: KubeletVerdict['probes']) => probes.filter((probe) => probe.failed).length;
  if (verdict.restartAtMs === null && timeMs >= durationMs)
    return `No restart: ${failedCount(verdict.probes)} of ${verdict.probes.length} kubelet probes failed, never ${threshold} in a row.`;
  const known = verdict.probes.filter((probe) => probe.atMs + settings.timeoutSeconds * 1000 <= timeMs);
  if (known.length === 0)
    return `Kubelet: no probe has answered or timed out yet; ${threshold} failed in a row restart the pod.`;
  const inARow = known.reduce((run, probe) => (probe.failed ? run + 1 : 0), 0);
  return `Kubelet so far: ${failedCount(known)} of ${known.length} probes failed, ${inARow} in a row; ${threshold} failed in a row restart the pod.`;
}

/** The screen-reader summary of a moment, said after a seek or a pause. */
export function describeMoment(timeMs: number, durationMs: number, moments: Record<ReconnectPath, RunMoment>): string {
  return (
    `${formatMs(timeMs)} of ${formatMs(durationMs)}. ` +
    RECONNECT_PATHS.map((path) => {
      const {stats, loop, restartAtMs} = moments[path];
      const loopNow = loop.at(-1)?.state === 'blocked' ? 'event loop blocked' : 'event loop running';
      const restart = restartAtMs === null ? '' : `, pod restarted at ${formatMs(restartAtMs)}`;
      return `${PATH_TITLES[path]}: ${stats.answered} of ${stats.sent} probes answered, slowest ${formatMs(stats.slowestMs)}, ${loopNow}${restart}.`;
    }).join(' ')
  );
}

/** The announcement when playback crosses a restart, or null. */
export function restartCrossed(
  previousMs: number,
  nowMs: number,
  verdicts: Record<ReconnectPath, KubeletVerdict>,
  settings: ProbeSettings,
): string | null {
  for (const path of RECONNECT_PATHS) {
    const at = verdicts[path].restartAtMs;
    if (at !== null && previousMs < at && nowMs >= at)
      return `${PATH_TITLES[path]}: the kubelet restarts the pod at ${formatMs(at)}, after ${settings.failureThreshold} failed probes in a row.`;
  }
  return null;
}

/**
 * A settings field's text as the reader types it: a whole number within
 * Kubernetes' bounds, or null while it is empty or out of range (the field
 * keeps the text and the replay keeps the last valid value).
 */
export function parseSetting(key: keyof ProbeSettings, raw: string): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  const {min, max} = PROBE_SETTING_BOUNDS[key];
  return value >= min && value <= max ? value : null;
}

/** The close the fix's pull request injected in its own test: the lab scenario its figures compare with. */
export const PULL_REQUEST_CLOSE_MS = 5000;

export function scenarioLabel(closeDelayMs: number): string {
  return `Engine close ${closeDelayMs / 1000} s${closeDelayMs === PULL_REQUEST_CLOSE_MS ? ' (as the pull request injected)' : ''}`;
}
