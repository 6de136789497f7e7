import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';

import {alignTrace, HEARTBEAT_MS, LAG_BUCKET_MS, SLOW_CALLBACK_MS, type ServiceTrace} from './serviceTrace';
import {
  RECONNECT_PATHS,
  roundMs,
  SCHEMA_VERSION,
  summarizeProbes,
  type ProbeOutcome,
  type ProbeRecording,
  type ProbeRun,
  type ProbeSample,
  type ReconnectPath,
  type Scenario,
} from '../src/measurements/probeRecording';

const SERVICE = path.join(__dirname, 'service.py');
/** The fix's grace period between SIGTERM and SIGKILL (service.py's GRACE_SECONDS). */
const GRACE_MS = 500;

export type LabOptions = {
  /** One scenario per close delay: how long the stand-in engine lingers after SIGTERM. */
  closeDelaysS: number[];
  probeIntervalMs: number;
  probeTimeoutMs: number;
  /** Seconds measured after the engine's close would have ended, to show the recovery. */
  tailS: number;
  outageAtS: number;
  python: string;
  /** Put on the command line of every process the lab starts, so leftovers can be found. */
  runId: string;
  log: (line: string) => void;
};

/** Service process groups still running, so an interrupt or a crash can end them. */
const liveGroups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

process.once('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

export function pythonVersion(python: string): string {
  const result = spawnSync(python, ['--version'], {encoding: 'utf8'});
  if (result.error || result.status !== 0) {
    throw new Error(
      `${python} was not found or does not run: the lab's service needs Python 3 (on Debian: apt-get install python3)`,
    );
  }
  const version = `${result.stdout}${result.stderr}`.trim().replace(/^Python /, '');
  if (!version.startsWith('3.')) throw new Error(`${python} is Python ${version}; the lab's service needs Python 3`);
  return version;
}

type Service = {port: number; child: ChildProcess};

function startService(reconnectPath: ReconnectPath, closeDelayS: number, options: LabOptions): Promise<Service> {
  // detached: the service and its engine share a process group we can end as one.
  const child = spawn(
    options.python,
    [
      SERVICE,
      ...['--path', reconnectPath, '--close-delay', String(closeDelayS), '--run-id', options.runId],
      ...['--heartbeat-ms', String(HEARTBEAT_MS), '--slow-callback-ms', String(SLOW_CALLBACK_MS)],
    ],
    {detached: true, stdio: ['ignore', 'pipe', 'pipe']},
  );
  liveGroups.add(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the ${reconnectPath} service did not start within 10 s: ${stderr}`)),
      10_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening on [\d.]+:(\d+)/.exec(chunk.toString())?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({port: Number(port), child});
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${reconnectPath} service exited (code ${code}) before serving: ${stderr}`));
    });
  });
}

async function stopService({child}: Service): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  killGroup(child.pid!, 'SIGTERM');
  // A frozen loop handles SIGTERM only once it runs again; do not wait for that.
  const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
  killGroup(child.pid!, 'SIGKILL'); // the engine, if the service left it behind
  liveGroups.delete(child.pid!);
}

/** One GET /health/liveliness on a new connection, as the kubelet sends it. */
function probe(port: number, timeoutMs: number): Promise<{latencyMs: number; outcome: ProbeOutcome}> {
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({latencyMs: performance.now() - start, outcome});
    };
    const request = http.get({host: '127.0.0.1', port, path: '/health/liveliness', agent: false}, (response) => {
      response.resume();
      response.on('end', () => settle(response.statusCode! >= 200 && response.statusCode! < 300 ? 'ok' : 'http-error'));
    });
    const timer = setTimeout(() => {
      settle('timeout');
      request.destroy();
    }, timeoutMs);
    request.on('error', () => settle('error'));
  });
}

function triggerOutage(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {host: '127.0.0.1', port, path: '/lab/outage', method: 'POST', agent: false},
      (response) => {
        response.resume();
        if (response.statusCode === 202) resolve();
        else reject(new Error(`the service answered ${response.statusCode} to the outage trigger`));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const sleepUntil = (target: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, target - performance.now())));

function fetchTrace(port: number): Promise<ServiceTrace> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {host: '127.0.0.1', port, path: '/lab/trace', agent: false, timeout: 10_000},
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          try {
            if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
            resolve(JSON.parse(body) as ServiceTrace);
          } catch (error) {
            reject(new Error(`the service's trace could not be read: ${(error as Error).message}`));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error("the service's trace did not come within 10 s")));
    request.on('error', reject);
  });
}

/**
 * Probes on a fixed schedule, open loop: each probe leaves on time even while
 * earlier ones are unanswered, so a freeze shows as many slow probes instead
 * of hiding behind one (coordinated omission).
 */
