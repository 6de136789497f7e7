import {describe, expect, it} from 'vitest';

import {FaultError} from '../../src/faults/fault';
import {printFaultsOnce} from '../../src/plugins/faultLines/terminalOnce';

const FAULTS = '1 fault to fix:\nblog/a/index.md:3: the link to #x points at no heading of this post';
const OTHER = '1 fault to fix:\nblog/a/index.md:4: the link to #y points at no heading of this post';

/** A terminal behind the filter, and a clock the test moves. */
function terminal() {
  const printed: string[] = [];
  let time = 0;
  const once = printFaultsOnce((...args) => printed.push(args.map(String).join(' ')), {now: () => time});
  return {printed, once, wait: (ms: number) => (time += ms)};
}
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe("the terminal's print of faults under npm start", () => {
  it('prints a set of faults once, however often a save compiles it, and anything else as it comes', () => {
    const {printed, once, wait} = terminal();
    once.error(FAULTS);
    wait(2000);
    once.error(`Client:\n${FAULTS}`);
    once.error('Something else');
    once.error('Something else');
    once.error(OTHER);
    expect(printed).toEqual([FAULTS, 'Something else', 'Something else', OTHER]);
  });

  it('prints the same faults again after a compile passes, or once the window is over', () => {
    const {printed, once, wait} = terminal();
    once.error(FAULTS);
    once.passed();
    once.error(FAULTS);
    wait(10_000);
    once.error(FAULTS);
    expect(printed).toEqual([FAULTS, FAULTS, FAULTS]);
  });

  it("drops a reload's repeated fault with the failure line above it, and keeps that line otherwise", async () => {
    const {printed, once} = terminal();
    const error = new FaultError({file: 'blog/a/index.md', line: 1, field: 'authors', message: 'has "jane"'});
    once.error('[ERROR] Site plugin reload failure - Plugin incidentsBlogPlugin');
    once.error(error);
    once.error('[ERROR] Site plugin reload failure - Plugin incidentsBlogPlugin');
    once.error(error);
    once.error('[ERROR] Site reload failure');
    await nextTick();
    expect(printed).toEqual([
      '[ERROR] Site plugin reload failure - Plugin incidentsBlogPlugin',
      String(error),
      '[ERROR] Site reload failure',
    ]);
  });
});
