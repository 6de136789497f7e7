import type React from 'react';
import {useMemo} from 'react';
import ErrorBoundary from '@docusaurus/ErrorBoundary';

import Island from '@site/src/components/Island';
import {parseProbeRecording} from '@site/src/measurements/probeRecording';
import ReplayPlayer from './ReplayPlayer';
import ReplayTables, {type Reported} from './ReplayTables';
import styles from './styles.module.css';

type Props = {
  /**
   * The lab's recording, imported as JSON by the post. The latency-replay
   * plugin has already validated every *.probes.json file by its path before
   * rendering, so this parse only types it.
   */
  recording: unknown;
  /** The figures the fix's pull request reported, shown beside the lab's. */
  reported: Reported;
  /** The post that renders it (set by the build's Markdown plugin), for errors. */
  postFile?: string;
};

/**
 * Replays the lab's /health/liveliness probes before and after the fix. The
 * player is an island, the page's only interactive part; the tables sit
 * outside it and outside the error boundary: if the player fails, they remain.
 */
export default function LatencyReplay({recording, reported, postFile}: Props): React.JSX.Element {
  const data = useMemo(
    () => parseProbeRecording(recording, `${postFile ? `${postFile}: ` : ''}the recording passed to <LatencyReplay>`),
    [recording, postFile],
  );
  return (
    <figure className={styles.replay} aria-label="Replay of liveness-probe latency before and after the fix">
      <ErrorBoundary
        fallback={() => (
          <p className={styles.note}>
            The replay could not start in this browser; the tables below hold the same figures.
          </p>
        )}
      >
        <Island name="latency-replay" props={{recording: data}}>
          <ReplayPlayer recording={data} />
        </Island>
      </ErrorBoundary>
      <ReplayTables recording={data} reported={reported} />
    </figure>
  );
}
