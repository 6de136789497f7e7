import {readFileSync} from 'node:fs';
import path from 'node:path';
import {renderToString} from 'react-dom/server';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {parseProbeRecording} from '@site/src/measurements/probeRecording';
import ReplayPlayer from '@site/src/components/LatencyReplay/ReplayPlayer';
import ReplayTables from '@site/src/components/LatencyReplay/ReplayTables';

const FILE = path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident/liveness.probes.json');
const recording = parseProbeRecording(JSON.parse(readFileSync(FILE, 'utf8')), FILE);
const REPORTED = {
  label: 'PR #26225',
  href: 'https://github.com/BerriAI/litellm/pull/26225',
  before: {maxMs: 10006, maxNote: "the probe's timeout", answered2xxShare: 0.997},
  after: {maxMs: 52.7, answered2xxShare: 1},
};

/** Animation frames run only when the test says so, at the times it chooses. */
let frames: FrameRequestCallback[] = [];
function runFrame(now: number) {
  const pending = frames;
  frames = [];
  act(() => {
    for (const callback of pending) callback(now);
  });
}

function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  stubReducedMotion(false);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const readout = (run: 'before' | 'after') => document.querySelector(`[data-readout="${run}"]`)!.textContent;
const elapsed = () => document.querySelector('[data-readout="elapsed"]')!.textContent;
const verdict = (run: 'before' | 'after') => document.querySelector(`[data-verdict="${run}"]`)!.textContent;

describe('ReplayPlayer', () => {
  it('renders charts, readouts and verdicts on the server, without controls that would need JavaScript', () => {
    const html = renderToString(<ReplayPlayer recording={recording} />);
    expect(html).toContain('data-replay-player="static"');
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('Slowest so far');
    expect(html).not.toContain('Replay controls');
  });

  it('starts at the end of the run, showing the whole picture', () => {
    render(<ReplayPlayer recording={recording} />);
    expect(elapsed()).toBe('Time: 12.0 s of 12.0 s');
    expect(readout('before')).toContain(
      `Answered${recording.runs.before.samples.length} of ${recording.runs.before.samples.length}`,
    );
  });

  it('plays from the start, moves with the frames at the chosen speed, and pauses', () => {
    render(<ReplayPlayer recording={recording} />);
    fireEvent.click(screen.getByRole('button', {name: 'Play'}));
    expect(elapsed()).toBe('Time: 0.0 ms of 12.0 s');
    runFrame(1000);
    runFrame(2000);
    expect(elapsed()).toBe('Time: 1.00 s of 12.0 s');
    fireEvent.change(screen.getByLabelText('Speed'), {target: {value: '4'}});
    runFrame(2500);
    expect(elapsed()).toBe('Time: 3.00 s of 12.0 s');
    fireEvent.click(screen.getByRole('button', {name: 'Pause'}));
    runFrame(9000);
    expect(elapsed()).toBe('Time: 3.00 s of 12.0 s');
    expect(screen.getByText(/^Paused at 3.00 s of 12.0 s/)).toHaveProperty('ariaLive', 'polite');
  });

  it('restart goes back to zero and plays', () => {
    render(<ReplayPlayer recording={recording} />);
    fireEvent.click(screen.getByRole('button', {name: 'Restart'}));
    expect(elapsed()).toBe('Time: 0.0 ms of 12.0 s');
    expect(screen.getByRole('button', {name: 'Pause'})).toBeTruthy();
  });

  it('scrubbing into the freeze shows probes waiting before the fix and none after', () => {
    render(<ReplayPlayer recording={recording} />);
    fireEvent.change(screen.getByRole('slider'), {
      target: {value: String(Math.round(recording.runs.before.outageAtMs / 100) * 100 + 2000)},
    });
    expect(readout('before')).toMatch(/Waiting now(1\d|2\d)/);
    // After the fix at most the probe sent this instant is open, and nothing has waited long.
    expect(readout('after')).toMatch(/Waiting now[01]Slowest so far\d+(\.\d)? ms$/);
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toMatch(/ of 12.0 s$/);
  });

  it('changes the kubelet verdict with the freeze length and the probe settings', () => {
    render(<ReplayPlayer recording={recording} />);
    expect(verdict('before')).toMatch(/^No restart/);
    fireEvent.change(screen.getByLabelText('Freeze length'), {target: {value: '60'}});
    expect(screen.getByText(/projection: 60 s freeze, not a measurement/)).toBeTruthy();
    expect(verdict('before')).toMatch(/^Pod restarted at 3\d\.\d s: 3 kubelet probes failed in a row/);
    expect(verdict('after')).toMatch(/^No restart/);
    const kubelet = within(screen.getByRole('group', {name: 'What would Kubernetes do?'}));
    fireEvent.change(kubelet.getByLabelText('timeoutSeconds'), {target: {value: '60'}});
    expect(verdict('before')).toMatch(/^No restart/);
  });

  it('keeps the probe settings within bounds', () => {
    render(<ReplayPlayer recording={recording} />);
    const threshold = screen.getByLabelText('failureThreshold') as HTMLInputElement;
    fireEvent.change(threshold, {target: {value: '500'}});
    expect(threshold.value).toBe('10');
    fireEvent.change(threshold, {target: {value: '-2'}});
    expect(threshold.value).toBe('1');
  });

  it('does not animate when the reader asks for reduced motion', () => {
    stubReducedMotion(true);
    render(<ReplayPlayer recording={recording} />);
    expect((screen.getByRole('button', {name: 'Play'}) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/reduced motion/)).toBeTruthy();
    expect(frames).toHaveLength(0);
    expect(elapsed()).toBe('Time: 12.0 s of 12.0 s');
  });
});

describe('ReplayTables', () => {
  it("sets the PR's reported figures beside the lab's, each under its source", () => {
    render(<ReplayTables recording={recording} reported={REPORTED} />);
    const before = within(document.querySelector('[data-replay-summary="before"]') as HTMLElement);
    expect(before.getByRole('link', {name: 'PR #26225'}).getAttribute('href')).toBe(REPORTED.href);
    const maxRow = before.getByRole('row', {name: /Max latency/});
    expect(maxRow.textContent).toContain("10006 ms (the probe's timeout)");
    expect(before.getByRole('row', {name: /Answered 2xx/}).textContent).toContain('99.7%');
    const after = within(document.querySelector('[data-replay-summary="after"]') as HTMLElement);
    expect(after.getByRole('row', {name: /Max latency/}).textContent).toContain('52.7 ms');
    expect(after.getByRole('row', {name: /Probes over 1 s/}).textContent).toContain(
      String(recording.runs.after.summary.over1sCount),
    );
  });

  it('lists every probe', () => {
    render(<ReplayTables recording={recording} reported={REPORTED} />);
    const total = recording.runs.before.samples.length + recording.runs.after.samples.length;
    expect(screen.getByText(`Every probe (${total})`)).toBeTruthy();
  });
});
