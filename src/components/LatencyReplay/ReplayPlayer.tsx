import type React from 'react';
import {useEffect, useId, useMemo, useRef, useState} from 'react';

import {
  parseProbeRecording,
  RECONNECT_PATHS,
  type ProbeRecording,
  type ReconnectPath,
} from '@site/src/measurements/probeRecording';
import {
  createClock,
  pause,
  play,
  restart,
  seek,
  setSpeed,
  SPEEDS,
  tick,
  type ClockState,
  type Speed,
} from '@site/src/replay/replayClock';
import {DEFAULT_PROBE_SETTINGS, PROBE_SETTING_BOUNDS, type ProbeSettings} from '@site/src/replay/kubelet';
import {formatMs} from '@site/src/replay/probeTimeline';
import {
  describeMoment,
  PATH_TITLES,
  parseSetting,
  restartCrossed,
  runAt,
  runLanes,
  scenarioLabel,
  verdictText,
} from '@site/src/replay/replayView';
import {createJsonLoader} from '@site/src/site/jsonLoader';
import {readViewState, writeViewState} from '@site/src/replay/urlState';
import RunLanes from './RunLanes';
import styles from './styles.module.css';

/** Slider steps: a probe interval, or more on long runs, so the keyboard crosses any run in about 200 steps. */
function sliderStep(durationMs: number, intervalMs: number): number {
  return Math.max(intervalMs, Math.round(durationMs / 200 / 100) * 100);
}

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

export type ReplayPlayerProps = {
  /** The scenarios at hand: on the page, only the first one; the rest come from `recordingUrl`. */
  recording: ProbeRecording;
  /** Every scenario's close delay, so the picker offers them before their data is fetched. */
  closeDelaysMs: number[];
  /** Where the whole recording is served, with the site's base URL. */
  recordingUrl: string;
};

type Loading = {closeDelayMs: number; state: 'loading' | 'failed'} | null;

