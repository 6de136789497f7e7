/**
 * The replay's behaviour, apart from its view (ReplayPlayer): which scenario is shown and fetching it, the address
 * that names the view, and playback frame by frame.
 */
import {type Dispatch, type SetStateAction, useEffect, useRef, useState} from 'react';

import {readProbeRecording, type ProbeRecording} from '@site/src/measurements/probeRecording';
import type {ProbeSettings} from '@site/src/replay/kubelet';
import {formatMs} from '@site/src/replay/probeTimeline';
import {tick, type ClockState} from '@site/src/replay/replayClock';
import {scenarioLabel} from '@site/src/replay/replayView';
import {writeViewState} from '@site/src/replay/urlState';
import {createJsonLoader} from '@site/src/site/jsonLoader';

export function useReducedMotion(): boolean {
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

export type Loading = {closeDelayMs: number; state: 'loading' | 'failed'} | null;

/**
 * The scenario on screen, from the recording on the page or, the first time another is picked, the whole recording
 * fetched from `recordingUrl`. Only the newest pick counts: a slow fetch for an earlier one must not undo it.
 */
export function useScenarios(inline: ProbeRecording, recordingUrl: string, announce: (text: string) => void) {
  const [recording, setRecording] = useState(inline);
  const [closeDelayMs, setCloseDelayMs] = useState(inline.scenarios[0].closeDelayMs);
  const [loading, setLoading] = useState<Loading>(null);
  const [loadRecording] = useState(() => createJsonLoader(readProbeRecording));
  const latestPick = useRef(0);
  const scenario = recording.scenarios.find((s) => s.closeDelayMs === closeDelayMs) ?? recording.scenarios[0];

  /** Shows the scenario with this close delay, then calls `then` with its length. */
  const showScenario = async (wanted: number, then: (durationMs: number) => void) => {
    const pick = ++latestPick.current;
    let source = recording;
    if (!source.scenarios.some((s) => s.closeDelayMs === wanted)) {
      setLoading({closeDelayMs: wanted, state: 'loading'});
      announce(`Loading the ${scenarioLabel(wanted)} scenario.`);
      try {
        source = await loadRecording(recordingUrl);
      } catch (error) {
        if (pick !== latestPick.current) return;
        console.error('The replay could not load its recording:', error);
        setLoading({closeDelayMs: wanted, state: 'failed'});
        announce(
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
    announce(`${scenarioLabel(wanted)}: ${formatMs(next.runLengthMs)} per run.`);
    then(next.runLengthMs);
  };

  return {measured: recording.measured, scenario, closeDelayMs, loading, showScenario};
}

/**
 * Keeps the address in step with the view while `enabled`, so it can be shared; time only while paused (not each
 * frame), and none at the end, where a link opens anyway.
 */
export function useAddressSync(
  enabled: boolean,
  view: {closeDelayMs: number; settings: ProbeSettings; clock: ClockState},
  defaultCloseDelayMs: number,
): void {
  const {closeDelayMs, settings, clock} = view;
  useEffect(() => {
    if (!enabled || clock.playing) return;
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
  }, [enabled, closeDelayMs, settings, clock.playing, clock.timeMs, clock.durationMs, defaultCloseDelayMs]);
}

/** One clock update per frame while playing, never with reduced motion. */
export function usePlayback(clock: ClockState, setClock: Dispatch<SetStateAction<ClockState>>, reducedMotion: boolean) {
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
  }, [clock.playing, reducedMotion, setClock]);
}
