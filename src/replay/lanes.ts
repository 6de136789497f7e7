import {STALL_MS, type ServiceEvent} from '../measurements/probeRecording';

/** A stretch of one lane in one state, in ms since the run started. */
export type Segment<State extends string> = {state: State; startMs: number; endMs: number};

export type LoopState = 'running' | 'blocked';
export type EngineState = 'running' | 'terminating' | 'exited' | 'new';

/** Consecutive stretches of the same state merged into one. */
function merge<State extends string>(segments: Segment<State>[]): Segment<State>[] {
  const merged: Segment<State>[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.state === segment.state && last.endMs >= segment.startMs) last.endMs = segment.endMs;
    else if (segment.endMs > segment.startMs) merged.push({...segment});
  }
  return merged;
}

/**
 * The event loop as its own heartbeat saw it. A bucket in which the heartbeat
 * never woke, or woke STALL_MS late or later, was blocked; so the lane is
 * exact to one bucket (lagBucketMs), while the heartbeat's longest lag gives
 * the freeze's length to the tenth of a millisecond.
 */
export function loopSegments(
  loopLagMs: readonly (number | null)[],
  bucketMs: number,
  runLengthMs: number,
): Segment<LoopState>[] {
  return merge(
    loopLagMs.map((lag, i) => ({
      state: lag === null || lag >= STALL_MS ? 'blocked' : 'running',
      startMs: i * bucketMs,
      endMs: Math.min((i + 1) * bucketMs, runLengthMs),
    })),
  );
}

/** The query engine's life from the service's events: running, asked to stop, gone, and its successor. */
export function engineSegments(events: readonly ServiceEvent[], runLengthMs: number): Segment<EngineState>[] {
  const at = (name: ServiceEvent['event']) => events.find((event) => event.event === name)?.atMs ?? runLengthMs;
  const stopAsked = at('sigterm-sent');
  const exited = at('engine-exited');
  const ready = at('engine-ready');
  return merge<EngineState>([
    {state: 'running', startMs: 0, endMs: stopAsked},
    {state: 'terminating', startMs: stopAsked, endMs: exited},
    {state: 'exited', startMs: exited, endMs: ready},
    {state: 'new', startMs: ready, endMs: runLengthMs},
  ]);
}

/** What of a lane had happened by `timeMs`. */
export function segmentsUntil<State extends string>(
  segments: readonly Segment<State>[],
  timeMs: number,
): Segment<State>[] {
  return segments
    .filter((segment) => segment.startMs < timeMs)
    .map((segment) => ({...segment, endMs: Math.min(segment.endMs, timeMs)}));
}

/** Time-axis labels at round seconds (1, 2, 5, 10, 20, 30 or 60 s apart, no more than six steps), so a label reads as itself. */
export function axisTicks(durationMs: number): number[] {
  const stepMs = [1, 2, 5, 10, 20, 30, 60].map((s) => s * 1000).find((step) => durationMs / step <= 6) ?? 60_000;
  return Array.from({length: Math.floor(durationMs / stepMs) + 1}, (_, i) => i * stepMs);
}

/** The colours the replay draws states in; each is explained once in the legend, whichever lanes use it. */
export type Swatch = 'answered' | 'waiting' | 'failed' | 'running' | 'exited';

type LaneDescriptor = {
  name: string;
  /** Drawn as a picture with a spoken description (svg role="img"); the kubelet's row is marks only. */
  pictured: boolean;
  /** Each state the lane shows: its colour, its words in the legend, and in the spoken description if they differ. */
  states: Record<string, {swatch: Swatch; legend: string; spoken?: string}>;
};

/**
 * The lanes of one run, top to bottom: the player draws them in this order, the legend and the tests' counts follow
 * from this list, so a lane is added here and drawn in RunLanes.
 */
export const LANES = {
  probes: {
    name: 'Liveness probes (latency, log scale)',
    pictured: true,
    states: {
      answered: {swatch: 'answered', legend: 'probe answered'},
      waiting: {swatch: 'waiting', legend: 'probe waiting'},
      failed: {swatch: 'failed', legend: 'probe failed'},
    },
  },
  loop: {
    name: 'Event loop (its own heartbeat)',
    pictured: true,
    states: {
      running: {swatch: 'running', legend: 'loop running', spoken: 'running'},
      blocked: {swatch: 'failed', legend: 'loop blocked', spoken: 'blocked'},
    },
  },
  engine: {
    name: 'Query engine process',
    pictured: true,
    states: {
      running: {swatch: 'running', legend: 'engine running'},
      terminating: {swatch: 'waiting', legend: 'engine terminating', spoken: 'SIGTERM sent, engine still closing'},
      exited: {swatch: 'exited', legend: 'no engine'},
      new: {swatch: 'answered', legend: 'new engine'},
    },
  },
  kubelet: {name: 'Kubelet liveness probes', pictured: false, states: {}},
} as const satisfies Record<string, LaneDescriptor>;

export type LaneId = keyof typeof LANES;

/** How many lanes of a run are pictures with a spoken description. */
export const PICTURED_LANES = Object.values(LANES).filter((lane) => lane.pictured).length;

/** The words a state is spoken as in its lane's description. */
export function spokenState(lane: LaneId, state: string): string {
  const described = (LANES[lane].states as LaneDescriptor['states'])[state];
  return described?.spoken ?? described?.legend ?? state;
}

/** Each colour once, in the order the lanes first use it, with what it means in each lane that does. */
export function legendEntries(): {swatch: Swatch; meanings: string[]}[] {
  const entries = new Map<Swatch, string[]>();
  for (const lane of Object.values(LANES))
    for (const {swatch, legend} of Object.values(lane.states as LaneDescriptor['states']))
      entries.set(swatch, [...(entries.get(swatch) ?? []), legend]);
  return [...entries].map(([swatch, meanings]) => ({swatch, meanings}));
}
