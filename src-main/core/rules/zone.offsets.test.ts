// Tests for the per-hour offset memory: the same answers as asking Intl every time, around DST
// changes on and off whole UTC hours, with half-hour and 45-minute offsets, and bounded memory.
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneOffsets } from './zone.offsets';
import { DAY, HOUR, MIN, at, seededRandom } from './rules.fixtures';

const exactIn = (name: string) => {
  const zone = IANAZone.create(name);
  return (ms: number): number => zone.offset(ms);
};

/** Instants in every UTC hour of [from, to): its start, both sides of the half hour, one random ms. */
function probes(from: number, to: number, random: () => number): number[] {
  const result: number[] = [];
  for (let hour = from; hour < to; hour += HOUR) {
    result.push(hour, hour + 30 * MIN - 1, hour + 30 * MIN, hour + Math.floor(random() * HOUR));
  }
  return result;
}

describe('ZoneOffsets', () => {
  const zones = [
    'Europe/Berlin', // changes at 01:00 UTC, whole hours
    'America/New_York', // 02:00 local
    'Asia/Kolkata', // +5:30, no DST
    'Asia/Kathmandu', // +5:45 since 1985-12-31 18:30 UTC
    'Australia/Lord_Howe', // +10:30 / +11: a 30-minute shift, at 15:00 and 15:30 UTC
    'Australia/Adelaide', // +9:30 / +10:30: changes at 16:30 UTC
    'America/St_Johns', // −3:30 / −2:30; until 2011 at 00:01 local (03:31 UTC)
    'Europe/Amsterdam', // +0:19:32 until 1937-07-01, then +0:20: offsets in seconds
    'Pacific/Chatham', // +12:45 / +13:45
    'UTC',
  ];

  it.each(zones)('gives what Intl gives in every hour of 2026 and around old changes (%s)', (name) => {
    const exact = exactIn(name);
    const offsets = new ZoneOffsets(exact);
    const random = seededRandom(name.length);
    const instants = [
      ...probes(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), random),
      ...probes(at('1985-12-30T00:00:00Z'), at('1986-01-02T00:00:00Z'), random),
      ...probes(at('2011-03-12T00:00:00Z'), at('2011-03-15T00:00:00Z'), random),
      ...probes(at('1937-06-30T00:00:00Z'), at('1937-07-02T00:00:00Z'), random),
    ];
    // Shuffled, so hours are first met at any instant in them, not always at their start.
    for (let i = instants.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [instants[i], instants[j]] = [instants[j] as number, instants[i] as number];
    }
    for (const ms of instants) {
      const got = offsets.at(ms);
      if (got !== exact(ms)) expect({ name, at: new Date(ms).toISOString(), offset: got }).toEqual({ name, at: new Date(ms).toISOString(), offset: exact(ms) });
    }
  });

  it('finds a change that falls inside an hour to the millisecond', () => {
    // Lord Howe leaves DST (+11 → +10:30) at 2026-04-04 15:00 UTC and returns at 2026-10-03 15:30 UTC.
    const lordHowe = new ZoneOffsets(exactIn('Australia/Lord_Howe'));
    expect(lordHowe.at(at('2026-04-04T14:59:59.999Z'))).toBe(660);
    expect(lordHowe.at(at('2026-04-04T15:00:00Z'))).toBe(630);
    expect(lordHowe.at(at('2026-10-03T15:29:59.999Z'))).toBe(630);
    expect(lordHowe.at(at('2026-10-03T15:30:00Z'))).toBe(660);
    expect(lordHowe.at(at('2026-10-03T15:00:00Z'))).toBe(630);
    // Kathmandu moved from +5:30 to +5:45 at its midnight, 1985-12-31 18:30 UTC.
    const kathmandu = new ZoneOffsets(exactIn('Asia/Kathmandu'));
    expect(kathmandu.at(at('1985-12-31T18:29:59.999Z'))).toBe(330);
    expect(kathmandu.at(at('1985-12-31T18:30:00Z'))).toBe(345);
    expect(kathmandu.at(at('1985-12-31T18:00:00Z'))).toBe(330);
  });

  it('asks the exact offset about twice per hour, and a few dozen times for an hour with a change', () => {
    let calls = 0;
    const exact = exactIn('Australia/Lord_Howe');
    const offsets = new ZoneOffsets((ms) => {
      calls++;
      return exact(ms);
    });
    const hour = at('2026-01-10T00:00:00Z');
    for (let ms = hour; ms < hour + HOUR; ms += MIN) offsets.at(ms);
    expect(calls).toBe(2);
    calls = 0;
    for (let ms = at('2026-10-03T15:00:00Z'); ms < at('2026-10-03T16:00:00Z'); ms += MIN) offsets.at(ms);
    expect(calls).toBeLessThan(30);
  });

  it('holds at most its limit of hours', () => {
    const offsets = new ZoneOffsets(exactIn('Europe/Berlin'), 48);
    const start = at('2026-03-01T00:00:00Z');
    for (let ms = start; ms < start + 10 * DAY; ms += HOUR / 2) {
      expect(offsets.at(ms)).toBe(exactIn('Europe/Berlin')(ms));
      expect(offsets.size).toBeLessThanOrEqual(48);
    }
  });
});
