import type React from 'react';
import {useEffect, useId, useMemo, useRef, useState} from 'react';

import {RECONNECT_PATHS, type ProbeRecording, type ReconnectPath} from '@site/src/measurements/probeRecording';
import {
  createClock,
  pause,
  play,
  restart,
  seek,
  setDuration,
  setSpeed,
  SPEEDS,
  tick,
  type ClockState,
  type Speed,
} from '@site/src/replay/replayClock';
import {formatMs, probesAt, runningStats} from '@site/src/replay/probeTimeline';
import {
  DEFAULT_PROBE_SETTINGS,
  findFreeze,
  kubeletVerdict,
  PROBE_SETTING_BOUNDS,
  projectFreeze,
  type ProbeSettings,
} from '@site/src/replay/kubelet';
import ProbeChart from './ProbeChart';
import {PATH_TITLES} from './ReplayTables';
import styles from './styles.module.css';

/** Freeze lengths from production (30 to 120 s) the reader can project the measured run to. */
const PROJECTIONS_S = [30, 60, 120];

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

export default function ReplayPlayer({recording}: {recording: ProbeRecording}): React.JSX.Element {
  const {measured, runs} = recording;
  const id = useId();
  const [interactive, setInteractive] = useState(false);
  const reducedMotion = useReducedMotion();
  const [projectionS, setProjectionS] = useState(0);
  const [settings, setSettings] = useState<ProbeSettings>(DEFAULT_PROBE_SETTINGS);
  const [announcement, setAnnouncement] = useState('');

  // Each run as shown: measured, or the before run with its freeze stretched.
  const timelines = useMemo(() => {
    const measuredFreeze = findFreeze(runs.before.samples);
    const projection =
      projectionS > 0 && measuredFreeze
        ? projectFreeze(runs.before.samples, measuredFreeze, {
            freezeMs: projectionS * 1000,
            intervalMs: measured.probeIntervalMs,
            runLengthMs: measured.runLengthMs,
          })
        : null;
    const durationMs = projection?.runLengthMs ?? measured.runLengthMs;
    const samples = {before: projection?.samples ?? runs.before.samples, after: runs.after.samples};
    return {
      durationMs,
      samples,
      freeze: {before: projection?.freeze ?? measuredFreeze, after: findFreeze(runs.after.samples)},
    };
  }, [runs, measured, projectionS]);

  const verdicts = useMemo(
    () => ({
      before: kubeletVerdict(timelines.samples.before, settings, timelines.durationMs),
      after: kubeletVerdict(timelines.samples.after, settings, measured.runLengthMs),
    }),
    [timelines, settings, measured.runLengthMs],
  );

  const [clock, setClock] = useState<ClockState>(() => createClock(timelines.durationMs));
  useEffect(() => setClock((c) => setDuration(c, timelines.durationMs)), [timelines.durationMs]);
  useEffect(() => setInteractive(true), []);

  // Animation: one state update per frame while playing, never with reduced motion.
  const lastFrame = useRef<number | null>(null);
  useEffect(() => {
    if (!clock.playing || reducedMotion) return undefined;
    let frame = requestAnimationFrame(function step(now) {
      const delta = lastFrame.current === null ? 0 : now - lastFrame.current;
      lastFrame.current = now;
      setClock((c) => tick(c, delta));
      frame = requestAnimationFrame(step);
    });
    return () => {
      cancelAnimationFrame(frame);
      lastFrame.current = null;
    };
  }, [clock.playing, reducedMotion]);

  const atTime = Object.fromEntries(
    RECONNECT_PATHS.map((path) => {
      const probes = probesAt(timelines.samples[path], clock.timeMs);
      return [path, {probes, stats: runningStats(probes)}];
    }),
  ) as Record<ReconnectPath, {probes: ReturnType<typeof probesAt>; stats: ReturnType<typeof runningStats>}>;

  const describeMoment = () =>
    `${formatMs(clock.timeMs)} of ${formatMs(clock.durationMs)}. ` +
    RECONNECT_PATHS.map((path) => {
      const {stats} = atTime[path];
      return `${PATH_TITLES[path]}: ${stats.answered} of ${stats.sent} probes answered, slowest ${formatMs(stats.slowestMs)}.`;
    }).join(' ');

  const update = (next: ClockState, message: string) => {
    setClock(next);
    setAnnouncement(message);
  };

  const verdictText = (path: ReconnectPath): string => {
    const verdict = verdicts[path];
    const failed = verdict.probes.filter((p) => p.failed).length;
    if (verdict.restartAtMs !== null) {
      return clock.timeMs >= verdict.restartAtMs
        ? `Pod restarted at ${formatMs(verdict.restartAtMs)}: ${settings.failureThreshold} kubelet probes failed in a row.`
        : `Kubelet: ${failed} of ${verdict.probes.length} probes fail; the pod will be restarted at ${formatMs(verdict.restartAtMs)}.`;
    }
    return `No restart: ${failed} of ${verdict.probes.length} kubelet probes failed, never ${settings.failureThreshold} in a row.`;
  };

  const changeSetting = (key: keyof ProbeSettings, raw: string) => {
    const {min, max} = PROBE_SETTING_BOUNDS[key];
    const value = Math.round(Number(raw));
    if (!Number.isFinite(value)) return;
    setSettings((s) => ({...s, [key]: Math.min(max, Math.max(min, value))}));
  };

  return (
    <div className={styles.player} data-replay-player={interactive ? 'ready' : 'static'}>
      {interactive && (
        // biome-ignore lint/a11y/useSemanticElements: buttons, not form fields; a fieldset would change how they are announced and styled
        <div className={styles.controls} role="group" aria-label="Replay controls">
          <button
            type="button"
            className="button button--primary button--sm"
            disabled={reducedMotion}
            onClick={() =>
              clock.playing
                ? update(pause(clock), `Paused at ${describeMoment()}`)
                : update(play(clock), `Playing at ${clock.speed}× speed.`)
            }
          >
            {clock.playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            className="button button--secondary button--sm"
            disabled={reducedMotion}
            onClick={() => update(restart(clock), 'Replaying from the start.')}
          >
            Restart
          </button>
          <label className={styles.speed}>
            Speed{' '}
            <select
              value={clock.speed}
              onChange={(e) => update(setSpeed(clock, Number(e.target.value) as Speed), `Speed ${e.target.value}×.`)}
            >
              {SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {speed}×
                </option>
              ))}
            </select>
          </label>
          <label className={styles.scrub}>
            <span>Time</span>
            <input
              type="range"
              min={0}
              max={clock.durationMs}
              step={measured.probeIntervalMs}
              value={clock.timeMs}
              aria-valuetext={`${formatMs(clock.timeMs)} of ${formatMs(clock.durationMs)}`}
              onChange={(e) => setClock(seek(pause(clock), Number(e.target.value)))}
              onKeyUp={() => setAnnouncement(describeMoment())}
              onPointerUp={() => setAnnouncement(describeMoment())}
            />
          </label>
          {reducedMotion && (
            <p className={styles.note}>
              Animation is off because your system asks for reduced motion: drag the time slider to step through.
            </p>
          )}
        </div>
      )}

      <p className={styles.elapsed} data-readout="elapsed">
        Time: {formatMs(clock.timeMs)} of {formatMs(clock.durationMs)}
      </p>
      {RECONNECT_PATHS.map((path) => {
        const {stats} = atTime[path];
        return (
          <section key={path} className={styles.run} aria-labelledby={`${id}-${path}`}>
            <h4 id={`${id}-${path}`} className={styles.runTitle}>
              {PATH_TITLES[path]}
              {path === 'before' && projectionS > 0 && (
                <span className={styles.projectionBadge}>projection: {projectionS} s freeze, not a measurement</span>
              )}
            </h4>
            <dl className={styles.readout} data-readout={path}>
              <div>
                <dt>Answered</dt>
                <dd>
                  {stats.answered} of {stats.sent}
                </dd>
              </div>
              <div>
                <dt>Waiting now</dt>
                <dd>{stats.waiting}</dd>
              </div>
              <div>
                <dt>Slowest so far</dt>
                <dd>{formatMs(stats.slowestMs)}</dd>
              </div>
            </dl>
            <ProbeChart
              label={`${PATH_TITLES[path]}: latency of each /health/liveliness probe over time, log scale; slowest ${formatMs(stats.slowestMs)}.`}
              probes={atTime[path].probes}
              timeMs={clock.timeMs}
              durationMs={clock.durationMs}
              intervalMs={measured.probeIntervalMs}
              outageAtMs={runs[path].outageAtMs}
              freeze={timelines.freeze[path]}
              kubelet={verdicts[path]}
              dataEndsAtMs={path === 'after' ? measured.runLengthMs : undefined}
            />
            <p className={styles.verdict} data-verdict={path}>
              {verdictText(path)}
            </p>
          </section>
        );
      })}

      {interactive && (
        <fieldset className={styles.kubelet}>
          <legend>What would Kubernetes do?</legend>
          {(Object.keys(PROBE_SETTING_BOUNDS) as (keyof ProbeSettings)[]).map((key) => (
            <label key={key}>
              <code>{key}</code>
              <input
                type="number"
                inputMode="numeric"
                min={PROBE_SETTING_BOUNDS[key].min}
                max={PROBE_SETTING_BOUNDS[key].max}
                value={settings[key]}
                onChange={(e) => changeSetting(key, e.target.value)}
              />
            </label>
          ))}
          <label>
            Freeze length
            <select value={projectionS} onChange={(e) => setProjectionS(Number(e.target.value))}>
              <option value={0}>As measured</option>
              {PROJECTIONS_S.map((s) => (
                <option key={s} value={s}>
                  Projected: {s} s
                </option>
              ))}
            </select>
          </label>
          <p className={styles.note}>
            Kubelet probes (✓ passed, ✕ failed) are judged from the lab probe sent closest to each. A projected freeze
            (30 to 120 s, the range seen in production) is modelled from the measured run, not measured. The fixed path
            is shown as measured: with the fix the engine is killed after 0.5 s whatever its close time, and the
            measured run ends at {formatMs(measured.runLengthMs)}.
          </p>
        </fieldset>
      )}
      <p className={styles.srOnly} aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
