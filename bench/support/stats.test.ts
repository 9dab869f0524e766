// Tests for the bench's summary statistics (pure).
import { describe, expect, it } from 'vitest';
import { median, percentile, round, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const calls = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20 ms

  it('takes the 19th of 20 sorted samples as p95, never an interpolation', () => {
    expect(percentile([...calls].reverse(), 95)).toBe(19);
  });

  it('gives the largest sample for p100 and the smallest for p0', () => {
    expect(percentile(calls, 100)).toBe(20);
    expect(percentile(calls, 0)).toBe(1);
  });

  it('refuses empty input, non-finite samples and percentiles outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/finite/);
    expect(() => percentile([1], 101)).toThrow(/0–100/);
  });
});

describe('median and summarize', () => {
  it('averages the two middle samples of an even count and does not reorder the input', () => {
    const samples = [4, 1, 3, 2];
    expect(median(samples)).toBe(2.5);
    expect(samples).toEqual([4, 1, 3, 2]);
  });

  it('reports runs, median, min and max', () => {
    expect(summarize([120, 80, 100])).toEqual({ runs: 3, median: 100, min: 80, max: 120 });
  });
});

describe('round', () => {
  it('keeps three significant digits below 100 and whole numbers above', () => {
    expect(round(0.0123456)).toBe(0.0123);
    expect(round(12.3456)).toBe(12.3);
    expect(round(1234.56)).toBe(1235);
    expect(round(0)).toBe(0);
  });
});
