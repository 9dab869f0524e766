// The lead's dashboard data from the in-memory tickets: queue depth by status, priority and
// queue, each agent's load against capacity, tickets at SLA risk or breached, and FRT and
// resolution figures per agent, team and period with a daily series (pure; reports service).
import type { Agent, Ticket } from '../../../src-preload/contract';
import {
  QUEUE_OVERVIEW_LIMIT,
  type QueueOverview,
  type QueueTicket,
  type ReportPeriod,
  type ReportsOverview,
  type TicketTimesRow,
} from '../../../src-preload/contract/automation.contract';
import { dailySeries, periodRange, periodReport, ticketTimes } from '../rules/reports.metrics';

const isDone = (t: Pick<Ticket, 'status'>): boolean => t.status === 'resolved' || t.status === 'closed';

const queueTicket = (t: Ticket): QueueTicket => ({
  ticketId: t.id,
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  assigneeId: t.assigneeId,
  queue: t.queue,
  slaState: t.slaState,
  slaDueAt: t.slaDueAt,
});

const bySlaDue = (a: Ticket, b: Ticket): number =>
  (a.slaDueAt ?? Infinity) - (b.slaDueAt ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function queueOverview(tickets: Iterable<Ticket>, agents: readonly Agent[], now: number, limit = QUEUE_OVERVIEW_LIMIT): QueueOverview {
  const byStatus = { open: 0, in_progress: 0, waiting_on_customer: 0, resolved: 0 };
  const byPriority = { low: 0, normal: 0, high: 0, urgent: 0 };
  const byQueue: Record<string, number> = {};
  const loads = new Map<string, number>();
  const atRisk: Ticket[] = [];
  const breached: Ticket[] = [];
  let unassigned = 0;
  for (const t of tickets) {
    if (t.status === 'closed') continue;
    byStatus[t.status] += 1;
    if (isDone(t)) continue;
    byPriority[t.priority] += 1;
    byQueue[t.queue] = (byQueue[t.queue] ?? 0) + 1;
    if (t.assigneeId === null) unassigned += 1;
    else loads.set(t.assigneeId, (loads.get(t.assigneeId) ?? 0) + 1);
    if (t.slaState === 'at_risk') atRisk.push(t);
    else if (t.slaState === 'breached') breached.push(t);
  }
  atRisk.sort(bySlaDue);
  breached.sort(bySlaDue);
  return {
    generatedAt: now,
    byStatus,
    byPriority,
    byQueue,
    unassigned,
    agents: agents.map((a) => ({
      agentId: a.id,
      name: a.name,
      role: a.role,
      availability: a.availability,
      capacity: a.capacity,
      load: loads.get(a.id) ?? 0,
    })),
    atRisk: { total: atRisk.length, tickets: atRisk.slice(0, limit).map(queueTicket) },
    breached: { total: breached.length, tickets: breached.slice(0, limit).map(queueTicket) },
  };
}

export interface ReportOptions {
  now: number;
  timeZone: string;
}

/** Days in the daily series. */
export const SERIES_DAYS = 30;

export function reportsOverview(tickets: readonly Ticket[], agents: readonly Agent[], options: ReportOptions): ReportsOverview {
  return {
    generatedAt: options.now,
    timeZone: options.timeZone,
    periods: {
      today: periodReport(tickets, 'today', options),
      '7d': periodReport(tickets, '7d', options),
      '30d': periodReport(tickets, '30d', options),
    },
    daily: dailySeries(tickets, SERIES_DAYS, options),
    queue: queueOverview(tickets, agents, options.now),
  };
}

export interface TicketTimesQuery extends ReportOptions {
  period: ReportPeriod;
  agentId?: string | undefined;
  limit: number;
}

/** Per-ticket first response and resolution for tickets created in the period, newest first. */
export function ticketTimesRows(tickets: Iterable<Ticket>, query: TicketTimesQuery): { items: TicketTimesRow[]; total: number } {
  const range = periodRange(query.period, query.now, query.timeZone);
  const rows: TicketTimesRow[] = [];
  for (const t of tickets) {
    if (t.createdAt < range.from || t.createdAt >= range.to) continue;
    if (query.agentId !== undefined && t.assigneeId !== query.agentId) continue;
    const times = ticketTimes(t);
    rows.push({
      ticketId: t.id,
      subject: t.subject,
      assigneeId: t.assigneeId,
      queue: t.queue,
      createdAt: t.createdAt,
      firstResponseMs: times.firstResponseMs,
      resolvedAt: times.resolvedAt,
      resolutionMs: times.resolutionMs,
    });
  }
  rows.sort((a, b) => b.createdAt - a.createdAt || (a.ticketId < b.ticketId ? -1 : 1));
  return { items: rows.slice(0, query.limit), total: rows.length };
}
