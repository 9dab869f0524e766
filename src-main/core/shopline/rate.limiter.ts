// Client-side throttle for one Shopline store: a leaky bucket (Shopline's own model, 4 req/s)
// so we stay under the limit instead of bouncing off 429s. The bucket is pure arithmetic over
// times passed in; the limiter wires it to an injected clock and sleep. Runs in the main process;
// the fake Shopline uses the same bucket to decide when to answer 429.

export interface BucketOptions {
  /** How many requests the bucket holds before it overflows (the allowed burst). */
  capacity: number;
  /** How many requests drain out per second (the sustained rate). */
  leakPerSec: number;
}

// Float drift must not turn "exactly full" into "overflowing".
const EPSILON = 1e-9;

export class LeakyBucket {
  private level = 0;
  private at: number;

  constructor(
    private readonly options: BucketOptions,
    startAt = 0,
  ) {
    if (!(options.capacity >= 1) || !(options.leakPerSec > 0)) {
      throw new RangeError('a leaky bucket needs capacity >= 1 and leakPerSec > 0');
    }
    this.at = startAt;
  }

  /** How full the bucket is at `now` (booked requests included). */
  levelAt(now: number): number {
    this.drain(now);
    return this.level;
  }

  /** Server side: admit one request at `now` if it fits, else refuse it (a 429). */
  tryAdd(now: number): boolean {
    this.drain(now);
    if (this.level + 1 > this.options.capacity + EPSILON) return false;
    this.level += 1;
    return true;
  }

  /**
   * Client side: book one request and return how long to wait (ms) before sending it.
   * Bookings queue up, so callers that reserve at the same instant are spaced out.
   */
  reserve(now: number): number {
    this.drain(now);
    const overflow = this.level + 1 - this.options.capacity;
    this.level += 1;
    return overflow > EPSILON ? (overflow * 1000) / this.options.leakPerSec : 0;
  }

  private drain(now: number): void {
    if (now <= this.at) return;
    this.level = Math.max(0, this.level - ((now - this.at) * this.options.leakPerSec) / 1000);
    this.at = now;
  }
}

export interface RateLimiter {
  /** Resolves when the caller may send its request. */
  acquire(): Promise<void>;
  /** Hold every request until `until` (ms): Shopline said 429, so the whole store waits. */
  pauseUntil(until: number): void;
}

export interface RateLimiterOptions {
  /** Sustained requests per second; Shopline allows 4 per app per store. */
  ratePerSec?: number;
  /** Requests that may go back to back; 1 keeps us at `ratePerSec` in any one-second window. */
  burst?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { now, sleep } = options;
  const bucket = new LeakyBucket({ capacity: options.burst ?? 1, leakPerSec: options.ratePerSec ?? 4 }, now());
  let pausedUntil = 0;
  return {
    async acquire() {
      for (;;) {
        const pause = pausedUntil - now();
        if (pause > 0) {
          await sleep(pause);
          continue;
        }
        const wait = bucket.reserve(now());
        if (wait > 0) await sleep(wait);
        // A 429 may have paused the store while we slept: book again after the pause.
        if (pausedUntil <= now()) return;
      }
    },
    pauseUntil(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}
