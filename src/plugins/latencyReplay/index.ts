import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {parseProbeRecording} from '../../measurements/probeRecording';

/**
 * The latency replay's build side: it validates every lab recording
 * (blog/**\/*.probes.json) before anything is rendered, so a bad file fails the
 * build with its name and fault instead of reaching a reader as a blank
 * widget.
 */
export default function latencyReplayPlugin(context: LoadContext): Plugin {
  const blogDir = path.join(context.siteDir, 'blog');
  return {
    name: 'latency-replay',
    getPathsToWatch: () => [path.join(blogDir, '**/*.probes.json')],
    async loadContent() {
      const files = readdirSync(blogDir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.probes.json'));
      for (const file of files) {
        const source = path.join('blog', file);
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(path.join(blogDir, file), 'utf8'));
        } catch (error) {
          throw new Error(`${source}: is not valid JSON (${(error as Error).message})`);
        }
        parseProbeRecording(data, source);
      }
    },
  };
}
