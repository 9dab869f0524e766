// Tests for the one-timer deadline scheduler on hand-driven time.
import { describe, expect, it } from 'vitest';
import { DeadlineScheduler } from './deadline.scheduler';
import { FakeTime } from './fake.timers';
import { MAX_TIMER_DELAY_MS } from './timers';

const settle = async () => {};

describe('DeadlineScheduler', () => {
  it('keeps a single timer for the earliest deadline and hands over due keys at their instant', async () => {
    const time = new FakeTime(1_000);
    const fired: [number, string[]][] = [];
    const s = new DeadlineScheduler(time.timers, time.clock, (keys) => fired.push([time.now, keys]));
    for (let i = 0; i < 100; i++) s.set(`t${i}`, 5_000 + (i % 10) * 100);
    expect(time.armed).toBe(1);
    expect(time.armedAt).toEqual([5_000]);
    s.set('early', 2_000);
    expect(time.armedAt).toEqual([2_000]);
    s.delete('early');
    expect(time.armedAt).toEqual([5_000]);

    await time.advanceTo(5_099, settle);
    expect(fired).toEqual([[5_000, Array.from({ length: 10 }, (_, i) => `t${i * 10}`).sort()]]);
    await time.advanceTo(5_100, settle);
    expect(fired[1]?.[0]).toBe(5_100);
    expect(s.size).toBe(80);
    expect(time.armed).toBe(1);
  });

  it('fires a deadline already past at once and reaches far deadlines in hops', async () => {
    const time = new FakeTime(0);
    const fired: number[] = [];
    const s = new DeadlineScheduler(time.timers, time.clock, () => fired.push(time.now));
    s.set('past', -5);
    await time.advance(0, settle);
    expect(fired).toEqual([0]);
    const far = 3 * MAX_TIMER_DELAY_MS + 7;
    s.set('far', far);
    expect(time.armedAt).toEqual([MAX_TIMER_DELAY_MS]);
    await time.advanceTo(far - 1, settle);
    expect(fired).toEqual([0]);
    await time.advanceTo(far, settle);
    expect(fired).toEqual([0, far]);
    s.dispose();
    expect(time.armed).toBe(0);
  });
});
