import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import type {ProbeSample} from '../../src/measurements/probeRecording';
import {createClock, pause, play, restart, seek, setSpeed, tick} from '../../src/replay/replayClock';
import {formatMs, probesAt, runningStats} from '../../src/replay/probeTimeline';
import {DEFAULT_PROBE_SETTINGS, kubeletVerdict} from '../../src/replay/kubelet';
import {
  axisTicks,
  engineSegments,
  legendEntries,
  loopSegments,
  PICTURED_LANES,
  segmentsUntil,
  spokenState,
} from '../../src/replay/lanes';
import {parseSetting, restartCrossed, runAt, runLanes, verdictText} from '../../src/replay/replayView';
import {readViewState, writeViewState} from '../../src/replay/urlState';
import {createJsonLoader} from '../../src/site/jsonLoader';
import {parseProbeRecording} from '../../src/measurements/probeRecording';

const ok = (sentAtMs: number, latencyMs: number): ProbeSample => ({sentAtMs, latencyMs, outcome: 'ok'});

/** A run like the lab's: a probe every 100 ms, a freeze from 2000 to 7000 ms. */
function frozenRun({freezeStart = 2000, freezeEnd = 7000, length = 12_000} = {}): ProbeSample[] {
  const samples: ProbeSample[] = [];
  for (let t = 0; t < length; t += 100) {
    samples.push(t >= freezeStart && t < freezeEnd ? ok(t, freezeEnd - t) : ok(t, 2));
  }
  return samples;
}

describe('replay clock', () => {
  it('starts at the end, paused, so the full picture shows first', () => {
    expect(createClock(12_000)).toEqual({timeMs: 12_000, durationMs: 12_000, playing: false, speed: 1});
  });

  it('play from the end starts over; ticks advance by wall time × speed and stop at the end', () => {
    let clock = play(createClock(1000));
    expect(clock).toMatchObject({timeMs: 0, playing: true});
    clock = tick(setSpeed(clock, 4), 100);
    expect(clock.timeMs).toBe(400);
    clock = tick(clock, 1000);
    expect(clock).toMatchObject({timeMs: 1000, playing: false});
  });

  it('does not move while paused, and seek clamps to the run', () => {
    const paused = pause(seek(createClock(1000), 300));
    expect(tick(paused, 500).timeMs).toBe(300);
    expect(seek(paused, -5).timeMs).toBe(0);
    expect(seek(paused, 5000).timeMs).toBe(1000);
  });

  it('restart goes to zero and plays', () => {
    expect(restart(pause(seek(createClock(1000), 700)))).toMatchObject({timeMs: 0, playing: true});
  });
});

describe('probes at a moment', () => {
  const samples = frozenRun();

  it('shows only probes already sent, with open ones waiting so far', () => {
    const at = probesAt(samples, 3000);
    expect(at).toHaveLength(31);
    expect(at[0]).toEqual({sentAtMs: 0, latencyMs: 2, state: 'answered'});
    expect(at[20]).toEqual({sentAtMs: 2000, latencyMs: 1000, state: 'waiting'});
    expect(runningStats(at)).toEqual({sent: 31, answered: 20, waiting: 11, failed: 0, slowestMs: 1000});
  });

  it('shows the frozen probes answered once the loop resumes', () => {
    const stats = runningStats(probesAt(samples, 7050));
    expect(stats.waiting).toBe(0);
    expect(stats.slowestMs).toBe(5000);
  });

  it('counts timed-out probes as failed once they give up', () => {
    const at = probesAt([{sentAtMs: 0, latencyMs: 10_000, outcome: 'timeout'}], 10_000);
    expect(at[0].state).toBe('failed');
  });

  it('formats latencies for reading', () => {
    expect([formatMs(2.73), formatMs(350.4), formatMs(5023.6), formatMs(10006)]).toEqual([
      '2.7 ms',
      '350 ms',
      '5.02 s',
      '10.0 s',
    ]);
  });
});

