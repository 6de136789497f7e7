import {parseProbeRecording, type ProbeRecording} from '../measurements/probeRecording';

/**
 * Fetches a served recording once and validates it; every later request for
 * the same address shares that one fetch. A failed fetch is forgotten, so the
 * reader can try again.
 */
export function createRecordingLoader(
  fetchJson: (url: string) => Promise<unknown> = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.json();
  },
): (url: string) => Promise<ProbeRecording> {
  const pending = new Map<string, Promise<ProbeRecording>>();
  return (url) => {
    let recording = pending.get(url);
    if (!recording) {
      recording = fetchJson(url).then((data) => parseProbeRecording(data, url));
      recording.catch(() => pending.delete(url));
      pending.set(url, recording);
    }
    return recording;
  };
}
