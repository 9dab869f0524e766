// The timer functions the automation services schedule with, injectable so tests drive time
// by hand. Main process (plain Node).

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's own timers; unref'd so a pending deadline never keeps a headless process alive. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** setTimeout takes at most a signed 32-bit delay; later deadlines are reached in hops. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
