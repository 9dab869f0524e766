// When to try again after Shopline answers 429: its `Retry-After` if it ever sends one,
// otherwise exponential backoff with jitter. Pure (clock and randomness passed in); main process.

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Ceiling for the exponential delay and for a `Retry-After` we honour. */
  maxMs: number;
  /** Tries in all, the first one included; the last 429 becomes a `rate_limited` error. */
  maxAttempts: number;
}

// Shopline's bucket drains 4 requests a second: a second's pause frees a useful amount of room.
export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 30_000, maxAttempts: 5 };

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null if absent/unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const raw = value?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  // An HTTP date always names a weekday and month; Date.parse would take "-5" as a year.
  if (!/[a-z]/i.test(raw)) return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The wait before retry number `attempt` (1 = the first retry). Without `Retry-After`, "equal
 * jitter": half the exponential step is fixed, half random, so clients that were throttled
 * together do not come back together.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), policy.maxMs);
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
