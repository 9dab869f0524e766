// How the lead's figures read and draw: durations in words a lead scans quickly, bar geometry
// for the hand-made SVG charts, and which days a period's chart covers. Pure; renderer.
import type { DayPoint, ReportPeriod } from '../../../../src-preload/contract';

/** 45s, 12m, 3h 05m, 2d 4h; an em dash when there is no figure. */
export function duration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** A round axis top at or above `max`: 1, 2 or 5 times a power of ten (of minutes, for times). */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | null;
  label: string;
}

/** Bars for `values` across `width`×`height`, scaled to `top`; a missing value is a zero-height bar. */
export function bars(values: readonly (number | null)[], labels: readonly string[], width: number, height: number, top: number, gap = 2): Bar[] {
  const slot = values.length > 0 ? width / values.length : width;
  const barWidth = Math.max(1, slot - gap);
  return values.map((value, i) => {
    const h = value === null || top <= 0 ? 0 : Math.min(height, (value / top) * height);
    return { x: i * slot + gap / 2, y: height - h, width: barWidth, height: h, value, label: labels[i] ?? '' };
  });
}

/** The days a period's chart shows: the last 7 for today and 7 days, all 30 otherwise. */
export function chartDays(daily: readonly DayPoint[], period: ReportPeriod): DayPoint[] {
  return period === '30d' ? [...daily] : daily.slice(-7);
}

/** `2026-03-10` → `Mar 10` (the date is already the team's local day). */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Load against capacity as a share for the bar (capped at 1) and whether it is over. */
export function loadShare(load: number, capacity: number): { share: number; over: boolean } {
  if (capacity <= 0) return { share: load > 0 ? 1 : 0, over: load > 0 };
  return { share: Math.min(1, load / capacity), over: load > capacity };
}
