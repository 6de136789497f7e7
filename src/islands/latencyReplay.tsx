import {render} from 'preact';

import ReplayPlayer from '@site/src/components/LatencyReplay/ReplayPlayer';
import {parseProbeRecording} from '@site/src/measurements/probeRecording';
import {mountIslands} from './mountIslands';

// Preact renders the same component React rendered on the server, reusing its HTML node by node.
mountIslands('latency-replay', (root, {recording}: {recording: unknown}) => {
  render(<ReplayPlayer recording={parseProbeRecording(recording, 'the replay data on this page')} />, root);
});
