import type React from 'react';
import {useMemo} from 'react';
import ErrorBoundary from '@docusaurus/ErrorBoundary';
import {usePluginData} from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';

import Island from '@site/src/components/Island';
import {parseProbeRecording} from '@site/src/measurements/probeRecording';
import {forPage, recordingAssets} from '@site/src/measurements/recordingAssets';
import type {LatencyReplayData} from '@site/src/plugins/latencyReplay';
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
  /** The figures the fix's pull request reported (for its 5 s injected close), shown beside the lab's. */
  reported: Reported;
  /** The post that renders it (set by the build's Markdown plugin), for errors. */
  postFile?: string;
};

/**
 * Replays the lab's measurements before and after the fix, scenario by
 * scenario. The player is an island, the page's only interactive part; it
 * carries the first scenario and fetches the others when asked. The tables
 * and downloads sit outside it and outside the error boundary: if the player
 * fails, they remain.
 */
export default function LatencyReplay({recording, reported, postFile}: Props): React.JSX.Element {
  const where = `${postFile ? `${postFile}: ` : ''}the recording passed to <LatencyReplay>`;
  const data = useMemo(() => parseProbeRecording(recording, where), [recording, where]);
  const {servedJson} = usePluginData('latency-replay') as LatencyReplayData;
  const siteRoot = useBaseUrl('/');
  const assets = recordingAssets(data, siteRoot);
  if (!servedJson.some((file) => siteRoot + file === assets.json))
    throw new Error(`${where} is not one of the blog's *.probes.json files; import the file beside the post`);
  const first = forPage(data, data.scenarios[0].closeDelayMs, assets.json);
  const closeDelaysMs = data.scenarios.map((scenario) => scenario.closeDelayMs);
  return (
    <figure className={styles.replay} aria-label="Replay of the lab's measurements before and after the fix">
      <ErrorBoundary
        fallback={() => (
          <p className={styles.note}>
            The replay could not start in this browser; the tables below hold the same figures.
          </p>
        )}
      >
        <Island name="latency-replay" props={{recording: first, closeDelaysMs, recordingUrl: assets.json}}>
          <ReplayPlayer recording={first} closeDelaysMs={closeDelaysMs} recordingUrl={assets.json} />
        </Island>
      </ErrorBoundary>
      <ReplayTables recording={data} reported={reported} assets={assets} />
    </figure>
  );
}
