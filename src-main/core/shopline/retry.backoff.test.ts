// Retry-After parsing and the backoff schedule, with jitter pinned.
import { describe, expect, it } from 'vitest';
import { defaultBackoff, parseRetryAfter, retryDelayMs } from './retry.backoff';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);

  it('reads delta-seconds, whole or fractional', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1_500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  const policy = { baseMs: 1_000, maxMs: 30_000, maxAttempts: 5 };

  it('doubles each time, half fixed and half jitter', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null, policy, () => 0.999_999))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(2, null, policy, () => 0.5)).toBe(1_500);
  });

  it('never goes past the ceiling', () => {
    expect(retryDelayMs(12, null, policy, () => 0.999_999)).toBe(30_000);
    expect(retryDelayMs(12, null, policy, () => 0)).toBe(15_000);
  });

  it('honours Retry-After exactly (no jitter), within the ceiling', () => {
    expect(retryDelayMs(1, 7_000, policy, () => 0.9)).toBe(7_000);
    expect(retryDelayMs(3, 0, policy, () => 0.9)).toBe(0);
    expect(retryDelayMs(1, 120_000, policy, () => 0.9)).toBe(30_000);
  });

  it('defaults to a bounded number of tries', () => {
    expect(defaultBackoff.maxAttempts).toBeGreaterThan(1);
    expect(defaultBackoff.maxAttempts).toBeLessThanOrEqual(10);
  });
});
