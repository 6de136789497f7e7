import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

import {parseProbeRecording, ProbeRecordingError} from './probeRecording';

/** "12:5" (line and column) where JSON.parse stopped, from the position its message gives. */
function jsonErrorLocation(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return '1';
  const before = text.slice(0, Number(position[1])).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** One line per fault of every lab recording under blog/ (blog/**\/*.probes.json), or none. */
export function recordingFaultLines(siteDir: string): string[] {
  const blogDir = path.join(siteDir, 'blog');
  const files = readdirSync(blogDir, {recursive: true, encoding: 'utf8'}).filter((file) =>
    file.endsWith('.probes.json'),
  );
  return files.sort().flatMap((file) => {
    const source = path.join('blog', file);
    const text = readFileSync(path.join(blogDir, file), 'utf8');
    try {
      parseProbeRecording(JSON.parse(text), source);
      return [];
    } catch (error) {
      if (error instanceof SyntaxError)
        return [
          `${source}:${jsonErrorLocation(text, error)}: is not valid JSON (${error.message}); regenerate it with npm run lab`,
        ];
      if (error instanceof ProbeRecordingError) return [error.message];
      throw error;
    }
  });
}
