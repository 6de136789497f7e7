import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {FaultReport} from '../../authoring/faultReport';
import {recordingFaultLines} from '../../measurements/recordingFiles';

/**
 * The latency replay's build side: it validates every lab recording
 * (blog/**\/*.probes.json) before anything is rendered, so a bad file fails the
 * build with its name and fault instead of reaching a reader as a blank
 * widget.
 */
export default function latencyReplayPlugin(context: LoadContext): Plugin {
  return {
    name: 'latency-replay',
    getPathsToWatch: () => [path.join(context.siteDir, 'blog', '**/*.probes.json')],
    async loadContent() {
      const faults = recordingFaultLines(context.siteDir);
      if (faults.length > 0) throw new FaultReport(faults);
    },
  };
}
