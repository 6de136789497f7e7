import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

import {parseProbeRecording, ProbeRecordingError, type ProbeRecording} from './probeRecording';

/** "12:5" (line and column) where JSON.parse stopped, from the position its message gives. */
function jsonErrorLocation(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return '1';
  const before = text.slice(0, Number(position[1])).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Every lab recording under blog/ (blog/**\/*.probes.json): the valid ones, and one line per fault of the others. */
export function readRecordings(siteDir: string): {
  recordings: {file: string; recording: ProbeRecording}[];
  faults: string[];
} {
  const blogDir = path.join(siteDir, 'blog');
  const files = readdirSync(blogDir, {recursive: true, encoding: 'utf8'}).filter((file) =>
    file.endsWith('.probes.json'),
  );
  const recordings: {file: string; recording: ProbeRecording}[] = [];
  const faults: string[] = [];
  for (const file of files.sort()) {
    const source = path.join('blog', file);
    const text = readFileSync(path.join(blogDir, file), 'utf8');
    try {
      recordings.push({file: source, recording: parseProbeRecording(JSON.parse(text), source)});
    } catch (error) {
      if (error instanceof SyntaxError)
        faults.push(
          `${source}:${jsonErrorLocation(text, error)}: is not valid JSON (${error.message}); regenerate it with npm run lab`,
        );
      else if (error instanceof ProbeRecordingError) faults.push(error.message);
      else throw error;
    }
  }
  return {recordings, faults};
}

export function recordingFaultLines(siteDir: string): string[] {
  return readRecordings(siteDir).faults;
}
