// Tests for report figures: per-ticket times, median and p90, periods in a time zone, groups
// and the daily series across a DST change.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { UNASSIGNED, aggregate, dailySeries, median, metricSet, percentile, periodRange, periodReport, ticketTimes } from './reports.metrics';
import { HOUR, MIN, at, makeTicket } from './rules.fixtures';

function ticket(createdIso: string, frtMin: number | null, resolveMin: number | null, extra: Partial<Ticket> = {}): Ticket {
  const createdAt = at(createdIso);
  return makeTicket({
    createdAt,
    firstResponseAt: frtMin === null ? null : createdAt + frtMin * MIN,
    resolvedAt: resolveMin === null ? null : createdAt + resolveMin * MIN,
    ...extra,
  });
}

describe('ticketTimes', () => {
  it('measures first response and resolution from creation', () => {
    expect(ticketTimes(ticket('2026-03-02T09:00:00Z', 15, 120))).toEqual({
      firstResponseMs: 15 * MIN,
      resolvedAt: at('2026-03-02T11:00:00Z'),
      resolutionMs: 2 * HOUR,
    });
    expect(ticketTimes(ticket('2026-03-02T09:00:00Z', null, null))).toEqual({ firstResponseMs: null, resolvedAt: null, resolutionMs: null });
  });

  it('uses the close time when there is no resolve time, and never goes negative', () => {
    const closed = ticket('2026-03-02T09:00:00Z', null, null, { closedAt: at('2026-03-02T10:00:00Z') });
    expect(ticketTimes(closed).resolutionMs).toBe(HOUR);
    expect(ticketTimes(ticket('2026-03-02T09:00:00Z', -5, null)).firstResponseMs).toBe(0);
  });
});

describe('median and p90', () => {
  it('computes median (mean of the middle pair) and nearest-rank p90', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    const tens = Array.from({ length: 10 }, (_, i) => (10 - i) * 10); // 100 … 10, unsorted
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile([...tens, 110], 90)).toBe(100);
    expect(percentile(tens, 100)).toBe(100);
    expect(aggregate([3, 1, 2])).toEqual({ count: 3, medianMs: 2, p90Ms: 3 });
  });
});

describe('periods', () => {
  const now = at('2026-03-10T10:00:00Z'); // 11:00 in Berlin

  it('start at local midnight, today or 6 / 29 days before', () => {
    expect(periodRange('today', now, 'Europe/Berlin')).toEqual({ from: at('2026-03-09T23:00:00Z'), to: now + 1 });
    expect(periodRange('7d', now, 'Europe/Berlin').from).toBe(at('2026-03-03T23:00:00Z'));
    // 30 days back crosses nothing here, but in New York it crosses the 8 March change.
    expect(periodRange('30d', now, 'Europe/Berlin').from).toBe(at('2026-02-08T23:00:00Z'));
    expect(periodRange('7d', at('2026-03-10T15:00:00Z'), 'America/New_York').from).toBe(at('2026-03-04T05:00:00Z'));
    expect(() => periodRange('today', now, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('periodReport', () => {
  const now = at('2026-03-10T18:00:00Z');
  const tickets = [
    ticket('2026-03-10T08:00:00Z', 10, 60, { assigneeId: 'agent:a', queue: 'general' }),
    ticket('2026-03-10T09:00:00Z', 30, null, { assigneeId: 'agent:a', queue: 'vip' }),
    ticket('2026-03-10T10:00:00Z', 20, 300, { assigneeId: 'agent:b', queue: 'general' }),
    ticket('2026-03-10T11:00:00Z', null, null, { queue: 'general' }),
    // Created before today, answered and resolved today: counts for today's FRT and resolution.
    ticket('2026-03-09T23:30:00Z', 180, 600, { assigneeId: 'agent:b', queue: 'general' }),
    // Long ago: only in the 30-day figures.
    ticket('2026-02-20T10:00:00Z', 5, 50, { assigneeId: 'agent:a', queue: 'general' }),
  ];

  it('aggregates the team, counting each fact in the period it happened', () => {
    const r = periodReport(tickets, 'today', { now, timeZone: 'UTC' });
    expect(r.team.created).toBe(4);
    expect(r.team.firstResponse).toEqual({ count: 4, medianMs: 25 * MIN, p90Ms: 180 * MIN });
    expect(r.team.resolved).toBe(3);
    expect(r.team.resolution).toEqual({ count: 3, medianMs: 300 * MIN, p90Ms: 600 * MIN });
    const month = periodReport(tickets, '30d', { now, timeZone: 'UTC' });
    expect(month.team.created).toBe(6);
    expect(month.team.firstResponse.count).toBe(5);
  });

  it('splits by agent (with the unassigned) and by queue', () => {
    const r = periodReport(tickets, '7d', { now, timeZone: 'UTC' });
    expect(Object.keys(r.byAgent).sort()).toEqual(['agent:a', 'agent:b', UNASSIGNED]);
    expect(r.byAgent['agent:a']).toMatchObject({ created: 2, resolved: 1, firstResponse: { count: 2, medianMs: 20 * MIN } });
    expect(r.byAgent['agent:b']?.resolution).toEqual({ count: 2, medianMs: 450 * MIN, p90Ms: 600 * MIN });
    expect(r.byAgent[UNASSIGNED]).toMatchObject({ created: 1, resolved: 0, firstResponse: { count: 0, medianMs: null, p90Ms: null } });
    expect(r.byQueue.vip?.created).toBe(1);
    expect(r.byQueue.general?.created).toBe(4);
  });

  it('depends on the time zone for where today starts', () => {
    // 23:30Z on the 9th is already 00:30 on the 10th in Berlin.
    expect(periodReport(tickets, 'today', { now, timeZone: 'Europe/Berlin' }).team.created).toBe(5);
  });

  it('handles no tickets', () => {
    expect(metricSet([], { from: 0, to: 1 })).toEqual({
      created: 0,
      resolved: 0,
      firstResponse: { count: 0, medianMs: null, p90Ms: null },
      resolution: { count: 0, medianMs: null, p90Ms: null },
    });
  });
});

describe('dailySeries', () => {
  it('gives one point per local day ending today, across a DST change', () => {
    const now = at('2026-03-30T10:00:00Z');
    const tickets = [
      ticket('2026-03-28T12:00:00Z', 10, 30),
      ticket('2026-03-28T13:00:00Z', 20, null),
      ticket('2026-03-29T22:30:00Z', 60, 120), // 00:30 on the 30th in Berlin (CEST)
    ];
    const series = dailySeries(tickets, 3, { now, timeZone: 'Europe/Berlin' });
    expect(series.map((p) => p.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(series.map((p) => (p.to - p.from) / HOUR)).toEqual([24, 23, (now + 1 - at('2026-03-29T22:00:00Z')) / HOUR]);
    expect(series[0]).toMatchObject({ created: 2, resolved: 1, firstResponseMedianMs: 15 * MIN, resolutionMedianMs: 30 * MIN });
    expect(series[1]).toMatchObject({ created: 0, resolved: 0, firstResponseMedianMs: null });
    expect(series[2]).toMatchObject({ created: 1, resolved: 1, firstResponseMedianMs: 60 * MIN, resolutionMedianMs: 120 * MIN });
  });

  it('always has at least today', () => {
    expect(dailySeries([], 0, { now: at('2026-03-30T10:00:00Z'), timeZone: 'UTC' })).toHaveLength(1);
  });
});
