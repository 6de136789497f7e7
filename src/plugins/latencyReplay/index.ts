import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

import {parseProbeRecording, ProbeRecordingError} from '../../measurements/probeRecording';

/** "12:5" (line and column) where JSON.parse stopped, from the position its message gives. */
export function jsonErrorLocation(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return '1';
  const before = text.slice(0, Number(position[1])).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

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
      const faults = files.flatMap((file) => {
        const source = path.join('blog', file);
        const text = readFileSync(path.join(blogDir, file), 'utf8');
        try {
          parseProbeRecording(JSON.parse(text), source);
          return [];
        } catch (error) {
          if (error instanceof SyntaxError) return [`${source}:${jsonErrorLocation(text, error)}: is not valid JSON (${error.message}); regenerate it with npm run lab`];
          if (error instanceof ProbeRecordingError) return [error.message];
          throw error;
        }
      });
      if (faults.length > 0) {
        const error = new Error(`Lab recordings with faults:\n${faults.join('\n')}`);
        error.stack = error.message;
        throw error;
      }
    },
  };
}
