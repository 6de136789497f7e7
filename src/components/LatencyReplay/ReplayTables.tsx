import type React from 'react';

import {RECONNECT_PATHS, type ProbeRecording, type ReconnectPath} from '@site/src/measurements/probeRecording';
import {formatMs} from '@site/src/replay/probeTimeline';
import styles from './styles.module.css';

export type ReportedFigures = {maxMs: number; answered2xxShare: number; maxNote?: string};
export type Reported = {label: string; href: string; before: ReportedFigures; after: ReportedFigures};

export const PATH_TITLES: Record<ReconnectPath, string> = {before: 'Before the fix', after: 'After the fix'};
const NOT_STATED = 'not stated';
const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** The same figures as the replay, in tables present in the HTML without JavaScript. */
export default function ReplayTables({
  recording,
  reported,
}: {
  recording: ProbeRecording;
  reported: Reported;
}): React.JSX.Element {
  const {measured} = recording;
  return (
    <div className={styles.tables}>
      {RECONNECT_PATHS.map((path) => {
        const lab = recording.runs[path].summary;
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
            <caption>{PATH_TITLES[path]}</caption>
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
      <p className={styles.method}>
        Our lab: a {measured.closeDelayMs / 1000} s engine close, probes every {measured.probeIntervalMs} ms with a{' '}
        {measured.probeTimeoutMs / 1000} s timeout, outage at {measured.outageAtMs / 1000} s; {recording.environment.os}
        , {recording.environment.cpuCount} CPUs, Python {recording.environment.python}, Node{' '}
        {recording.environment.node}, measured {recording.environment.date.slice(0, 10)}.
      </p>
      <details className={styles.allProbes}>
        <summary>
          Every probe ({RECONNECT_PATHS.map((p) => recording.runs[p].samples.length).reduce((a, b) => a + b)})
        </summary>
        {RECONNECT_PATHS.map((path) => (
          <table key={path} className={styles.table}>
            <caption>{PATH_TITLES[path]}: every probe</caption>
            <thead>
              <tr>
                <th scope="col">Sent at</th>
                <th scope="col">Latency</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {recording.runs[path].samples.map((s) => (
                <tr key={s.sentAtMs}>
                  <td>{(s.sentAtMs / 1000).toFixed(2)} s</td>
                  <td>{s.latencyMs} ms</td>
                  <td>{s.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </details>
    </div>
  );
}
