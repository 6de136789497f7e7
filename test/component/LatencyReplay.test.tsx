import {readFileSync} from 'node:fs';
import path from 'node:path';
import {renderToString} from 'react-dom/server';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {parseProbeRecording, RECONNECT_PATHS} from '@site/src/measurements/probeRecording';
import {PICTURED_LANES} from '@site/src/replay/lanes';
import {recordingAssets, recordingJson, forPage} from '@site/src/measurements/recordingAssets';
import ReplayPlayer from '@site/src/components/LatencyReplay/ReplayPlayer';
import ReplayTables from '@site/src/components/LatencyReplay/ReplayTables';

const FILE = path.resolve(__dirname, '../../blog/prisma_reconnect_blocking_incident/liveness.probes.json');
const full = parseProbeRecording(JSON.parse(readFileSync(FILE, 'utf8')), FILE);
const closeDelaysMs = full.scenarios.map((s) => s.closeDelayMs);
const assets = recordingAssets(full);
/** What the page carries: the first scenario only. */
const recording = forPage(full, 5000, '/r.json');
const first = recording.scenarios[0];
const player = <ReplayPlayer recording={recording} closeDelaysMs={closeDelaysMs} recordingUrl={assets.json} />;
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
  // The player writes its view into the address; the next test starts from a plain one.
  window.history.replaceState(null, '', '/');
});

const readout = (run: 'before' | 'after') => document.querySelector(`[data-readout="${run}"]`)!.textContent;
const elapsed = () => document.querySelector('[data-readout="elapsed"]')!.textContent;
const verdict = (run: 'before' | 'after') => document.querySelector(`[data-verdict="${run}"]`)!.textContent;

describe('ReplayPlayer', () => {
  it('renders lanes, readouts and verdicts on the server, without controls that would need JavaScript', () => {
    const html = renderToString(player);
    expect(html).toContain('data-replay-player="static"');
    // Per run: the probes, the event loop and the engine.
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(RECONNECT_PATHS.length * PICTURED_LANES);
    expect(html).toContain('Slowest so far');
    expect(html).not.toContain('Replay controls');
  });

  it('starts at the end of the run, showing the whole picture', () => {
    render(player);
    expect(elapsed()).toBe('Engine close 5 s (as the pull request injected). Time: 12.0 s of 12.0 s');
    const count = first.runs.before.samples.length;
    expect(readout('before')).toContain(`Answered${count} of ${count}`);
  });

  it('plays from the start, moves with the frames at the chosen speed, and pauses', () => {
    render(player);
    fireEvent.click(screen.getByRole('button', {name: 'Play'}));
    expect(elapsed()).toMatch(/Time: 0.0 ms of 12.0 s$/);
    runFrame(1000);
    runFrame(2000);
    expect(elapsed()).toMatch(/Time: 1.00 s of 12.0 s$/);
    fireEvent.change(screen.getByLabelText('Speed'), {target: {value: '4'}});
    runFrame(2500);
    expect(elapsed()).toMatch(/Time: 3.00 s of 12.0 s$/);
    fireEvent.click(screen.getByRole('button', {name: 'Pause'}));
    runFrame(9000);
    expect(elapsed()).toMatch(/Time: 3.00 s of 12.0 s$/);
    expect(screen.getByText(/^Paused at 3.00 s of 12.0 s/)).toHaveProperty('ariaLive', 'polite');
  });

  it('restart goes back to zero and plays', () => {
    render(player);
    fireEvent.click(screen.getByRole('button', {name: 'Restart'}));
    expect(elapsed()).toMatch(/Time: 0.0 ms of 12.0 s$/);
    expect(screen.getByRole('button', {name: 'Pause'})).toBeTruthy();
  });

  it('scrubbing into the freeze shows probes waiting and the loop blocked before the fix, neither after', () => {
    render(player);
    fireEvent.change(screen.getByRole('slider'), {
      target: {value: String(Math.round(first.runs.before.outageAtMs / 100) * 100 + 2000)},
    });
    expect(readout('before')).toMatch(/Waiting now(1\d|2\d)/);
    // After the fix at most the probe sent this instant is open, and nothing has waited long.
    expect(readout('after')).toMatch(/Waiting now[01]Slowest so far\d+(\.\d)? ms$/);
    expect(
      screen.getByRole('img', {name: /^Before the fix, event loop: .*; blocked 2\.\d+ s to 4\.\d+ s\.$/}),
    ).toBeTruthy();
    expect(screen.getByRole('img', {name: /^After the fix, event loop: running 0\.0 ms to 4\.\d+ s\.$/})).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: /^Before the fix, engine: .*SIGTERM sent, engine still closing 2\.\d+ s to 4\.\d+ s\.$/,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toMatch(/ of 12.0 s$/);
  });

  it('fetches a long scenario when picked, and the kubelet restarts the pod before the fix only', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(recordingJson(full));
    });
    render(player);
    expect(verdict('before')).toMatch(/^No restart/);
    expect(fetched).toEqual([]);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Scenario'), {target: {value: '35000'}});
    });
    expect(fetched).toEqual([assets.json]);
    expect(elapsed()).toMatch(/^Engine close 35 s. Time: 42.0 s of 42.0 s$/);
    expect(verdict('before')).toMatch(/^Pod restarted at 31.0 s: 3 kubelet probes failed in a row/);
    expect(verdict('after')).toMatch(/^No restart/);
    const kubelet = within(screen.getByRole('group', {name: 'What would Kubernetes do?'}));
    fireEvent.change(kubelet.getByLabelText('timeoutSeconds'), {target: {value: '60'}});
    expect(verdict('before')).toMatch(/^No restart/);
  });

  it("keeps the newest pick when an earlier pick's fetch answers late", async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    render(player);
    const picker = screen.getByLabelText('Scenario');
    fireEvent.change(picker, {target: {value: '35000'}});
    fireEvent.change(picker, {target: {value: '5000'}});
    await act(async () => answer(new Response(recordingJson(full))));
    expect(elapsed()).toMatch(/^Engine close 5 s/);
    expect((picker as HTMLSelectElement).value).toBe('5000');
  });

  it('says so, and keeps the current scenario, when the recording cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', {status: 404}));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(player);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Scenario'), {target: {value: '125000'}});
    });
    expect(document.querySelector('[data-replay-loading="failed"]')!.textContent).toBe(
      'Engine close 125 s could not be loaded; the replay still shows Engine close 5 s (as the pull request injected).',
    );
    expect(elapsed()).toMatch(/^Engine close 5 s/);
  });

  it('lets a settings field be cleared and retyped: backspace then 3 gives 3, not 13', () => {
    render(player);
    const timeout = screen.getByLabelText('timeoutSeconds') as HTMLInputElement;
    fireEvent.change(timeout, {target: {value: ''}});
    expect(timeout.value).toBe('');
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    const hint = document.getElementById(timeout.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe('a whole number, 1 to 60; the replay keeps 1');
    fireEvent.change(timeout, {target: {value: '3'}});
    expect(timeout.value).toBe('3');
    expect(timeout.getAttribute('aria-invalid')).toBe('false');
    fireEvent.change(timeout, {target: {value: '500'}});
    expect(timeout.value).toBe('500');
    fireEvent.blur(timeout);
    expect(timeout.value).toBe('3');
  });

  it('opens the view a shared address names, and writes the view back into it', async () => {
    vi.stubGlobal('fetch', async () => new Response(recordingJson(full)));
    window.history.replaceState(null, '', '/post?close=35&threshold=2&t=25.0');
    await act(async () => {
      render(player);
    });
    expect(elapsed()).toBe('Engine close 35 s. Time: 25.0 s of 42.0 s');
    expect((screen.getByLabelText('failureThreshold') as HTMLInputElement).value).toBe('2');
    fireEvent.change(screen.getByLabelText('periodSeconds'), {target: {value: '5'}});
    expect(window.location.search).toBe('?close=35&period=5&threshold=2&t=25.0');
  });

  it('does not animate when the reader asks for reduced motion', () => {
    stubReducedMotion(true);
    render(player);
    expect((screen.getByRole('button', {name: 'Play'}) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/reduced motion/)).toBeTruthy();
    expect(frames).toHaveLength(0);
    expect(elapsed()).toMatch(/Time: 12.0 s of 12.0 s$/);
  });
});