export async function measurePath(
  reconnectPath: ReconnectPath,
  closeDelayS: number,
  options: LabOptions,
): Promise<ProbeRun> {
  const runLengthMs = runLengthFor(closeDelayS, options);
  const service = await startService(reconnectPath, closeDelayS, options);
  let progress: NodeJS.Timeout | undefined;
  try {
    const runStartNs = process.hrtime.bigint();
    const start = performance.now();
    // Pushed in send order, since JavaScript runs one callback at a time.
    const pending: Promise<ProbeSample>[] = [];
    let waiting = 0;
    const sendProbe = () => {
      const sentAtMs = roundMs(performance.now() - start);
      waiting += 1;
      pending.push(
        probe(service.port, options.probeTimeoutMs).then(({latencyMs, outcome}) => {
          waiting -= 1;
          return {sentAtMs, latencyMs: roundMs(latencyMs), outcome};
        }),
      );
    };
    let outageAtMs = Number.NaN;
    const outage = sleepUntil(start + options.outageAtS * 1000).then(async () => {
      outageAtMs = roundMs(performance.now() - start);
      await triggerOutage(service.port);
      // One extra probe the moment the outage is acknowledged: the worst case, a probe arriving just as the
      // loop stops, is then always measured instead of depending on where the schedule happens to fall.
      sendProbe();
    });
    progress = setInterval(() => {
      const elapsedS = (performance.now() - start) / 1000;
      options.log(
        `  ${reconnectPath}: ${elapsedS.toFixed(0)} of ${runLengthMs / 1000} s, ${waiting} probes unanswered`,
      );
    }, 5000);
    const count = Math.round(runLengthMs / options.probeIntervalMs);
    for (let i = 0; i < count; i++) {
      await sleepUntil(start + i * options.probeIntervalMs);
      sendProbe();
    }
    await outage;
    const samples = await Promise.all(pending);
    // Let the heartbeat fill the run's last lag bucket before asking for the trace.
    await sleepUntil(start + runLengthMs + 2 * HEARTBEAT_MS);
    const trace = alignTrace(await fetchTrace(service.port), runStartNs, runLengthMs);
    return {outageAtMs, samples, summary: summarizeProbes(samples), ...trace};
  } finally {
    clearInterval(progress);
    await stopService(service);
  }
}

function runLengthFor(closeDelayS: number, options: LabOptions): number {
  return Math.round((options.outageAtS + closeDelayS + options.tailS) * 1000);
}

export async function runLab(options: LabOptions): Promise<ProbeRecording> {
  const python = pythonVersion(options.python);
  const scenarios: Scenario[] = [];
  for (const closeDelayS of [...options.closeDelaysS].sort((a, b) => a - b)) {
    const runs = {} as Record<ReconnectPath, ProbeRun>;
    for (const reconnectPath of RECONNECT_PATHS) {
      options.log(
        `engine close ${closeDelayS} s, ${reconnectPath} the fix: measuring for ${runLengthFor(closeDelayS, options) / 1000} s…`,
      );
      runs[reconnectPath] = await measurePath(reconnectPath, closeDelayS, options);
    }
    scenarios.push({
      closeDelayMs: closeDelayS * 1000,
      runLengthMs: runLengthFor(closeDelayS, options),
      outageAtMs: options.outageAtS * 1000,
      runs,
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    measured: {
      description:
        'A minimal asyncio service (lab/service.py) with a stand-in query engine that lingers closeDelayMs after ' +
        'SIGTERM. At outageAtMs a simulated database outage starts a reconnect: "before" awaits a disconnect that ' +
        'calls the blocking Popen.wait() inside asyncio.wait_for; "after" sends SIGTERM, awaits graceMs, sends ' +
        'SIGKILL and starts a new engine. GET /health/liveliness is probed open loop every probeIntervalMs on a new ' +
        'connection, plus once the moment the outage is acknowledged; a probe unanswered after probeTimeoutMs is ' +
        'recorded as a timeout at that latency. Inside, the service logs each reconnect step, and a heartbeat task ' +
        'asks to wake every heartbeatMs: loopLagMs holds its worst lag per lagBucketMs, null where it never woke. ' +
        `slowCallbacks are asyncio debug mode's reports of callbacks that held the loop over ${SLOW_CALLBACK_MS} ms.`,
      clock:
        'Probe times are Node performance.now() since the run started; the service logs time.monotonic_ns(), ' +
        'converted with the run start read from process.hrtime.bigint(). On Linux both read CLOCK_MONOTONIC.',
      probeIntervalMs: options.probeIntervalMs,
      probeTimeoutMs: options.probeTimeoutMs,
      graceMs: GRACE_MS,
      heartbeatMs: HEARTBEAT_MS,
      lagBucketMs: LAG_BUCKET_MS,
    },
    environment: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpuCount: os.cpus().length,
      python,
      node: process.version,
      date: new Date().toISOString(),
    },
    scenarios,
  };
}

/** Pretty JSON with one probe per line: readable, and diffs stay small. */
export function formatRecording(recording: ProbeRecording): string {
  const text = JSON.stringify(recording, null, 2)
    .replace(
      /\{\s+"sentAtMs": ([\d.]+),\s+"latencyMs": ([\d.]+),\s+"outcome": ("[a-z-]+")\s+\}/g,
      '{"sentAtMs": $1, "latencyMs": $2, "outcome": $3}',
    )
    .replace(/\{\s+"atMs": ([\d.]+),\s+"event": ("[a-z-]+")\s+\}/g, '{"atMs": $1, "event": $2}')
    // The lag buckets, ten to a line.
    .replace(/^( *)"loopLagMs": \[([^\]]*)\]/gm, (_, indent: string, items: string) => {
      const values = items.split(',').map((item) => item.trim());
      const lines = [];
      for (let i = 0; i < values.length; i += 10) lines.push(`${indent}  ${values.slice(i, i + 10).join(', ')}`);
      return `${indent}"loopLagMs": [\n${lines.join(',\n')}\n${indent}]`;
    });
  return `${text}\n`;
}
