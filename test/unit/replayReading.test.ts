import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {maxLoopLagMs, parseProbeRecording} from '../../src/measurements/probeRecording';
import {DEFAULT_PROBE_SETTINGS, kubeletVerdict} from '../../src/replay/kubelet';
import {formatMs} from '../../src/replay/probeTimeline';

const DIR = path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident');
const recording = parseProbeRecording(
  JSON.parse(readFileSync(path.join(DIR, 'liveness.probes.json'), 'utf8')),
  'liveness.probes.json',
);
/** The post's reading of the long scenarios, as one line of text. */
const reading = /\*\*Reading the 35 s scenario\*\*([\s\S]*?)\n\n/
  .exec(readFileSync(path.join(DIR, 'index.mdx'), 'utf8'))![1]
  .replace(/\s+/g, ' ');

function figures(closeDelayMs: number) {
  const scenario = recording.scenarios.find((s) => s.closeDelayMs === closeDelayMs)!;
  const {before, after} = scenario.runs;
  const at = (name: string) => before.events.find((e) => e.event === name)!.atMs;
  const verdict = kubeletVerdict(before.samples, DEFAULT_PROBE_SETTINGS, scenario.runLengthMs);
  const restartAtMs = verdict.restartAtMs!;
  return {
    lag: formatMs(maxLoopLagMs(before)),
    engine: formatMs(at('engine-exited') - at('sigterm-sent')),
    restartAtMs,
    kubeletProbesS: verdict.probes.map((probe) => probe.atMs / 1000),
    restart: formatMs(restartAtMs),
    restartAfterOutage: formatMs(restartAtMs - before.outageAtMs),
    engineExitedAtMs: at('engine-exited'),
    afterMax: formatMs(after.summary.maxMs),
    afterLag: `${maxLoopLagMs(after).toFixed(1)} ms`,
    afterRestart: kubeletVerdict(after.samples, DEFAULT_PROBE_SETTINGS, scenario.runLengthMs).restartAtMs,
  };
}

// The post states the lab's figures in words; re-measuring must not leave the words behind.
describe("the lead post's reading of the measured long freezes", () => {
  const long = figures(35_000);
  const longest = figures(125_000);

  it('states the 35 s scenario as the recording has it', () => {
    expect(reading).toContain(`the heartbeat inside the service woke ${long.lag} late`);
    expect(reading).toContain(
      `the event loop ran nothing until our stand-in engine exited, ${long.engine} after the lab's SIGTERM`,
    );
    expect(long.kubeletProbesS).toEqual([0, 10, 20, 30]);
    expect(reading).toContain(
      `with its own probes at 0, 10, 20 and 30 s, restarts the pod ${long.restartAfterOutage} after the outage began (${long.restart} into the run)`,
    );
    expect(long.restartAtMs).toBeLessThan(long.engineExitedAtMs); // "before the engine had exited"
    expect(reading).toContain(
      `the slowest probe took ${long.afterMax}, the heartbeat was at most ${long.afterLag} late`,
    );
    expect(long.afterRestart).toBeNull();
  });

  it('states the 125 s scenario as the recording has it', () => {
    expect(reading).toContain(`In the 125 s scenario the loop stood still for ${longest.lag}`);
    expect(reading).toContain('the restart came at the same moment');
    expect(longest.restart).toBe(long.restart);
    expect(longest.restartAtMs).toBeLessThan(longest.engineExitedAtMs);
  });

  it("sets the pull request's figures beside them, cited", () => {
    expect(reading).toContain(
      'at most 10006 ms (where its probe gave up) and 99.7% of answers 2xx before the fix, and 52.7 ms and 100% after[^postmortem]',
    );
  });
});
