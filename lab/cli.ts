import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

import {parseProbeRecording, RECONNECT_PATHS} from '../src/measurements/probeRecording';
import {formatRecording, runLab, type LabOptions} from './probeLab';

const DEFAULT_OUT = 'blog/prisma_reconnect_blocking_incident/liveness.probes.json';

const HELP = `npm run lab -- [options]

Reproduces the Prisma reconnect freeze and its fix, probes /health/liveliness
throughout, and writes every probe to a JSON file the lead post replays.

  --close-delay S   seconds the stand-in engine lingers after SIGTERM   (default 5)
  --interval MS     probe interval, open loop                           (default 100)
  --timeout MS      per-probe client timeout                            (default 10000)
  --duration S      length of each run                                  (default 12)
  --outage-at S     when the simulated database outage starts           (default 2)
  --out FILE        where to write the recording    (default ${DEFAULT_OUT})
  --python CMD      Python 3 interpreter                                (default python3)
  --run-id TAG      tag on the lab's process command lines              (default lab-<pid>)
  --help            this text`;

function positive(name: string, raw: string, {integer = false} = {}): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number; got "${raw}"`);
  }
  return value;
}

export function parseLabArgs(argv: string[]): (LabOptions & {out: string}) | 'help' {
  const {values} = parseArgs({
    args: argv,
    strict: true,
    options: {
      'close-delay': {type: 'string', default: '5'},
      interval: {type: 'string', default: '100'},
      timeout: {type: 'string', default: '10000'},
      duration: {type: 'string', default: '12'},
      'outage-at': {type: 'string', default: '2'},
      out: {type: 'string', default: DEFAULT_OUT},
      python: {type: 'string', default: 'python3'},
      'run-id': {type: 'string', default: `lab-${process.pid}`},
      help: {type: 'boolean', default: false},
    },
  });
  if (values.help) return 'help';
  const options = {
    closeDelayS: positive('close-delay', values['close-delay']),
    probeIntervalMs: positive('interval', values.interval, {integer: true}),
    probeTimeoutMs: positive('timeout', values.timeout, {integer: true}),
    runLengthS: positive('duration', values.duration),
    outageAtS: positive('outage-at', values['outage-at']),
    out: values.out,
    python: values.python,
    runId: values['run-id'],
    log: (line: string) => console.error(line),
  };
  if (options.outageAtS >= options.runLengthS) {
    throw new Error(`--outage-at (${options.outageAtS} s) must fall inside --duration (${options.runLengthS} s)`);
  }
  if (options.probeIntervalMs > options.runLengthS * 1000) {
    throw new Error(
      `--interval (${options.probeIntervalMs} ms) is longer than --duration (${options.runLengthS} s): no probe would be sent twice`,
    );
  }
  return options;
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
  parseProbeRecording(recording, out);
  writeFileSync(out, formatRecording(recording));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  console.log('path    probes  p50 ms  p90 ms  p99 ms  max ms  2xx      >1 s');
  for (const reconnectPath of RECONNECT_PATHS) {
    const s = recording.runs[reconnectPath].summary;
    console.log(
      [
        reconnectPath.padEnd(6),
        String(s.count).padStart(6),
        ...[s.p50Ms, s.p90Ms, s.p99Ms, s.maxMs].map((v) => v.toFixed(1).padStart(7)),
        `${(s.answered2xxShare * 100).toFixed(1)}%`.padStart(7),
        String(s.over1sCount).padStart(5),
      ].join(' '),
    );
  }
}

main().catch((error: Error) => {
  console.error(`lab: ${error.message}`);
  process.exit(1);
});
