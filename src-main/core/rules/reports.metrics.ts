// Support figures for the lead's dashboard: first response and resolution times per ticket,
// aggregated per agent, queue and team over today / 7 / 30 days, and a daily series for a
// chart (pure; core reports service). Days are calendar days in the team's time zone.
import { DateTime } from 'luxon';
import type { Ticket } from '../../../src-preload/contract';

export type ReportPeriod = 'today' | '7d' | '30d';
const PERIOD_DAYS: Record<ReportPeriod, number> = { today: 1, '7d': 7, '30d': 30 };

/** Key for tickets without an assignee in per-agent figures (agent ids are `agent:<id>`). */
export const UNASSIGNED = 'unassigned';

type TicketTimesInput = Pick<Ticket, 'createdAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt'>;

export interface TicketTimes {
  /** firstResponseAt − createdAt; null until answered. */
  firstResponseMs: number | null;
  /** When it was resolved (or closed without a resolve stamp); null while unresolved. */
  resolvedAt: number | null;
  /** resolvedAt − createdAt; null while unresolved. */
  resolutionMs: number | null;
}

/** Wall-clock durations; a stamp before creation (skewed clock) counts as 0, not negative. */
export function ticketTimes(ticket: TicketTimesInput): TicketTimes {
  const resolvedAt = ticket.resolvedAt ?? ticket.closedAt;
  return {
    firstResponseMs: ticket.firstResponseAt === null ? null : Math.max(0, ticket.firstResponseAt - ticket.createdAt),
    resolvedAt,
    resolutionMs: resolvedAt === null ? null : Math.max(0, resolvedAt - ticket.createdAt),
  };
}

export interface Aggregate {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in (0, 100]): a value that actually occurred. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function aggregate(values: readonly number[]): Aggregate {
  return { count: values.length, medianMs: median(values), p90Ms: percentile(values, 90) };
}

export interface MetricSet {
  /** Tickets created in the range. */
  created: number;
  /** Tickets resolved in the range. */
  resolved: number;
  /** Over tickets first answered in the range. */
  firstResponse: Aggregate;
  /** Over tickets resolved in the range. */
  resolution: Aggregate;
}

export interface TimeRange {
  from: number;
  /** Exclusive. */
  to: number;
}

type ReportTicket = TicketTimesInput & Pick<Ticket, 'assigneeId' | 'queue'>;

/** Figures over tickets, each fact counted in the range where it happened. */
export function metricSet(tickets: readonly ReportTicket[], range: TimeRange): MetricSet {
  const inRange = (t: number | null): t is number => t !== null && t >= range.from && t < range.to;
  const frt: number[] = [];
  const resolution: number[] = [];
  let created = 0;
  for (const ticket of tickets) {
    const times = ticketTimes(ticket);
    if (inRange(ticket.createdAt)) created++;
    if (inRange(ticket.firstResponseAt) && times.firstResponseMs !== null) frt.push(times.firstResponseMs);
    if (inRange(times.resolvedAt) && times.resolutionMs !== null) resolution.push(times.resolutionMs);
  }
  return { created, resolved: resolution.length, firstResponse: aggregate(frt), resolution: aggregate(resolution) };
}

/**
 * A period that ends at `now` and starts at local midnight: today, or 6 / 29 days before it,
 * so '7d' is the last seven calendar days including today. DST days keep their 23 or 25 hours.
 */
export function periodRange(period: ReportPeriod, now: number, timeZone: string): TimeRange {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  if (!today.isValid) throw new RangeError(`unknown time zone ${timeZone}`);
  return { from: today.minus({ days: PERIOD_DAYS[period] - 1 }).toMillis(), to: now + 1 };
}

function groupBy(tickets: readonly ReportTicket[], key: (t: ReportTicket) => string): Map<string, ReportTicket[]> {
  const groups = new Map<string, ReportTicket[]>();
  for (const t of tickets) {
    const k = key(t);
    const list = groups.get(k);
    if (list) list.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

export interface PeriodReport {
  period: ReportPeriod;
  range: TimeRange;
  team: MetricSet;
  /** By current assignee (who owns the ticket now); `UNASSIGNED` for nobody. */
  byAgent: Record<string, MetricSet>;
  byQueue: Record<string, MetricSet>;
}

export interface ReportOptions {
  now: number;
  timeZone: string;
}

export function periodReport(tickets: readonly ReportTicket[], period: ReportPeriod, options: ReportOptions): PeriodReport {
  const range = periodRange(period, options.now, options.timeZone);
  const per = (key: (t: ReportTicket) => string): Record<string, MetricSet> => {
    const out: Record<string, MetricSet> = {};
    for (const [k, group] of groupBy(tickets, key)) out[k] = metricSet(group, range);
    return out;
  };
  return {
    period,
    range,
    team: metricSet(tickets, range),
    byAgent: per((t) => t.assigneeId ?? UNASSIGNED),
    byQueue: per((t) => t.queue),
  };
}

export interface DayPoint {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  from: number;
  to: number;
  created: number;
  resolved: number;
  firstResponseMedianMs: number | null;
  resolutionMedianMs: number | null;
}

/** One point per local day, oldest first, the last being today (up to `now`). */
export function dailySeries(tickets: readonly ReportTicket[], days: number, options: ReportOptions): DayPoint[] {
  const today = DateTime.fromMillis(options.now, { zone: options.timeZone }).startOf('day');
  if (!today.isValid) throw new RangeError(`unknown time zone ${options.timeZone}`);
  const points: DayPoint[] = [];
  for (let i = Math.max(1, Math.floor(days)) - 1; i >= 0; i--) {
    const day = today.minus({ days: i });
    const from = day.toMillis();
    const to = i === 0 ? options.now + 1 : day.plus({ days: 1 }).toMillis();
    const set = metricSet(tickets, { from, to });
    points.push({
      date: day.toISODate() ?? '',
      from,
      to,
      created: set.created,
      resolved: set.resolved,
      firstResponseMedianMs: set.firstResponse.medianMs,
      resolutionMedianMs: set.resolution.medianMs,
    });
  }
  return points;
}
