// Tests for working-time arithmetic: windows, weekends, holidays, DST gaps and overlaps.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clockTimeMinutes, type Calendar } from '../../../src-preload/contract/config.contract';
import {
  addWorkingMinutes,
  addWorkingMs,
  isWorkingTime,
  nextWorkingInstant,
  workingIntervals,
  workingMinutesBetween,
  workingMsBetween,
} from './business-hours';
import { DAY, HOUR, MIN, at, everyDayCalendar, weekdayCalendar, seededRandom } from './rules.fixtures';

/**
 * The slow, obvious reading of a calendar: whether the minute starting at `ms` is working time,
 * from the local wall clock as luxon (Intl) gives it for that instant. Exact for whole-minute
 * windows in zones whose offsets and changes fall on whole minutes.
 */
function workingMinuteByWallClock(ms: number, calendar: Calendar): boolean {
  const local = DateTime.fromMillis(ms, { zone: calendar.timeZone });
  const minute = local.hour * 60 + local.minute;
  const windows = calendar.weekly[local.weekday % 7] ?? [];
  return windows.some((w) => clockTimeMinutes(w.start) <= minute && minute < clockTimeMinutes(w.end));
}

const berlin = weekdayCalendar('Europe/Berlin');
const allDayBerlin = everyDayCalendar('Europe/Berlin', [{ start: '00:00', end: '24:00' }]);
const allDayNewYork = everyDayCalendar('America/New_York', [{ start: '00:00', end: '24:00' }]);

