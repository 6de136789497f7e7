import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {FaultError} from '../../faults/fault';
import {RECONNECT_PATHS} from '../../measurements/probeRecording';
import {RECORDING_ASSET_DIR, recordingAssets, recordingJson, runCsv} from '../../measurements/recordingAssets';
import {readRecordings} from '../../measurements/recordingFiles';
import {clearGeneratedDir, writeGeneratedFile} from '../generatedStatic';
import {showingSiteFaults} from '../faultLines/siteFaults';

/** What the LatencyReplay component reads (usePluginData('latency-replay')): the recordings the site serves. */
export type LatencyReplayData = {servedJson: string[]};

/**
 * The latency replay's build side: it validates every lab recording
 * (blog/**\/*.probes.json) before anything is rendered, so a bad file fails the
 * build with its name and fault instead of reaching a reader as a blank
 * widget, and writes each as the files the replay links and fetches.
 */
export default function latencyReplayPlugin(context: LoadContext): Plugin {
  return {
    name: 'latency-replay',
    getPathsToWatch: () => [path.join(context.siteDir, 'blog', '**/*.probes.json')],
    async loadContent(): Promise<LatencyReplayData> {
      // Under `npm start` a fault here stops the site reloading: shown over every page until fixed.
      const recordings = showingSiteFaults(context.siteDir, 'recordings', () => {
        const {recordings, faults} = readRecordings(context.siteDir);
        if (faults.length > 0) throw new FaultError(faults);
        return recordings;
      });
      // Only the current recordings' files: a re-measured recording leaves no stale one behind.
      clearGeneratedDir(context.siteDir, RECORDING_ASSET_DIR);
      const write = (file: string, text: string) => writeGeneratedFile(context.siteDir, file, text);
      const servedJson: string[] = [];
      for (const {recording} of recordings) {
        const assets = recordingAssets(recording);
        write(assets.json, recordingJson(recording));
        for (const scenario of recording.scenarios) {
          for (const run of RECONNECT_PATHS) write(assets.csv[scenario.closeDelayMs][run], runCsv(scenario.runs[run]));
        }
        servedJson.push(assets.json);
      }
      return {servedJson};
    },
    async contentLoaded({content, actions}) {
      actions.setGlobalData(content as LatencyReplayData);
    },
  };
}
