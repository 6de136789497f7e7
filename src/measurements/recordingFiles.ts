import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

import {isFaultError, type Fault} from '../faults/fault';
import {parseProbeRecording, type ProbeRecording} from './probeRecording';

/** The line and column where JSON.parse stopped, from the position its message gives. */
function jsonErrorLocation(text: string, error: Error): {line: number; column?: number} {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return {line: 1};
  const before = text.slice(0, Number(position[1])).split('\n');
  return {line: before.length, column: before.at(-1)!.length + 1};
}

/**
 * The most a recording may weigh. It is published as it is, and a reader on a phone downloads it on picking another
 * scenario: the committed one, three scenarios, is about 0.3 MB.
 */
export const MAX_RECORDING_BYTES = 1_000_000;

/** Every lab recording under blog/ (blog/**\/*.probes.json): the valid ones, and the faults of the others. */
export function readRecordings(siteDir: string): {
  recordings: {file: string; recording: ProbeRecording}[];
  faults: Fault[];
} {
  const blogDir = path.join(siteDir, 'blog');
  const files = readdirSync(blogDir, {recursive: true, encoding: 'utf8'}).filter((file) =>
    file.endsWith('.probes.json'),
  );
  const recordings: {file: string; recording: ProbeRecording}[] = [];
  const faults: Fault[] = [];
  for (const file of files.sort()) {
    const source = path.join('blog', file);
    const bytes = statSync(path.join(blogDir, file)).size;
    if (bytes > MAX_RECORDING_BYTES) {
      faults.push({
        file: source,
        message: `is ${(bytes / 1e6).toFixed(1)} MB; a recording may be at most ${MAX_RECORDING_BYTES / 1e6} MB, since readers download it: record fewer or shorter scenarios (npm run lab -- --scenarios, --tail)`,
      });
      continue;
    }
    const text = readFileSync(path.join(blogDir, file), 'utf8');
    try {
      recordings.push({file: source, recording: parseProbeRecording(JSON.parse(text), source)});
    } catch (error) {
      if (error instanceof SyntaxError)
        faults.push({
          file: source,
          ...jsonErrorLocation(text, error),
          message: `is not valid JSON (${error.message}); regenerate it with npm run lab`,
        });
      else if (isFaultError(error)) faults.push(...error.faults);
      else throw error;
    }
  }
  return {recordings, faults};
}
