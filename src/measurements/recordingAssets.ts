/**
 * The files a recording is served as, beside the page: the whole recording as
 * JSON (the replay fetches it when a reader picks another scenario, and
 * offers it as a download) and each run's probes as CSV. Names carry a hash of
 * the content, so they can be cached for good. Pure, so the build writes and
 * the component links the same names.
 */
import {contentHash} from '../site/contentHash';
import {RECONNECT_PATHS, type ProbeRecording, type ProbeRun, type ReconnectPath} from './probeRecording';

export const RECORDING_ASSET_DIR = 'assets/lab';

export type RecordingAssets = {
  json: string;
  /** By close delay (ms), then run. */
  csv: Record<number, Record<ReconnectPath, string>>;
};

/** The served JSON: the validated recording, so it parses with the same reader. */
export function recordingJson(recording: ProbeRecording): string {
  return JSON.stringify(recording);
}

/**
 * Where a recording's files are: under `root`, the site's base URL for links,
 * or '' for paths relative to the folder the build serves.
 */
export function recordingAssets(recording: ProbeRecording, root = ''): RecordingAssets {
  const hash = contentHash(recordingJson(recording));
  const dir = `${root}${RECORDING_ASSET_DIR}`;
  return {
    json: `${dir}/recording.${hash}.json`,
    csv: Object.fromEntries(
      recording.scenarios.map((scenario) => [
        scenario.closeDelayMs,
        Object.fromEntries(
          RECONNECT_PATHS.map((path) => [
            path,
            `${dir}/${hash}/close-${scenario.closeDelayMs / 1000}s-${path}-the-fix.csv`,
          ]),
        ),
      ]),
    ) as RecordingAssets['csv'],
  };
}

/** One run's probes, a row each, as a spreadsheet reads them. */
export function runCsv(run: ProbeRun): string {
  const rows = run.samples.map((sample) => `${sample.sentAtMs},${sample.latencyMs},${sample.outcome}`);
  return `sent_at_ms,latency_ms,outcome\n${rows.join('\n')}\n`;
}

/**
 * What the page carries inline for the replay's first view: one scenario,
 * without what the replay does not show (asyncio's reports, the method's
 * description), all of which stay in the served file, `wholeUrl`.
 */
export function forPage(recording: ProbeRecording, closeDelayMs: number, wholeUrl: string): ProbeRecording {
  const pointer = `The ${closeDelayMs / 1000} s scenario only; the whole recording, described, is ${wholeUrl}`;
  return {
    ...recording,
    measured: {...recording.measured, description: pointer, clock: pointer},
    scenarios: recording.scenarios
      .filter((scenario) => scenario.closeDelayMs === closeDelayMs)
      .map((scenario) => ({
        ...scenario,
        runs: {
          before: {...scenario.runs.before, slowCallbacks: []},
          after: {...scenario.runs.after, slowCallbacks: []},
        },
      })),
  };
}
