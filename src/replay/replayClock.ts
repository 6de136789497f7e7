/** The replay's clock: pure state transitions, driven by the view's animation frames. */

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

export type ClockState = {
  timeMs: number;
  durationMs: number;
  playing: boolean;
  speed: Speed;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A new clock stands at the end, so the full picture shows before anyone presses play. */
export function createClock(durationMs: number): ClockState {
  return {timeMs: durationMs, durationMs, playing: false, speed: 1};
}

/** Moves time on by the wall-clock time that passed, scaled by speed; stops at the end. */
export function tick(state: ClockState, wallDeltaMs: number): ClockState {
  if (!state.playing) return state;
  const timeMs = clamp(state.timeMs + wallDeltaMs * state.speed, 0, state.durationMs);
  return {...state, timeMs, playing: timeMs < state.durationMs};
}

/** Playing from the end starts over, as a reader expects of a finished replay. */
export function play(state: ClockState): ClockState {
  return {...state, playing: true, timeMs: state.timeMs >= state.durationMs ? 0 : state.timeMs};
}

export function pause(state: ClockState): ClockState {
  return {...state, playing: false};
}

export function restart(state: ClockState): ClockState {
  return {...state, timeMs: 0, playing: true};
}

export function seek(state: ClockState, timeMs: number): ClockState {
  return {...state, timeMs: clamp(timeMs, 0, state.durationMs)};
}

export function setSpeed(state: ClockState, speed: Speed): ClockState {
  return {...state, speed};
}
