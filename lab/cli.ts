import {renameSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

import {
  maxLoopLagMs,
  parseProbeRecording,
  RECONNECT_PATHS,
  type ProbeRecording,
} from '../src/measurements/probeRecording';
import {DEFAULT_PROBE_SETTINGS, kubeletVerdict} from '../src/replay/kubelet';
import {formatMs} from '../src/replay/probeTimeline';
import {formatRecording, runLab, type LabOptions} from './probeLab';

const DEFAULT_OUT = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';

const HELP = `npm run lab -- [options]

Reproduces the Prisma reconnect freeze and its fix, probes /health/liveliness
throughout while the service logs its own steps and event-loop lag, and writes
it all to the JSON file the lead post replays. Each scenario is one close delay
of the stand-in engine, measured before and after the fix.

  --scenarios S,S   engine close delays in seconds, one scenario each  (default 5)
                    the committed recording: --scenarios 5,35,125 (about 6.5 minutes)
  --interval MS     probe interval, open loop                           (default 100)
  --timeout MS      per-probe client timeout                            (default 10000)
  --outage-at S     when the simulated database outage starts           (default 2)
  --tail S          seconds measured after the close delay has passed   (default 5)
  --out FILE        where to write the recording    (default ${DEFAULT_OUT})
  --python CMD      Python 3 interpreter                                (default python3)
  --run-id TAG      tag on the lab's process command lines              (default lab-<pid>)
  --help            this text`;

function positive(name: string, raw: string, {integer = false} = {}): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number; got "${raw}"`);
  }
  return value;
}

export function parseLabArgs(argv: string[]): (LabOptions & {out: string}) | 'help' {
  const {values} = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenarios: {type: 'string', default: '5'},
      interval: {type: 'string', default: '100'},
      timeout: {type: 'string', default: '10000'},
      'outage-at': {type: 'string', default: '2'},
      tail: {type: 'string', default: '5'},
      out: {type: 'string', default: DEFAULT_OUT},
      python: {type: 'string', default: 'python3'},
      'run-id': {type: 'string', default: `lab-${process.pid}`},
      help: {type: 'boolean', default: false},
    },
  });
  if (values.help) return 'help';
  const closeDelaysS = values.scenarios.split(',').map((raw) => positive('scenarios', raw));
  if (new Set(closeDelaysS).size !== closeDelaysS.length) {
    throw new Error(`--scenarios lists a close delay twice: "${values.scenarios}"`);
  }
  return {
    closeDelaysS,
    probeIntervalMs: positive('interval', values.interval, {integer: true}),
    probeTimeoutMs: positive('timeout', values.timeout, {integer: true}),
    outageAtS: positive('outage-at', values['outage-at']),
    tailS: positive('tail', values.tail),
    out: values.out,
    python: values.python,
    runId: values['run-id'],
    log: (line: string) => console.error(line),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What the figures say, scenario by scenario, beside what the pull request reported. */
export function describeRecording(recording: ProbeRecording): string[] {
  const {periodSeconds, timeoutSeconds, failureThreshold} = DEFAULT_PROBE_SETTINGS;
  const kubelet = `kubelet (${periodSeconds} s / ${timeoutSeconds} s / ${failureThreshold})`;
  const lines = ['', `close   path    probes  p50 ms  max ms  2xx     longest lag   ${kubelet}`];
  for (const scenario of recording.scenarios) {
    for (const reconnectPath of RECONNECT_PATHS) {
      const run = scenario.runs[reconnectPath];
      const s = run.summary;
      const verdict = kubeletVerdict(run.samples, DEFAULT_PROBE_SETTINGS, scenario.runLengthMs);
      lines.push(
        [
          `${scenario.closeDelayMs / 1000} s`.padEnd(7),
          reconnectPath.padEnd(6),
          String(s.count).padStart(6),
          s.p50Ms.toFixed(1).padStart(7),
          s.maxMs.toFixed(1).padStart(7),
          `${(s.answered2xxShare * 100).toFixed(1)}%`.padStart(6),
          formatMs(maxLoopLagMs(run)).padStart(13),
          ` ${verdict.restartAtMs === null ? 'no restart' : `restart at ${seconds(verdict.restartAtMs)}`}`,
        ].join(' '),
      );
    }
  }
  lines.push(
    '',
    '"longest lag" is how late the heartbeat woke at worst, the freeze measured from inside; the kubelet column applies',
    "Kubernetes' default liveness settings to the measured probes, probing from the run's start.",
    "The fix's pull request, for comparison (a 5 s injected close, as the product's post-mortem reports it):",
    'before the fix 10006 ms at most (its probe timeout) and 99.7% 2xx; after, 52.7 ms and 100% 2xx.',
    'Our figures come from a small stand-in service on this machine, not from the proxy.',
  );
  return lines;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseLabArgs>;
  try {
    options = parseLabArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`lab: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  const recording = await runLab(options);
  const out = path.resolve(options.out);
  // The same validator as the build and the widget: the lab never writes a file they would refuse.
  try {
    parseProbeRecording(recording, out);
  } catch (error) {
    const kept = path.join(os.tmpdir(), `refused-${process.pid}.probes.json`);
    writeFileSync(kept, formatRecording(recording));
    throw new Error(`${(error as Error).message}\n(the refused recording is kept in ${kept})`);
  }
  // In one step: under `npm start`, a file written in place reaches the watcher in pieces, and a half-written read can
  // stay shown.
  writeFileSync(`${out}.writing`, formatRecording(recording));
  renameSync(`${out}.writing`, out);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  console.log(describeRecording(recording).join('\n'));
}

main().catch((error: Error) => {
  console.error(`lab: ${error.message}`);
  process.exit(1);
});
