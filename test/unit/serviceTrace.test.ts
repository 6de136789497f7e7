import {describe, expect, it} from 'vitest';

import {alignTrace} from '../../lab/serviceTrace';

describe("the lab's trace on the probes' time axis", () => {
  it('subtracts the run start and keeps the worst heartbeat lag per bucket, null where none woke', () => {
    const start = 1_000_000_000n;
    const ms = (t: number) => 1_000_000_000 + t * 1e6;
    const trace = alignTrace(
      {
        events: [{atNs: ms(2000.04), event: 'reconnect-started'}],
        heartbeats: [
          [ms(5), 0.3e6],
          [ms(60), 1.2e6],
          [ms(310), 200.5e6],
          [ms(-20), 9e6], // before the run: dropped
          [ms(450), 0.2e6], // after the run: dropped
        ],
        slowCallbacks: [{atNs: ms(311), message: 'Executing <Task> took 0.2 seconds'}],
      },
      start,
      400,
    );
    expect(trace.events).toEqual([{atMs: 2000, event: 'reconnect-started'}]);
    expect(trace.loopLagMs).toEqual([1.2, null, null, 200.5]);
    expect(trace.slowCallbacks).toEqual([{atMs: 311, message: 'Executing <Task> took 0.2 seconds'}]);
  });
});