describe('ReplayTables', () => {
  const tables = <ReplayTables recording={full} reported={REPORTED} assets={assets} />;
  it("sets the PR's reported figures beside the lab's, each under its source", () => {
    render(tables);
    const before = within(document.querySelector('[data-replay-summary="before"]') as HTMLElement);
    expect(before.getByRole('link', {name: 'PR #26225'}).getAttribute('href')).toBe(REPORTED.href);
    const maxRow = before.getByRole('row', {name: /Max latency/});
    expect(maxRow.textContent).toContain("10006 ms (the probe's timeout)");
    expect(before.getByRole('row', {name: /Answered 2xx/}).textContent).toContain('99.7%');
    const after = within(document.querySelector('[data-replay-summary="after"]') as HTMLElement);
    expect(after.getByRole('row', {name: /Max latency/}).textContent).toContain('52.7 ms');
    expect(after.getByRole('row', {name: /Probes over 1 s/}).textContent).toContain(
      String(first.runs.after.summary.over1sCount),
    );
  });

  it("sets the pull request's figures only beside the lab's 5 s scenario, the close it injected", () => {
    const without = {...full, scenarios: full.scenarios.slice(1)};
    expect(() => renderToString(<ReplayTables recording={without} reported={REPORTED} assets={assets} />)).toThrow(
      "the recording has no 5 s scenario to set beside the pull request's figures",
    );
  });

  it('gives every scenario a line per run, with the kubelet verdict and its CSV', () => {
    render(tables);
    const row = (close: number, run: string) =>
      document.querySelector(`[data-scenario="${close}"][data-run="${run}"]`)!.textContent;
    expect(row(5, 'before')).toContain('no restart');
    expect(row(35, 'before')).toContain('restart at 31.0 s');
    expect(row(125, 'before')).toContain('restart at 31.0 s');
    for (const close of [5, 35, 125]) expect(row(close, 'after')).toContain('no restart');
    const csv = screen.getByRole('link', {name: 'Probes of 125 s, after the fix, as CSV'});
    expect(csv.getAttribute('href')).toBe(assets.csv[125_000].after);
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', {name: 'The whole recording (JSON)'}).getAttribute('href')).toBe(assets.json);
  });
});
