import type React from 'react';

import {maxLoopLagMs, RECONNECT_PATHS, type ProbeRecording} from '@site/src/measurements/probeRecording';
import type {RecordingAssets} from '@site/src/measurements/recordingAssets';
import {DEFAULT_PROBE_SETTINGS, kubeletVerdict} from '@site/src/replay/kubelet';
import {formatMs} from '@site/src/replay/probeTimeline';
import {PATH_TITLES, PULL_REQUEST_CLOSE_MS, scenarioLabel} from '@site/src/replay/replayView';
import styles from './styles.module.css';

export type ReportedFigures = {maxMs: number; answered2xxShare: number; maxNote?: string};
export type Reported = {label: string; href: string; before: ReportedFigures; after: ReportedFigures};

const NOT_STATED = 'not stated';
const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * The replay's figures as tables present in the HTML without JavaScript: the
 * scenario with the pull request's close beside what it reported, and every scenario in
 * one line per run with its probes as a CSV download (every probe, which a
 * table on the page would double the page's weight to show).
 */
export default function ReplayTables({
  recording,
  reported,
  assets,
}: {
  recording: ProbeRecording;
  reported: Reported;
  assets: RecordingAssets;
}): React.JSX.Element {
  const {measured, environment} = recording;
  const comparable = recording.scenarios.find((scenario) => scenario.closeDelayMs === PULL_REQUEST_CLOSE_MS);
  if (!comparable)
    throw new Error(
      `the recording has no ${PULL_REQUEST_CLOSE_MS / 1000} s scenario to set beside the pull request's figures; measure it with npm run lab -- --scenarios ${PULL_REQUEST_CLOSE_MS / 1000},…`,
    );
  return (
    <div className={styles.tables}>
      {RECONNECT_PATHS.map((path) => {
        const lab = comparable.runs[path].summary;
        const theirs = reported[path];
        const rows: [string, string, string][] = [
          ['Max latency', `${theirs.maxMs} ms${theirs.maxNote ? ` (${theirs.maxNote})` : ''}`, formatMs(lab.maxMs)],
          ['Answered 2xx', percent(theirs.answered2xxShare), percent(lab.answered2xxShare)],
          ['Probes', NOT_STATED, String(lab.count)],
          ['p50 / p90 / p99', NOT_STATED, [lab.p50Ms, lab.p90Ms, lab.p99Ms].map(formatMs).join(' / ')],
          ['Probes over 1 s', NOT_STATED, String(lab.over1sCount)],
        ];
        return (
          <table key={path} className={styles.table} data-replay-summary={path}>
            <caption>
              {PATH_TITLES[path]}, {scenarioLabel(comparable.closeDelayMs).toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">
                  Reported in <a href={reported.href}>{reported.label}</a>
                </th>
                <th scope="col">Measured in our lab</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([measure, pr, ours]) => (
                <tr key={measure}>
                  <th scope="row">{measure}</th>
                  <td>{pr}</td>
                  <td>{ours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <table className={`${styles.table} ${styles.wide}`} data-replay-scenarios="">
        <caption>Every scenario measured in our lab, with Kubernetes' default liveness settings</caption>
        <thead>
          <tr>
            <th scope="col">Engine close, run</th>
            <th scope="col">Longest heartbeat lag</th>
            <th scope="col">Slowest probe</th>
            <th scope="col">Kubelet</th>
            <th scope="col">Every probe</th>
          </tr>
        </thead>
        <tbody>
          {recording.scenarios.flatMap((scenario) =>
            RECONNECT_PATHS.map((path) => {
              const run = scenario.runs[path];
              const {restartAtMs} = kubeletVerdict(run.samples, DEFAULT_PROBE_SETTINGS, scenario.runLengthMs);
              const name = `${scenario.closeDelayMs / 1000} s, ${PATH_TITLES[path].toLowerCase()}`;
              return (
                <tr key={name} data-scenario={scenario.closeDelayMs / 1000} data-run={path}>
                  <th scope="row">{name}</th>
                  <td>{formatMs(maxLoopLagMs(run))}</td>
                  <td>
                    {formatMs(run.summary.maxMs)}
                    {run.summary.maxMs >= measured.probeTimeoutMs ? ' (timeout)' : ''}
                  </td>
                  <td>{restartAtMs === null ? 'no restart' : `restart at ${formatMs(restartAtMs)}`}</td>
                  <td>
                    <a href={assets.csv[scenario.closeDelayMs][path]} download aria-label={`Probes of ${name}, as CSV`}>
                      CSV
                    </a>
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <p className={styles.method}>
        Our lab: a stand-in engine that lingers after SIGTERM for each scenario's close, probes every{' '}
        {measured.probeIntervalMs} ms with a {measured.probeTimeoutMs / 1000} s timeout, a heartbeat inside the service
        every {measured.heartbeatMs} ms, outage at {comparable.outageAtMs / 1000} s; {environment.os},{' '}
        {environment.cpuCount} CPUs, Python {environment.python}, Node {environment.node}, measured{' '}
        {environment.date.slice(0, 10)}.{' '}
        <a href={assets.json} download>
          The whole recording (JSON)
        </a>
        .
      </p>
    </div>
  );
}