export default function ReplayPlayer({
  recording: inline,
  closeDelaysMs,
  recordingUrl,
}: ReplayPlayerProps): React.JSX.Element {
  const defaultCloseDelayMs = inline.scenarios[0].closeDelayMs;
  const id = useId();
  const [interactive, setInteractive] = useState(false);
  const reducedMotion = useReducedMotion();
  const [recording, setRecording] = useState(inline);
  const [closeDelayMs, setCloseDelayMs] = useState(defaultCloseDelayMs);
  const [loading, setLoading] = useState<Loading>(null);
  const [settings, setSettings] = useState<ProbeSettings>(DEFAULT_PROBE_SETTINGS);
  const [drafts, setDrafts] = useState<Record<keyof ProbeSettings, string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const {measured} = recording;
  const scenario = recording.scenarios.find((s) => s.closeDelayMs === closeDelayMs) ?? recording.scenarios[0];

  const lanes = useMemo(
    () =>
      Object.fromEntries(
        RECONNECT_PATHS.map((path) => [path, runLanes(scenario.runs[path], scenario, measured, settings)]),
      ) as Record<ReconnectPath, ReturnType<typeof runLanes>>,
    [scenario, measured, settings],
  );
  const verdicts = {before: lanes.before.kubelet, after: lanes.after.kubelet};

  const [clock, setClock] = useState<ClockState>(() => createClock(scenario.runLengthMs));

  const [loadRecording] = useState(() => createJsonLoader(parseProbeRecording));
  // Only the newest pick counts: a slow fetch for an earlier one must not undo it.
  const latestPick = useRef(0);
  /** Shows a scenario, fetching the whole recording the first time one is not on the page. */
  const showScenario = async (wanted: number, then: (durationMs: number) => void) => {
    const pick = ++latestPick.current;
    let source = recording;
    if (!source.scenarios.some((s) => s.closeDelayMs === wanted)) {
      setLoading({closeDelayMs: wanted, state: 'loading'});
      setAnnouncement(`Loading the ${scenarioLabel(wanted)} scenario.`);
      try {
        source = await loadRecording(recordingUrl);
      } catch (error) {
        if (pick !== latestPick.current) return;
        console.error('The replay could not load its recording:', error);
        setLoading({closeDelayMs: wanted, state: 'failed'});
        setAnnouncement(
          `Could not load the ${scenarioLabel(wanted)} scenario; the replay still shows ${scenarioLabel(closeDelayMs)}.`,
        );
        return;
      }
      if (pick !== latestPick.current) return;
      setRecording(source);
    }
    const next = source.scenarios.find((s) => s.closeDelayMs === wanted)!;
    setLoading(null);
    setCloseDelayMs(wanted);
    setAnnouncement(`${scenarioLabel(wanted)}: ${formatMs(next.runLengthMs)} per run.`);
    then(next.runLengthMs);
  };

  // The address follows the view only once the view a shared link names is on screen (or the reader has acted):
  // a link whose scenario is still loading, or failed to load, keeps its address.
  const [syncAddress, setSyncAddress] = useState(false);
  const acted = () => setSyncAddress(true);

  // Start from the view a shared link names, once, on the first render in the browser.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once; later changes come from the reader, not the props
  useEffect(() => {
    const view = readViewState(window.location.search, closeDelaysMs, defaultCloseDelayMs);
    setSettings(view.settings);
    setInteractive(true);
    void showScenario(view.closeDelayMs, (durationMs) => {
      setClock(seek(createClock(durationMs), view.timeMs ?? durationMs));
      setSyncAddress(true);
    });
  }, []);

  // Keep the address in step with the view, so it can be shared; time only while paused (not each frame).
  useEffect(() => {
    if (!syncAddress || clock.playing) return;
    const atEnd = clock.timeMs >= clock.durationMs;
    const search = writeViewState(
      window.location.search,
      {closeDelayMs, settings, timeMs: atEnd ? null : clock.timeMs},
      defaultCloseDelayMs,
    );
    if (search !== window.location.search)
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
  }, [syncAddress, closeDelayMs, settings, clock.playing, clock.timeMs, clock.durationMs, defaultCloseDelayMs]);

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

  // The restart is said aloud when playback reaches it.
  const previousTime = useRef(clock.timeMs);
  useEffect(() => {
    const crossed = clock.playing ? restartCrossed(previousTime.current, clock.timeMs, verdicts, settings) : null;
    previousTime.current = clock.timeMs;
    if (crossed) setAnnouncement(crossed);
  });

  const moments = Object.fromEntries(
    RECONNECT_PATHS.map((path) => [path, runAt(scenario.runs[path], lanes[path], clock.timeMs)]),
  ) as Record<ReconnectPath, ReturnType<typeof runAt>>;
  const momentText = () => describeMoment(clock.timeMs, clock.durationMs, moments);
  const update = (next: ClockState, message: string) => {
    acted();
    setClock(next);
    setAnnouncement(message);
  };

  const changeSetting = (key: keyof ProbeSettings, raw: string) => {
    acted();
    setDrafts((d) => ({...(d ?? stringSettings(settings)), [key]: raw}));
    const value = parseSetting(key, raw);
    if (value !== null) setSettings((s) => ({...s, [key]: value}));
  };
  const fieldText = drafts ?? stringSettings(settings);

  return (
    <div className={styles.player} data-replay-player={interactive ? 'ready' : 'static'}>
      {interactive && (
        // biome-ignore lint/a11y/useSemanticElements: buttons, not form fields; a fieldset would change how they are announced and styled
        <div className={styles.controls} role="group" aria-label="Replay controls">
          <label className={styles.picker}>
            Scenario{' '}
            <select
              value={loading?.state === 'loading' ? loading.closeDelayMs : closeDelayMs}
              onChange={(e) => {
                acted();
                void showScenario(Number(e.target.value), (d) => setClock(createClock(d)));
              }}
            >
              {closeDelaysMs.map((ms) => (
                <option key={ms} value={ms}>
                  {scenarioLabel(ms)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary button--sm"
            disabled={reducedMotion}
            onClick={() =>
              clock.playing
                ? update(pause(clock), `Paused at ${momentText()}`)
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
          <label className={styles.picker}>
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
              step={sliderStep(clock.durationMs, measured.probeIntervalMs)}
              value={clock.timeMs}
              aria-valuetext={`${formatMs(clock.timeMs)} of ${formatMs(clock.durationMs)}`}
              onChange={(e) => {
                acted();
                setClock(seek(pause(clock), Number(e.target.value)));
              }}
              onKeyUp={() => setAnnouncement(momentText())}
              onPointerUp={() => setAnnouncement(momentText())}
            />
          </label>
          {loading && (
            <p className={styles.note} data-replay-loading={loading.state}>
              {loading.state === 'loading'
                ? `Loading ${scenarioLabel(loading.closeDelayMs)}…`
                : `${scenarioLabel(loading.closeDelayMs)} could not be loaded; the replay still shows ${scenarioLabel(closeDelayMs)}.`}
            </p>
          )}
          {reducedMotion && (
            <p className={styles.note}>
              Animation is off because your system asks for reduced motion: drag the time slider to step through.
            </p>
          )}
        </div>
      )}

      <p className={styles.elapsed} data-readout="elapsed">
        {scenarioLabel(closeDelayMs)}. Time: {formatMs(clock.timeMs)} of {formatMs(clock.durationMs)}
      </p>
      {RECONNECT_PATHS.map((path) => {
        const {stats} = moments[path];
        return (
          <section key={path} className={styles.run} aria-labelledby={`${id}-${path}`}>
            <h4 id={`${id}-${path}`} className={styles.runTitle}>
              {PATH_TITLES[path]}
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
            <RunLanes
              title={PATH_TITLES[path]}
              moment={moments[path]}
              timeMs={clock.timeMs}
              durationMs={clock.durationMs}
              intervalMs={measured.probeIntervalMs}
              outageAtMs={scenario.runs[path].outageAtMs}
            />
            <p className={styles.verdict} data-verdict={path}>
              {verdictText(verdicts[path], settings, clock.timeMs, clock.durationMs)}
            </p>
          </section>
        );
      })}

      <p className={styles.legend}>
        <i className={styles.answered} /> probe answered, new engine <i className={styles.waiting} /> probe waiting,
        engine terminating <i className={styles.failed} /> probe failed, loop blocked <i className={styles.running} />{' '}
        loop or engine running <i className={styles.exited} /> no engine
      </p>
      {interactive && (
        <fieldset className={styles.kubelet}>
          <legend>What would Kubernetes do?</legend>
          {(Object.keys(PROBE_SETTING_BOUNDS) as (keyof ProbeSettings)[]).map((key) => {
            const {min, max} = PROBE_SETTING_BOUNDS[key];
            const invalid = parseSetting(key, fieldText[key]) === null;
            return (
              <label key={key}>
                <code>{key}</code>
                <input
                  type="text"
                  inputMode="numeric"
                  value={fieldText[key]}
                  aria-invalid={invalid}
                  aria-describedby={invalid ? `${id}-${key}-range` : undefined}
                  onChange={(e) => changeSetting(key, e.target.value)}
                  onBlur={() => setDrafts(null)}
                />
                {invalid && (
                  <span id={`${id}-${key}-range`} className={styles.fieldHint}>
                    a whole number, {min} to {max}; the replay keeps {settings[key]}
                  </span>
                )}
              </label>
            );
          })}
          <p className={styles.note}>
            Kubelet probes (✓ passed, ✕ failed) are judged from the lab probe sent closest to each, the first at the
            run's start. The lab kept the pod running after a restart, to show how the freeze ends; in production the
            kubelet would have killed it there.
          </p>
        </fieldset>
      )}
      <p className={styles.srOnly} aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function stringSettings(settings: ProbeSettings): Record<keyof ProbeSettings, string> {
  return {
    periodSeconds: String(settings.periodSeconds),
    timeoutSeconds: String(settings.timeoutSeconds),
    failureThreshold: String(settings.failureThreshold),
  };
}
