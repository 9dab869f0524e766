// The lead's figures as they read and draw: durations, axis tops, bar geometry, chart days
// and load against capacity.
import { describe, expect, it } from 'vitest';
import type { DayPoint } from '../../../../src-preload/contract';
import { bars, chartDays, duration, loadShare, niceCeiling } from './report.format';

describe('duration', () => {
  it('reads in the largest sensible units', () => {
    expect(duration(null)).toBe('—');
    expect(duration(44_600)).toBe('45s');
    expect(duration(12 * 60_000 + 10_000)).toBe('12m');
    expect(duration((3 * 60 + 5) * 60_000)).toBe('3h 05m');
    expect(duration(52 * 3_600_000)).toBe('2d 4h');
    expect(duration(-5)).toBe('0s');
  });
});

describe('chart geometry', () => {
  it('rounds the axis top up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 0.7, 3, 7, 12, 180, 1000].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 200, 1000]);
  });

  it('scales bars to the top, with missing values flat and overflow clipped', () => {
    const out = bars([50, null, 100, 300], ['a', 'b', 'c', 'd'], 40, 100, 100, 2);
    expect(out.map((b) => b.height)).toEqual([50, 0, 100, 100]);
    expect(out.map((b) => b.y)).toEqual([50, 100, 0, 0]);
    expect(out[1]).toMatchObject({ x: 11, width: 8, label: 'b', value: null });
  });

  it('shows the last 7 days for today and 7 days, all for 30 days', () => {
    const daily = Array.from({ length: 30 }, (_, i): DayPoint => ({
      date: `2026-03-${String(i + 1).padStart(2, '0')}`,
      from: i,
      to: i + 1,
      created: 0,
      resolved: 0,
      firstResponseMedianMs: null,
      resolutionMedianMs: null,
    }));
    expect(chartDays(daily, 'today').map((d) => d.date)).toEqual(daily.slice(23).map((d) => d.date));
    expect(chartDays(daily, '7d')).toHaveLength(7);
    expect(chartDays(daily, '30d')).toHaveLength(30);
  });
});

describe('loadShare', () => {
  it('caps the bar and flags an agent over capacity', () => {
    expect(loadShare(4, 8)).toEqual({ share: 0.5, over: false });
    expect(loadShare(10, 8)).toEqual({ share: 1, over: true });
    expect(loadShare(0, 0)).toEqual({ share: 0, over: false });
    expect(loadShare(1, 0)).toEqual({ share: 1, over: true });
  });
});
