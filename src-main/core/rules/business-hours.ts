// Working-time arithmetic over a business Calendar (pure; core, any runtime with Intl).
// A window 'HH:MM–HH:MM' on a local date means every instant whose local wall-clock time in
// the calendar's zone falls inside it: a spring-forward gap shortens the window, a fall-back
// overlap lengthens it. `null` as calendar means around the clock.
import { IANAZone } from 'luxon';
import { clockTimeMinutes } from '../../../src-preload/contract/config.contract';
import type { Calendar } from '../../../src-preload/contract/config.contract';
import { ZoneOffsets } from './zone.offsets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** UTC offsets stay within −12h…+14h; the margins make every instant of a local date fall inside. */
const BEFORE_DAY = 15 * HOUR;
const AFTER_DAY = 13 * HOUR;
/**
 * Consecutive dates without working time before we give up. Yearly holidays repeat every
 * year, and weekday patterns every 28 years (within a century), so a calendar that has no
 * working time for this long never will: answer null instead of looping forever.
 */
const MAX_EMPTY_DAYS = 366 * 29;
const DAY_CACHE_LIMIT = 4096;

/** Half-open [start, end) in epoch ms. */
export type Interval = readonly [start: number, end: number];

interface PreparedCalendar {
  offsets: ZoneOffsets;
  /** Per weekday, merged [startMin, endMin) windows in local minutes. */
  weekly: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  hasWindows: boolean;
  oneOff: ReadonlySet<string>;
  yearly: ReadonlySet<string>;
  days: Map<number, readonly Interval[]>;
}

// Calendars are immutable documents, so their prepared form is memoised per object.
const prepared = new WeakMap<Calendar, PreparedCalendar>();
// Offsets per zone name, shared by every calendar (and every edit of one) in that zone.
const zoneOffsets = new Map<string, ZoneOffsets>();

function offsetsOf(zone: IANAZone): ZoneOffsets {
  let offsets = zoneOffsets.get(zone.name);
  if (!offsets) {
    offsets = new ZoneOffsets((ms) => zone.offset(ms));
    zoneOffsets.set(zone.name, offsets);
  }
  return offsets;
}

function prepare(calendar: Calendar): PreparedCalendar {
  const cached = prepared.get(calendar);
  if (cached) return cached;
  const zone = IANAZone.create(calendar.timeZone);
  if (!zone.isValid) throw new RangeError(`calendar ${calendar.id}: unknown time zone ${calendar.timeZone}`);
  const weekly = Array.from({ length: 7 }, (_, day) => mergeWindows(calendar.weekly[day] ?? []));
  const result: PreparedCalendar = {
    offsets: offsetsOf(zone),
    weekly,
    hasWindows: weekly.some((w) => w.length > 0),
    oneOff: new Set(calendar.holidays.filter((h) => !h.yearly).map((h) => h.date)),
    yearly: new Set(calendar.holidays.filter((h) => h.yearly).map((h) => h.date.slice(5))),
    days: new Map(),
  };
  prepared.set(calendar, result);
  return result;
}