describe('kubelet verdict', () => {
  it('keeps the pod under defaults when the freeze is the measured 5 s', () => {
    const verdict = kubeletVerdict(frozenRun(), DEFAULT_PROBE_SETTINGS, 12_000);
    expect(verdict.probes).toEqual([
      {atMs: 0, failed: false},
      {atMs: 10_000, failed: false},
    ]);
    expect(verdict.restartAtMs).toBeNull();
  });

  it('restarts after three failed probes in a row when the freeze lasts 60 s', () => {
    const samples = frozenRun({freezeStart: 2000, freezeEnd: 62_000, length: 70_000});
    const verdict = kubeletVerdict(samples, DEFAULT_PROBE_SETTINGS, 70_000);
    expect(verdict.probes.map((p) => p.failed)).toEqual([false, true, true, true]);
    expect(verdict.restartAtMs).toBe(31_000);
  });

  it('a freeze of 25 s restarts or not depending on where the probes fall', () => {
    const early = frozenRun({freezeStart: 9500, freezeEnd: 34_500, length: 40_000});
    const late = frozenRun({freezeStart: 2000, freezeEnd: 27_000, length: 40_000});
    expect(kubeletVerdict(early, DEFAULT_PROBE_SETTINGS, 40_000).restartAtMs).toBe(31_000);
    expect(kubeletVerdict(late, DEFAULT_PROBE_SETTINGS, 40_000).restartAtMs).toBeNull();
  });

  it('follows the settings: a longer timeout rides out the same freeze', () => {
    const samples = frozenRun({freezeStart: 2000, freezeEnd: 62_000, length: 70_000});
    expect(kubeletVerdict(samples, {...DEFAULT_PROBE_SETTINGS, timeoutSeconds: 60}, 70_000).restartAtMs).toBeNull();
    expect(kubeletVerdict(samples, {...DEFAULT_PROBE_SETTINGS, failureThreshold: 1}, 70_000).restartAtMs).toBe(11_000);
  });

  it('counts a probe that did not answer 2xx as failed', () => {
    const verdict = kubeletVerdict(
      [{sentAtMs: 0, latencyMs: 3, outcome: 'error'}],
      {...DEFAULT_PROBE_SETTINGS, failureThreshold: 1},
      0,
    );
    expect(verdict.restartAtMs).toBe(3);
  });
});

