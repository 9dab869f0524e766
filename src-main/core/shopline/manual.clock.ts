// A virtual clock for tests and the fake store: `sleep` returns at once but moves the clock to
// the sleeper's wake time, earliest sleeper first. Lets throttle and backoff run without waiting.
// Plain Node; never used by the app outside tests and demo fakes.

export interface ManualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  /** Every sleep requested so far, in ms, in call order. */
  readonly sleeps: number[];
}

export function createManualClock(start = 0): ManualClock {
  let t = start;
  let seq = 0;
  let scheduled = false;
  const timers: { wake: number; seq: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];

  // One timer per macrotask, so code woken by one timer can book the next before time moves on.
  const fireNext = (): void => {
    scheduled = false;
    timers.sort((a, b) => a.wake - b.wake || a.seq - b.seq);
    const next = timers.shift();
    if (!next) return;
    t = Math.max(t, next.wake);
    next.resolve();
    if (timers.length > 0) schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(fireNext);
  };

  return {
    now: () => t,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        timers.push({ wake: t + Math.max(0, ms), seq: seq++, resolve });
        schedule();
      });
    },
    advance(ms) {
      t += ms;
    },
    sleeps,
  };
}