function mergeWindows(windows: ReadonlyArray<{ start: string; end: string }>): Array<readonly [number, number]> {
  const sorted = windows
    .map((w) => [clockTimeMinutes(w.start), clockTimeMinutes(w.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function offsetMs(offsets: ZoneOffsets, ms: number): number {
  return offsets.at(ms) * MINUTE;
}

/** The pieces of [from, to) with a constant UTC offset (DST changes split it). */
function offsetSegments(offsets: ZoneOffsets, from: number, to: number): Array<{ from: number; to: number; offset: number }> {
  const segments: Array<{ from: number; to: number; offset: number }> = [];
  let start = from;
  // Bounded: a zone changes offset at most a handful of times within two days.
  for (let guard = 0; guard < 8 && start < to; guard++) {
    const offset = offsetMs(offsets, start);
    if (offsetMs(offsets, to - 1) === offset) {
      segments.push({ from: start, to, offset });
      return segments;
    }
    let lo = start;
    let hi = to - 1;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetMs(offsets, mid) === offset) lo = mid;
      else hi = mid;
    }
    segments.push({ from: start, to: hi, offset });
    start = hi;
  }
  if (start < to) segments.push({ from: start, to, offset: offsetMs(offsets, start) });
  return segments;
}

/** Local calendar date (days since 1970-01-01) of an instant. */
function localDay(cal: PreparedCalendar, ms: number): number {
  return Math.floor((ms + offsetMs(cal.offsets, ms)) / DAY);
}

function isHoliday(cal: PreparedCalendar, day: number): boolean {
  if (cal.oneOff.size === 0 && cal.yearly.size === 0) return false;
  const iso = new Date(day * DAY).toISOString().slice(0, 10);
  return cal.oneOff.has(iso) || cal.yearly.has(iso.slice(5));
}

/** The working intervals (instants) of one local date, sorted and merged. */
function dayIntervals(cal: PreparedCalendar, day: number): readonly Interval[] {
  const windows = cal.weekly[(((day + 4) % 7) + 7) % 7] ?? []; // 1970-01-01 was a Thursday
  if (windows.length === 0 || isHoliday(cal, day)) return [];
  const cached = cal.days.get(day);
  if (cached) return cached;
  const midnight = day * DAY; // the local midnight as if the zone were UTC
  const raw: Array<[number, number]> = [];
  for (const seg of offsetSegments(cal.offsets, midnight - BEFORE_DAY, midnight + DAY + AFTER_DAY)) {
    for (const [s, e] of windows) {
      const lo = Math.max(seg.from, midnight + s * MINUTE - seg.offset);
      const hi = Math.min(seg.to, midnight + e * MINUTE - seg.offset);
      if (lo < hi) raw.push([lo, hi]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  if (cal.days.size >= DAY_CACHE_LIMIT) cal.days.clear();
  cal.days.set(day, merged);
  return merged;
}

/**
 * Working intervals ending after `fromMs`, in time order, until the dates reach `untilMs`;
 * stops after MAX_EMPTY_DAYS dates in a row without working time.
 */
function* intervalsFrom(cal: PreparedCalendar, fromMs: number, untilMs = Infinity): Generator<Interval, void> {
  if (!cal.hasWindows) return;
  // Start a day early: around a zone's midnight DST change, an instant can carry yesterday's date.
  let day = localDay(cal, fromMs) - 1;
  let empty = 0;
  while (day * DAY - BEFORE_DAY < untilMs) {
    const intervals = dayIntervals(cal, day);
    if (intervals.length === 0) {
      if (++empty > MAX_EMPTY_DAYS) return;
    } else {
      empty = 0;
      for (const interval of intervals) if (interval[1] > fromMs) yield interval;
    }
    day++;
  }
}

function checkFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * The instant at which `ms` of working time starting at `startMs` has been used up, or null
 * when the calendar has no working time left. Zero returns `startMs` itself; a due time that
 * lands exactly on the end of a window is that end, not the start of the next window.
 */
export function addWorkingMs(startMs: number, ms: number, calendar: Calendar | null): number | null {
  checkFinite('startMs', startMs);
  checkFinite('ms', ms);
  if (ms < 0) throw new RangeError('cannot add negative working time');
  if (ms === 0) return startMs;
  if (calendar === null) return startMs + ms;
  let remaining = ms;
  for (const [a, b] of intervalsFrom(prepare(calendar), startMs)) {
    const from = Math.max(a, startMs);
    const available = b - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  return null;
}

export function addWorkingMinutes(startMs: number, minutes: number, calendar: Calendar | null): number | null {
  return addWorkingMs(startMs, minutes * MINUTE, calendar);
}

/** Working time inside [aMs, bMs), in ms; 0 when b is not after a. */
export function workingMsBetween(aMs: number, bMs: number, calendar: Calendar | null): number {
  checkFinite('aMs', aMs);
  checkFinite('bMs', bMs);
  if (bMs <= aMs) return 0;
  if (calendar === null) return bMs - aMs;
  let total = 0;
  for (const [a, b] of intervalsFrom(prepare(calendar), aMs, bMs)) {
    if (a >= bMs) break;
    total += Math.min(b, bMs) - Math.max(a, aMs);
  }
  return total;
}

export function workingMinutesBetween(aMs: number, bMs: number, calendar: Calendar | null): number {
  return workingMsBetween(aMs, bMs, calendar) / MINUTE;
}

export function isWorkingTime(ms: number, calendar: Calendar | null): boolean {
  checkFinite('ms', ms);
  if (calendar === null) return true;
  for (const [a] of intervalsFrom(prepare(calendar), ms, ms + 1)) return a <= ms;
  return false;
}

/** `ms` itself when it is working time, else the start of the next window; null if none ever. */
export function nextWorkingInstant(ms: number, calendar: Calendar | null): number | null {
  checkFinite('ms', ms);
  if (calendar === null) return ms;
  for (const [a] of intervalsFrom(prepare(calendar), ms)) return Math.max(a, ms);
  return null;
}

/** The working intervals overlapping [fromMs, toMs), clipped to it (for display and checks). */
export function workingIntervals(fromMs: number, toMs: number, calendar: Calendar | null): Interval[] {
  checkFinite('fromMs', fromMs);
  checkFinite('toMs', toMs);
  if (toMs <= fromMs) return [];
  if (calendar === null) return [[fromMs, toMs]];
  const result: Interval[] = [];
  for (const [a, b] of intervalsFrom(prepare(calendar), fromMs, toMs)) {
    if (a >= toMs) break;
    const start = Math.max(a, fromMs);
    const end = Math.min(b, toMs);
    const last = result[result.length - 1];
    if (last && last[1] === start) result[result.length - 1] = [last[0], end];
    else result.push([start, end]);
  }
  return result;
}
