// The leaky bucket and the throttle, on a virtual clock.
import { describe, expect, it } from 'vitest';
import { LeakyBucket, createRateLimiter } from './rate.limiter';
import { createManualClock } from './manual.clock';

describe('LeakyBucket', () => {
  it('admits a burst up to its capacity, then refuses until it has leaked', () => {
    const bucket = new LeakyBucket({ capacity: 40, leakPerSec: 4 }, 0);
    for (let i = 0; i < 40; i++) expect(bucket.tryAdd(0)).toBe(true);
    expect(bucket.tryAdd(0)).toBe(false);
    expect(bucket.tryAdd(249)).toBe(false);
    expect(bucket.tryAdd(250)).toBe(true); // one request's worth leaked
    expect(bucket.tryAdd(250)).toBe(false);
    expect(bucket.levelAt(10_250)).toBe(0);
  });

  it('never drains below empty, however long it was idle', () => {
    const bucket = new LeakyBucket({ capacity: 2, leakPerSec: 4 }, 0);
    expect(bucket.tryAdd(60_000)).toBe(true);
    expect(bucket.tryAdd(60_000)).toBe(true);
    expect(bucket.tryAdd(60_000)).toBe(false);
  });

  it('books requests in order and says how long each must wait', () => {
    const bucket = new LeakyBucket({ capacity: 1, leakPerSec: 4 }, 0);
    expect([0, 0, 0, 0, 0].map((t) => bucket.reserve(t))).toEqual([0, 250, 500, 750, 1000]);
    // Five booked by t=0 means the next free slot is t=1250, whenever one asks.
    expect(bucket.reserve(600)).toBeCloseTo(650);
  });

  it('lets a burst through at once when its capacity allows', () => {
    const bucket = new LeakyBucket({ capacity: 3, leakPerSec: 2 }, 0);
    expect([0, 0, 0, 0, 0].map((t) => bucket.reserve(t))).toEqual([0, 0, 0, 500, 1000]);
  });

  it('refuses nonsense options', () => {
    expect(() => new LeakyBucket({ capacity: 0, leakPerSec: 4 })).toThrow(RangeError);
    expect(() => new LeakyBucket({ capacity: 1, leakPerSec: 0 })).toThrow(RangeError);
  });
});

describe('createRateLimiter', () => {
  it('spaces requests that arrive together 250 ms apart (4 per second)', async () => {
    const clock = createManualClock(1_000);
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        await limiter.acquire();
        sentAt.push(clock.now());
      }),
    );
    expect(sentAt).toEqual([1_000, 1_250, 1_500, 1_750, 2_000, 2_250]);
  });

  it('does not make a request wait when the last one was long ago', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    clock.advance(5_000);
    await limiter.acquire();
    expect(clock.now()).toBe(5_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds everyone during a pause, then resumes at the normal spacing', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    limiter.pauseUntil(3_000);
    limiter.pauseUntil(2_000); // an earlier pause never shortens a later one
    const sentAt: number[] = [];
    await Promise.all(
      [1, 2, 3].map(async () => {
        await limiter.acquire();
        sentAt.push(clock.now());
      }),
    );
    expect(sentAt).toEqual([3_000, 3_250, 3_500]);
  });
});
