import {render} from 'preact';

import ReplayPlayer, {type ReplayPlayerProps} from '@site/src/components/LatencyReplay/ReplayPlayer';
import {readProbeRecording} from '@site/src/measurements/probeRecording';
import {mountIslands} from './mountIslands';

// Preact renders the same component React rendered on the server, reusing its HTML node by node.
mountIslands('latency-replay', (root, props: ReplayPlayerProps) => {
  const recording = readProbeRecording(props.recording, 'the replay data on this page');
  render(<ReplayPlayer {...props} recording={recording} />, root);
});
