// The virtual clock wakes sleepers in time order and moves time only by their sleeps.
import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual.clock';

describe('createManualClock', () => {
  it('wakes concurrent sleepers earliest first, at their own wake time', async () => {
    const clock = createManualClock(100);
    const woke: [string, number][] = [];
    await Promise.all([
      clock.sleep(500).then(() => woke.push(['long', clock.now()])),
      clock.sleep(200).then(() => woke.push(['short', clock.now()])),
      clock.sleep(0).then(() => woke.push(['now', clock.now()])),
    ]);
    expect(woke).toEqual([
      ['now', 100],
      ['short', 300],
      ['long', 600],
    ]);
    expect(clock.sleeps).toEqual([500, 200, 0]);
  });

  it('never moves backwards, and advances on demand', async () => {
    const clock = createManualClock(0);
    const sleeping = clock.sleep(100);
    clock.advance(1_000);
    await sleeping;
    expect(clock.now()).toBe(1_000);
  });
});
