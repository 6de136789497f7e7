import {describe, expect, it} from 'vitest';

import type {ProbeSample} from '../../src/measurements/probeRecording';
import {createClock, pause, play, restart, seek, setDuration, setSpeed, tick} from '../../src/replay/replayClock';
import {formatMs, probesAt, runningStats} from '../../src/replay/probeTimeline';
import {DEFAULT_PROBE_SETTINGS, findFreeze, kubeletVerdict, projectFreeze} from '../../src/replay/kubelet';

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

  it('keeps the relative position when the timeline changes length', () => {
    expect(setDuration(seek(createClock(1000), 250), 4000).timeMs).toBe(1000);
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

describe('freeze and projection', () => {
  it('finds the frozen stretch from the stalled probes', () => {
    expect(findFreeze(frozenRun())).toEqual({startMs: 2000, endMs: 7000});
    expect(findFreeze([ok(0, 2), ok(100, 3)])).toBeNull();
  });

  it('stretches the freeze and shifts the later probes', () => {
    const samples = frozenRun();
    const projection = projectFreeze(
      samples,
      {startMs: 2000, endMs: 7000},
      {freezeMs: 60_000, intervalMs: 100, runLengthMs: 12_000},
    );
    expect(projection.freeze).toEqual({startMs: 2000, endMs: 62_000});
    expect(projection.runLengthMs).toBe(67_000);
    const sentAt = projection.samples.map((s) => s.sentAtMs);
    expect(sentAt).toEqual([...sentAt].sort((a, b) => a - b));
    // Every probe sent during the freeze is answered when the loop resumes.
    expect(projection.samples.find((s) => s.sentAtMs === 2000)).toEqual({
      sentAtMs: 2000,
      latencyMs: 60_000,
      outcome: 'ok',
    });
    expect(projection.samples.find((s) => s.sentAtMs === 61_000)).toEqual({
      sentAtMs: 61_000,
      latencyMs: 1000,
      outcome: 'ok',
    });
    // The first probe after the freeze is the measured one at 7000 ms, moved by 55 s.
    expect(projection.samples.find((s) => s.sentAtMs === 62_000)).toEqual(ok(62_000, 2));
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