describe('addWorkingMinutes', () => {
  // 2026-03-02 is a Monday; Berlin is UTC+1 in winter.
  it('adds inside one window', () => {
    expect(addWorkingMinutes(at('2026-03-02T09:00:00Z'), 60, berlin)).toBe(at('2026-03-02T10:00:00Z'));
  });

  it('carries the rest over to the next working day', () => {
    // Mon 16:30 local + 60 → Tue 09:30 local
    expect(addWorkingMinutes(at('2026-03-02T15:30:00Z'), 60, berlin)).toBe(at('2026-03-03T08:30:00Z'));
  });

  it('skips the weekend', () => {
    // Fri 16:00 local + 120 → Mon 10:00 local
    expect(addWorkingMinutes(at('2026-03-06T15:00:00Z'), 120, berlin)).toBe(at('2026-03-09T09:00:00Z'));
  });

  it('starts counting at the next opening when started outside working time', () => {
    // Sat 12:00 → Mon 09:30; Mon 07:00 → Mon 09:30
    expect(addWorkingMinutes(at('2026-03-07T11:00:00Z'), 30, berlin)).toBe(at('2026-03-09T08:30:00Z'));
    expect(addWorkingMinutes(at('2026-03-09T06:00:00Z'), 30, berlin)).toBe(at('2026-03-09T08:30:00Z'));
  });

  it('ends at the close of a window rather than the next opening when the time runs out there', () => {
    expect(addWorkingMinutes(at('2026-03-02T15:00:00Z'), 60, berlin)).toBe(at('2026-03-02T16:00:00Z'));
  });

  it('returns the start for zero and rejects negative or non-finite amounts', () => {
    const saturday = at('2026-03-07T11:00:00Z');
    expect(addWorkingMinutes(saturday, 0, berlin)).toBe(saturday);
    expect(() => addWorkingMinutes(saturday, -1, berlin)).toThrow(RangeError);
    expect(() => addWorkingMinutes(saturday, Number.NaN, berlin)).toThrow(RangeError);
    expect(() => addWorkingMinutes(Number.POSITIVE_INFINITY, 5, berlin)).toThrow(RangeError);
  });

  it('uses several windows per day and merges overlapping ones', () => {
    const split = weekdayCalendar('Europe/Berlin', [
      { start: '13:00', end: '17:00' },
      { start: '09:00', end: '12:00' },
    ]);
    // Mon 11:30 local + 60 → 13:30 local (lunch skipped)
    expect(addWorkingMinutes(at('2026-03-02T10:30:00Z'), 60, split)).toBe(at('2026-03-02T12:30:00Z'));
    const overlapping = weekdayCalendar('Europe/Berlin', [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ]);
    expect(workingMinutesBetween(at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'), overlapping)).toBe(240);
  });

  it('treats a window ending at 24:00 as running up to midnight, continuing into the next day', () => {
    const late = weekdayCalendar('Europe/Berlin', [
      { start: '00:00', end: '02:00' },
      { start: '20:00', end: '24:00' },
    ]);
    // Mon 23:00 local + 120 → Tue 01:00 local
    expect(addWorkingMinutes(at('2026-03-02T22:00:00Z'), 120, late)).toBe(at('2026-03-03T00:00:00Z'));
  });

  it('skips one-off holidays', () => {
    const cal = weekdayCalendar('Europe/Berlin', undefined, {
      holidays: [{ date: '2026-03-04', name: 'Company day', yearly: false }],
    });
    // Tue 16:00 local + 120 → Thu 10:00 local (Wednesday off)
    expect(addWorkingMinutes(at('2026-03-03T15:00:00Z'), 120, cal)).toBe(at('2026-03-05T09:00:00Z'));
    // The same date in another year is an ordinary day.
    expect(isWorkingTime(at('2027-03-04T10:00:00Z'), cal)).toBe(true);
  });

  it('skips yearly holidays in every year, whatever year they were written with', () => {
    const cal = weekdayCalendar('Europe/Berlin', undefined, {
      holidays: [
        { date: '2020-12-25', name: 'Christmas', yearly: true },
        { date: '2020-01-01', name: 'New Year', yearly: true },
      ],
    });
    // Thu 2026-12-24 16:00 local + 120 → Mon 2026-12-28 10:00 local (Fri 25th off)
    expect(addWorkingMinutes(at('2026-12-24T15:00:00Z'), 120, cal)).toBe(at('2026-12-28T09:00:00Z'));
    expect(isWorkingTime(at('2027-01-01T10:00:00Z'), cal)).toBe(false);
    expect(isWorkingTime(at('2027-12-24T10:00:00Z'), cal)).toBe(true);
  });

  it('is computed per window, not per minute: a year of working time in one call', () => {
    // 52 weeks × 5 days × 8 h from Mon 2026-01-05 09:00 local ends Fri 2027-01-01 17:00 local.
    const minutes = 52 * 5 * 8 * 60;
    expect(addWorkingMinutes(at('2026-01-05T08:00:00Z'), minutes, berlin)).toBe(at('2027-01-01T16:00:00Z'));
  });

  it('counts around the clock without a calendar', () => {
    expect(addWorkingMinutes(1_000, 90, null)).toBe(1_000 + 90 * MIN);
    expect(workingMinutesBetween(0, 3 * HOUR, null)).toBe(180);
    expect(isWorkingTime(123, null)).toBe(true);
    expect(nextWorkingInstant(123, null)).toBe(123);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working time', () => {
    // Fri 16:00 local → Mon 10:00 local = 1h + 1h
    expect(workingMinutesBetween(at('2026-03-06T15:00:00Z'), at('2026-03-09T09:00:00Z'), berlin)).toBe(120);
    // A whole week
    expect(workingMinutesBetween(at('2026-03-02T00:00:00Z'), at('2026-03-09T00:00:00Z'), berlin)).toBe(40 * 60);
  });

  it('is zero for an empty or reversed range and outside working time', () => {
    const t = at('2026-03-02T10:00:00Z');
    expect(workingMinutesBetween(t, t, berlin)).toBe(0);
    expect(workingMinutesBetween(t + HOUR, t, berlin)).toBe(0);
    expect(workingMinutesBetween(at('2026-03-07T00:00:00Z'), at('2026-03-08T23:00:00Z'), berlin)).toBe(0);
  });

  it('keeps fractions of a minute', () => {
    const t = at('2026-03-02T10:00:00Z');
    expect(workingMsBetween(t, t + 1_500, berlin)).toBe(1_500);
    expect(workingMinutesBetween(t, t + 30_000, berlin)).toBe(0.5);
  });
});

describe('isWorkingTime and nextWorkingInstant', () => {
  it('treats windows as half-open [start, end)', () => {
    expect(isWorkingTime(at('2026-03-02T08:00:00Z'), berlin)).toBe(true); // 09:00 local
    expect(isWorkingTime(at('2026-03-02T07:59:59.999Z'), berlin)).toBe(false);
    expect(isWorkingTime(at('2026-03-02T15:59:59.999Z'), berlin)).toBe(true);
    expect(isWorkingTime(at('2026-03-02T16:00:00Z'), berlin)).toBe(false); // 17:00 local
  });

  it('finds the next opening across evenings, weekends and holidays', () => {
    const inside = at('2026-03-02T10:00:00Z');
    expect(nextWorkingInstant(inside, berlin)).toBe(inside);
    expect(nextWorkingInstant(at('2026-03-06T17:00:00Z'), berlin)).toBe(at('2026-03-09T08:00:00Z'));
    const cal = weekdayCalendar('Europe/Berlin', undefined, {
      holidays: [{ date: '2026-03-09', name: 'Off', yearly: false }],
    });
    expect(nextWorkingInstant(at('2026-03-06T17:00:00Z'), cal)).toBe(at('2026-03-10T08:00:00Z'));
  });
});

describe('a calendar without working time', () => {
  const empty: Calendar = everyDayCalendar('Europe/Berlin', []);

  it('answers null or zero instead of looping', () => {
    expect(addWorkingMinutes(at('2026-03-02T10:00:00Z'), 1, empty)).toBeNull();
    expect(nextWorkingInstant(at('2026-03-02T10:00:00Z'), empty)).toBeNull();
    expect(isWorkingTime(at('2026-03-02T10:00:00Z'), empty)).toBe(false);
    expect(workingMinutesBetween(0, 10 * 365 * DAY, empty)).toBe(0);
    expect(workingIntervals(0, DAY, empty)).toEqual([]);
  });

  it('gives up on a calendar whose every date is a yearly holiday', () => {
    const holidays = Array.from({ length: 366 }, (_, i) => {
      const iso = new Date(Date.UTC(2024, 0, 1) + i * DAY).toISOString().slice(0, 10);
      return { date: iso, name: 'off', yearly: true };
    });
    const cal = everyDayCalendar('Europe/Berlin', [{ start: '09:00', end: '17:00' }], { holidays });
    expect(addWorkingMinutes(at('2026-03-02T10:00:00Z'), 1, cal)).toBeNull();
    expect(nextWorkingInstant(at('2026-03-02T10:00:00Z'), cal)).toBeNull();
  });

  it('still finds working time that only comes back years later', () => {
    // Only 29 February is a working day: the next one after March 2026 is in 2028.
    const holidays = Array.from({ length: 366 }, (_, i) => {
      const iso = new Date(Date.UTC(2024, 0, 1) + i * DAY).toISOString().slice(0, 10);
      return { date: iso, name: 'off', yearly: true };
    }).filter((h) => h.date !== '2024-02-29');
    const cal = everyDayCalendar('UTC', [{ start: '09:00', end: '17:00' }], { holidays });
    expect(nextWorkingInstant(at('2026-03-02T10:00:00Z'), cal)).toBe(at('2028-02-29T09:00:00Z'));
  });
});

describe('daylight saving time', () => {
  // Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
  it('a spring-forward day has 23 working hours and a fall-back day 25', () => {
    expect(workingMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), allDayBerlin)).toBe(23 * 60);
    expect(workingMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), allDayBerlin)).toBe(25 * 60);
    expect(workingIntervals(at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'), allDayBerlin)).toEqual([
      [at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z')],
    ]);
  });

  it('shortens a window across the spring-forward gap and drops one inside it', () => {
    const early = everyDayCalendar('Europe/Berlin', [{ start: '01:00', end: '05:00' }]);
    expect(workingIntervals(at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'), early)).toEqual([
      [at('2026-03-29T00:00:00Z'), at('2026-03-29T03:00:00Z')],
    ]);
    const inGap = everyDayCalendar('Europe/Berlin', [{ start: '02:00', end: '02:30' }]);
    expect(workingMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), inGap)).toBe(0);
    expect(workingMinutesBetween(at('2026-03-29T12:00:00Z'), at('2026-03-30T12:00:00Z'), inGap)).toBe(30);
    const straddling = everyDayCalendar('Europe/Berlin', [{ start: '02:30', end: '04:00' }]);
    // Starts when the clocks jump (03:00 CEST = 01:00Z) and ends at 04:00 CEST.
    expect(workingIntervals(at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'), straddling)).toEqual([
      [at('2026-03-29T01:00:00Z'), at('2026-03-29T02:00:00Z')],
    ]);
  });

  it('lengthens a window across the fall-back overlap and counts a repeated hour twice', () => {
    const early = everyDayCalendar('Europe/Berlin', [{ start: '01:00', end: '05:00' }]);
    expect(workingMinutesBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), early)).toBe(5 * 60);
    // 02:30–04:00 local happens as 02:30–03:00 CEST, then (after the clocks go back) 02:30–04:00 CET.
    const straddling = everyDayCalendar('Europe/Berlin', [{ start: '02:30', end: '04:00' }]);
    expect(workingIntervals(at('2026-10-25T00:00:00Z'), at('2026-10-25T12:00:00Z'), straddling)).toEqual([
      [at('2026-10-25T00:30:00Z'), at('2026-10-25T01:00:00Z')],
      [at('2026-10-25T01:30:00Z'), at('2026-10-25T03:00:00Z')],
    ]);
    expect(isWorkingTime(at('2026-10-25T01:15:00Z'), straddling)).toBe(false); // 02:15 CET, second pass
  });

  it('keeps office hours at local time on both sides of a change', () => {
    // Mon–Fri 09:00–17:00 Berlin: Fri 2026-03-27 is UTC+1, Mon 2026-03-30 is UTC+2.
    expect(addWorkingMinutes(at('2026-03-27T15:00:00Z'), 120, berlin)).toBe(at('2026-03-30T08:00:00Z'));
    expect(nextWorkingInstant(at('2026-03-27T17:00:00Z'), berlin)).toBe(at('2026-03-30T07:00:00Z'));
    // Fri 2026-10-23 is UTC+2, Mon 2026-10-26 is UTC+1.
    expect(addWorkingMinutes(at('2026-10-23T14:00:00Z'), 120, berlin)).toBe(at('2026-10-26T09:00:00Z'));
  });

  it('handles America/New_York (2026-03-08 and 2026-11-01, changes at 02:00)', () => {
    expect(workingMinutesBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'), allDayNewYork)).toBe(23 * 60);
    expect(workingMinutesBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), allDayNewYork)).toBe(25 * 60);
    const ny = weekdayCalendar('America/New_York');
    // Fri 2026-03-06 16:00 EST + 120 → Mon 2026-03-09 10:00 EDT
    expect(addWorkingMinutes(at('2026-03-06T21:00:00Z'), 120, ny)).toBe(at('2026-03-09T14:00:00Z'));
    // 01:00–03:00 on the fall-back Sunday is three real hours (01:00 EDT → 03:00 EST).
    const night = everyDayCalendar('America/New_York', [{ start: '01:00', end: '03:00' }]);
    expect(workingIntervals(at('2026-11-01T00:00:00Z'), at('2026-11-01T12:00:00Z'), night)).toEqual([
      [at('2026-11-01T05:00:00Z'), at('2026-11-01T08:00:00Z')],
    ]);
  });

  it('handles a half-hour DST shift (Australia/Lord_Howe, 2026-04-05)', () => {
    const allDay = everyDayCalendar('Australia/Lord_Howe', [{ start: '00:00', end: '24:00' }]);
    // Midnight +11:00 on 5 April to midnight +10:30 on 6 April: 24.5 hours.
    expect(workingMinutesBetween(at('2026-04-04T13:00:00Z'), at('2026-04-05T13:30:00Z'), allDay)).toBe(24.5 * 60);
  });

  it('handles a half-hour change off the whole UTC hour (Australia/Lord_Howe, 2026-10-04 02:00 → 02:30 at 15:30 UTC)', () => {
    const allDay = everyDayCalendar('Australia/Lord_Howe', [{ start: '00:00', end: '24:00' }]);
    // Midnight +10:30 on 4 October to midnight +11:00 on 5 October: 23.5 hours.
    expect(workingMinutesBetween(at('2026-10-03T13:30:00Z'), at('2026-10-04T13:00:00Z'), allDay)).toBe(23.5 * 60);
    // 02:00–02:30 does not happen that night: the window opens when the clocks jump.
    const night = everyDayCalendar('Australia/Lord_Howe', [{ start: '02:00', end: '03:00' }]);
    expect(workingIntervals(at('2026-10-03T12:00:00Z'), at('2026-10-04T00:00:00Z'), night)).toEqual([
      [at('2026-10-03T15:30:00Z'), at('2026-10-03T16:00:00Z')],
    ]);
    expect(isWorkingTime(at('2026-10-03T15:29:59.999Z'), night)).toBe(false);
  });

  it('agrees minute by minute with the wall clock around every 2026 change (Berlin, New York, Kolkata, Lord Howe, St John’s)', () => {
    const windows = [
      { start: '00:30', end: '02:15' },
      { start: '02:45', end: '03:10' },
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '24:00' },
    ];
    const around = {
      'Europe/Berlin': ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
      'America/New_York': ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'],
      'Asia/Kolkata': ['2026-03-29T01:00:00Z'],
      'Australia/Lord_Howe': ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'],
      'America/St_Johns': ['2026-03-08T05:30:00Z', '2026-11-01T04:30:00Z'],
    };
    for (const [zone, changes] of Object.entries(around)) {
      const calendar = weekdayCalendar(zone, windows, { weekly: [windows, windows, [], windows, windows, windows, windows] });
      for (const change of changes) {
        const from = at(change) - 26 * HOUR;
        const to = at(change) + 26 * HOUR;
        let expected = 0;
        for (let ms = from; ms < to; ms += MIN) {
          const working = workingMinuteByWallClock(ms, calendar);
          if (working) expected += MIN;
          if (isWorkingTime(ms, calendar) !== working) expect({ zone, at: new Date(ms).toISOString(), working: !working }).toEqual({ zone, at: new Date(ms).toISOString(), working });
        }
        expect({ zone, change, ms: workingMsBetween(from, to, calendar) }).toEqual({ zone, change, ms: expected });
      }
    }
  });

  it('keeps addWorkingMs and workingMsBetween inverse of each other (seeded random cases)', () => {
    const random = seededRandom(42);
    const calendars: Calendar[] = [
      berlin,
      weekdayCalendar('America/New_York', [
        { start: '01:30', end: '02:45' },
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '24:00' },
      ]),
      everyDayCalendar('Europe/Berlin', [{ start: '02:15', end: '03:30' }], {
        holidays: [{ date: '2026-03-29', name: 'x', yearly: false }],
      }),
      everyDayCalendar('Australia/Lord_Howe', [{ start: '01:00', end: '03:00' }]),
    ];
    const base = at('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const cal = calendars[i % calendars.length] as Calendar;
      const start = base + Math.floor(random() * 330 * DAY);
      const amount = Math.floor(random() * 40 * HOUR) + 1;
      const due = addWorkingMs(start, amount, cal);
      expect(due).not.toBeNull();
      expect(workingMsBetween(start, due as number, cal)).toBe(amount);
      // The due instant is the earliest: one ms less has not used it all up.
      expect(workingMsBetween(start, (due as number) - 1, cal)).toBe(amount - 1);
    }
  });
});