describe('lanes', () => {
  it('shows the loop blocked where its heartbeat never woke or woke 200 ms late or more', () => {
    const lags = [0.4, 0.5, null, null, null, 3000.2, 0.3, 199];
    expect(loopSegments(lags, 100, 800)).toEqual([
      {state: 'running', startMs: 0, endMs: 200},
      {state: 'blocked', startMs: 200, endMs: 600},
      {state: 'running', startMs: 600, endMs: 800},
    ]);
  });

  it('ends the last bucket with the run', () => {
    expect(loopSegments([0.4, 0.4], 100, 150).at(-1)).toEqual({state: 'running', startMs: 0, endMs: 150});
  });

  it('follows the engine from SIGTERM to its successor', () => {
    const events = [
      {atMs: 2000, event: 'reconnect-started'},
      {atMs: 2001, event: 'sigterm-sent'},
      {atMs: 2001, event: 'blocking-wait-entered'},
      {atMs: 7010, event: 'engine-exited'},
      {atMs: 7050, event: 'engine-ready'},
      {atMs: 7050, event: 'reconnect-done'},
    ] as const;
    expect(engineSegments([...events], 12_000)).toEqual([
      {state: 'running', startMs: 0, endMs: 2001},
      {state: 'terminating', startMs: 2001, endMs: 7010},
      {state: 'exited', startMs: 7010, endMs: 7050},
      {state: 'new', startMs: 7050, endMs: 12_000},
    ]);
  });

  it('labels the time axis at round seconds, no more than six steps', () => {
    expect(axisTicks(12_000)).toEqual([0, 2000, 4000, 6000, 8000, 10_000, 12_000]);
    expect(axisTicks(42_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(axisTicks(132_000)).toEqual([0, 30_000, 60_000, 90_000, 120_000]);
  });

  it('cuts a lane at the replay time', () => {
    const lane = loopSegments([0.4, null, null, 0.4], 100, 400);
    expect(segmentsUntil(lane, 250)).toEqual([
      {state: 'running', startMs: 0, endMs: 100},
      {state: 'blocked', startMs: 100, endMs: 250},
    ]);
  });
});

describe('replay view', () => {
  const measured = {lagBucketMs: 100} as Parameters<typeof runLanes>[2];
  const samples = frozenRun({freezeStart: 2000, freezeEnd: 37_000, length: 42_000});
  const run = {
    outageAtMs: 2000,
    samples,
    summary: {} as never,
    events: [
      {atMs: 2000, event: 'reconnect-started' as const},
      {atMs: 2001, event: 'sigterm-sent' as const},
      {atMs: 37_000, event: 'engine-exited' as const},
    ],
    loopLagMs: Array.from({length: 420}, (_, i) => (i >= 20 && i < 370 ? null : 0.4)),
    slowCallbacks: [],
  };
  const scenario = {closeDelayMs: 35_000, runLengthMs: 42_000, outageAtMs: 2000, runs: {before: run, after: run}};
  const lanes = runLanes(run, scenario, measured, DEFAULT_PROBE_SETTINGS);

  it('restarts the pod of a 35 s freeze under the default settings, at 31 s', () => {
    expect(lanes.kubelet.restartAtMs).toBe(31_000);
    // Before the restart it tells only what the probes so far show, never the restart to come.
    expect(verdictText(lanes.kubelet, DEFAULT_PROBE_SETTINGS, 0, 42_000)).toBe(
      'Kubelet: no probe has answered or timed out yet; 3 failed in a row restart the pod.',
    );
    expect(verdictText(lanes.kubelet, DEFAULT_PROBE_SETTINGS, 3000, 42_000)).toBe(
      'Kubelet so far: 0 of 1 probes failed, 0 in a row; 3 failed in a row restart the pod.',
    );
    expect(verdictText(lanes.kubelet, DEFAULT_PROBE_SETTINGS, 30_999, 42_000)).toBe(
      'Kubelet so far: 2 of 3 probes failed, 2 in a row; 3 failed in a row restart the pod.',
    );
    expect(verdictText(lanes.kubelet, DEFAULT_PROBE_SETTINGS, 31_000, 42_000)).toBe(
      'Pod restarted at 31.0 s: 3 kubelet probes failed in a row.',
    );
  });

  it('shows each lane only up to the replay time', () => {
    const moment = runAt(run, lanes, 10_000);
    expect(moment.loop.at(-1)).toEqual({state: 'blocked', startMs: 2000, endMs: 10_000});
    expect(moment.engine.at(-1)).toEqual({state: 'terminating', startMs: 2001, endMs: 10_000});
    expect(moment.kubeletProbes).toEqual([
      {atMs: 0, failed: false},
      {atMs: 10_000, failed: true},
    ]);
    expect(moment.restartAtMs).toBeNull();
    expect(moment.events.map((event) => event.event)).toEqual(['reconnect-started', 'sigterm-sent']);
    expect(runAt(run, lanes, 31_000).restartAtMs).toBe(31_000);
  });

  it('announces the restart once, when playback crosses it', () => {
    const verdicts = {before: lanes.kubelet, after: {probes: [], restartAtMs: null}};
    expect(restartCrossed(30_900, 31_050, verdicts, DEFAULT_PROBE_SETTINGS)).toBe(
      'Before the fix: the kubelet restarts the pod at 31.0 s, after 3 failed probes in a row.',
    );
    expect(restartCrossed(31_050, 31_200, verdicts, DEFAULT_PROBE_SETTINGS)).toBeNull();
  });

  it('reads a settings field as the reader types: empty and out of range wait, whole numbers count', () => {
    expect(parseSetting('timeoutSeconds', '')).toBeNull();
    expect(parseSetting('timeoutSeconds', '3')).toBe(3);
    expect(parseSetting('timeoutSeconds', '13')).toBe(13);
    expect(parseSetting('timeoutSeconds', '0')).toBeNull();
    expect(parseSetting('failureThreshold', '11')).toBeNull();
    expect(parseSetting('periodSeconds', '2.5')).toBeNull();
    expect(parseSetting('periodSeconds', '-1')).toBeNull();
  });
});

describe('view state in the address', () => {
  const closes = [5000, 35_000, 125_000];
  it('round-trips scenario, settings and time', () => {
    const view = {
      closeDelayMs: 35_000,
      settings: {periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3},
      timeMs: 31_000,
    };
    const search = writeViewState('', view, 5000);
    expect(search).toBe('?close=35&period=5&timeout=2&t=31.0');
    expect(readViewState(search, closes, 5000)).toEqual(view);
  });

  it('writes nothing for the default view and keeps parameters that are not its own', () => {
    const view = {closeDelayMs: 5000, settings: DEFAULT_PROBE_SETTINGS, timeMs: null};
    expect(writeViewState('?close=35&t=3.0', view, 5000)).toBe('');
    expect(writeViewState('?utm=notice', view, 5000)).toBe('?utm=notice');
  });

  it('falls back to the default for anything unknown, malformed or out of range', () => {
    expect(readViewState('?close=40&period=0&timeout=abc&threshold=99&t=-3', closes, 5000)).toEqual({
      closeDelayMs: 5000,
      settings: DEFAULT_PROBE_SETTINGS,
      timeMs: null,
    });
  });
});

describe('recording loader', () => {
  const served = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident/liveness.probes.json'), 'utf8'),
  );

  it('fetches once for every request of the same address, and validates', async () => {
    const fetched: string[] = [];
    const load = createJsonLoader(parseProbeRecording, async (url) => {
      fetched.push(url);
      return served;
    });
    const [a, b] = await Promise.all([load('/r.json'), load('/r.json')]);
    expect(a).toBe(b);
    expect(a.scenarios).toHaveLength(3);
    expect(fetched).toEqual(['/r.json']);
  });

  it('forgets a failure, so the next request tries again, and refuses data that is not a recording', async () => {
    let calls = 0;
    const load = createJsonLoader(parseProbeRecording, async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return calls === 2 ? {schemaVersion: 1} : served;
    });
    await expect(load('/r.json')).rejects.toThrow('offline');
    await expect(load('/r.json')).rejects.toThrow('/r.json: schemaVersion is 1; this site reads version 2');
    await expect(load('/r.json')).resolves.toMatchObject({schemaVersion: 2});
  });
});

describe('the lanes, described once', () => {
  it('give the legend each colour once, with what it means in every lane that uses it, in the order drawn', () => {
    expect(legendEntries()).toEqual([
      {swatch: 'answered', meanings: ['probe answered', 'new engine']},
      {swatch: 'waiting', meanings: ['probe waiting', 'engine terminating']},
      {swatch: 'failed', meanings: ['probe failed', 'loop blocked']},
      {swatch: 'running', meanings: ['loop running', 'engine running']},
      {swatch: 'exited', meanings: ['no engine']},
    ]);
  });

  it('speak a state in its own words where the legend is too short, and count the pictured lanes', () => {
    expect(spokenState('engine', 'terminating')).toBe('SIGTERM sent, engine still closing');
    expect(spokenState('engine', 'new')).toBe('new engine');
    expect(spokenState('loop', 'blocked')).toBe('blocked');
    expect(PICTURED_LANES).toBe(3);
  });
});
