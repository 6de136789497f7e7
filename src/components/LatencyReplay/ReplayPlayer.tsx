import type React from 'react';
import {Fragment, useEffect, useId, useMemo, useRef, useState} from 'react';

import {RECONNECT_PATHS, type ProbeRecording, type ReconnectPath} from '@site/src/measurements/probeRecording';
import {
  createClock,
  pause,
  play,
  restart,
  seek,
  setSpeed,
  SPEEDS,
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
  type RunMoment,
  type WholeRunLanes,
} from '@site/src/replay/replayView';
import {legendEntries} from '@site/src/replay/lanes';
import {readViewState} from '@site/src/replay/urlState';
import {useAddressSync, usePlayback, useReducedMotion, useScenarios} from './replayHooks';
import RunLanes from './RunLanes';
import styles from './styles.module.css';

/** Slider steps: a probe interval, or more on long runs, so the keyboard crosses any run in about 200 steps. */
function sliderStep(durationMs: number, intervalMs: number): number {
  return Math.max(intervalMs, Math.round(durationMs / 200 / 100) * 100);
}

export type ReplayPlayerProps = {
  /** The scenarios at hand: on the page, only the first one; the rest come from `recordingUrl`. */
  recording: ProbeRecording;
  /** Every scenario's close delay, so the picker offers them before their data is fetched. */
  closeDelaysMs: number[];
  /** Where the whole recording is served, with the site's base URL. */
  recordingUrl: string;
};

export default function ReplayPlayer({
  recording: inline,
  closeDelaysMs,
  recordingUrl,
}: ReplayPlayerProps): React.JSX.Element {
  const defaultCloseDelayMs = inline.scenarios[0].closeDelayMs;
  const id = useId();
  const [interactive, setInteractive] = useState(false);
  const reducedMotion = useReducedMotion();
  const [settings, setSettings] = useState<ProbeSettings>(DEFAULT_PROBE_SETTINGS);
  const [drafts, setDrafts] = useState<Record<keyof ProbeSettings, string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const {measured, scenario, closeDelayMs, loading, showScenario} = useScenarios(inline, recordingUrl, setAnnouncement);

  const lanes = useMemo(
    () =>
      Object.fromEntries(
        RECONNECT_PATHS.map((path) => [path, runLanes(scenario.runs[path], scenario, measured, settings)]),
      ) as Record<ReconnectPath, WholeRunLanes>,
    [scenario, measured, settings],
  );
  const verdicts = {before: lanes.before.kubelet, after: lanes.after.kubelet};

  const [clock, setClock] = useState<ClockState>(() => createClock(scenario.runLengthMs));

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

  useAddressSync(syncAddress, {closeDelayMs, settings, clock}, defaultCloseDelayMs);
  usePlayback(clock, setClock, reducedMotion);

  // The restart is said aloud when playback reaches it.
  const previousTime = useRef(clock.timeMs);
  useEffect(() => {
    const crossed = clock.playing ? restartCrossed(previousTime.current, clock.timeMs, verdicts, settings) : null;
    previousTime.current = clock.timeMs;
    if (crossed) setAnnouncement(crossed);
  });

  const moments = Object.fromEntries(
    RECONNECT_PATHS.map((path) => [path, runAt(scenario.runs[path], lanes[path], clock.timeMs)]),
  ) as Record<ReconnectPath, RunMoment>;
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
        {legendEntries().map(({swatch, meanings}) => (
          <Fragment key={swatch}>
            <i className={styles[swatch]} /> {meanings.join(', ')}{' '}
          </Fragment>
        ))}
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
