// Tests for the lead's dashboard data: queue depth, loads against capacity, SLA risk lists,
// FRT and resolution figures, and the live views recomputing at most once per interval.
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueOverview, ReportsOverview } from '../../../src-preload/contract/automation.contract';
import { QueueOverview as QueueOverviewSchema, ReportsOverview as ReportsOverviewSchema } from '../../../src-preload/contract/automation.contract';
import { agent, DAY, HOUR, MIN, T0, testBed, ticket } from './automation.fixtures';
import { FakeTime } from './fake.timers';
import { queueOverview, reportsOverview, ticketTimesRows } from './reports.overview';

const bed = testBed();
afterEach(() => bed.cleanup());

const agents = [agent('agent:a', { capacity: 2 }), agent('agent:b', { capacity: 5, availability: 'away' })];
const tickets = [
  ticket('open-risk-late', T0, { slaState: 'at_risk', slaDueAt: T0 + 30 * MIN, assigneeId: 'agent:a' }),
  ticket('open-risk-soon', T0, { slaState: 'at_risk', slaDueAt: T0 + 10 * MIN, priority: 'urgent' }),
  ticket('breached', T0 - DAY, { slaState: 'breached', slaDueAt: T0 - HOUR, status: 'in_progress', assigneeId: 'agent:a', queue: 'vip' }),
  ticket('waiting', T0, { status: 'waiting_on_customer', slaState: 'paused', assigneeId: 'agent:b', priority: 'low' }),
  ticket('resolved', T0 - 2 * HOUR, { status: 'resolved', resolvedAt: T0 - HOUR, firstResponseAt: T0 - 2 * HOUR + 10 * MIN, assigneeId: 'agent:a' }),
  ticket('closed', T0 - 3 * DAY, { status: 'closed', resolvedAt: T0 - 2 * DAY, closedAt: T0 - DAY, firstResponseAt: T0 - 3 * DAY + 30 * MIN, assigneeId: 'agent:b' }),
];

describe('queueOverview', () => {
  it('counts depth, loads against capacity and lists SLA risk soonest first', () => {
    const q = queueOverview(tickets, agents, T0, 1);
    expect(QueueOverviewSchema.parse(q)).toEqual(q);
    expect(q.byStatus).toEqual({ open: 2, in_progress: 1, waiting_on_customer: 1, resolved: 1 });
    expect(q.byPriority).toEqual({ low: 1, normal: 2, high: 0, urgent: 1 });
    expect(q.byQueue).toEqual({ general: 3, vip: 1 });
    expect(q.unassigned).toBe(1);
    expect(q.agents).toEqual([
      { agentId: 'agent:a', name: 'Agent a', role: 'agent', availability: 'online', capacity: 2, load: 2 },
      { agentId: 'agent:b', name: 'Agent b', role: 'agent', availability: 'away', capacity: 5, load: 1 },
    ]);
    expect(q.atRisk.total).toBe(2);
    expect(q.atRisk.tickets.map((t) => t.ticketId)).toEqual(['open-risk-soon']);
    expect(q.breached).toMatchObject({ total: 1, tickets: [{ ticketId: 'breached', subject: 'Ticket breached', queue: 'vip' }] });
  });
});

describe('reportsOverview and ticket times', () => {
  it('aggregates first response and resolution per team, agent and period, with a daily series', () => {
    const r = reportsOverview(tickets, agents, { now: T0, timeZone: 'UTC' });
    expect(ReportsOverviewSchema.parse(r)).toEqual(r);
    expect(r.periods.today.team).toMatchObject({ resolved: 1, firstResponse: { count: 1, medianMs: 10 * MIN }, resolution: { count: 1, medianMs: HOUR } });
    expect(r.periods['7d'].team.resolved).toBe(2);
    expect(r.periods['7d'].byAgent['agent:b']?.resolution.medianMs).toBe(DAY);
    expect(r.daily).toHaveLength(30);
    expect(r.daily.at(-1)).toMatchObject({ date: '2026-03-02', resolved: 1 });
    expect(r.daily.at(-3)).toMatchObject({ date: '2026-02-28', resolved: 1, resolutionMedianMs: DAY });
  });

  it('lists per-ticket times for a period and an agent, newest first', () => {
    const rows = ticketTimesRows(tickets, { period: '7d', agentId: 'agent:a', now: T0, timeZone: 'UTC', limit: 10 });
    expect(rows.items.map((r) => r.ticketId)).toEqual(['open-risk-late', 'resolved', 'breached']);
    expect(rows.items[1]).toMatchObject({ firstResponseMs: 10 * MIN, resolutionMs: HOUR });
  });
});

describe('live views', () => {
  it('send the first value at once and then at most one recomputation per interval', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert(agents);
    const h = await bed.start(db, time, { seed: false, queueIntervalMs: 1_000, reportIntervalMs: 5_000 });
    const queue: QueueOverview[] = [];
    const reports: ReportsOverview[] = [];
    h.automation.liveQueries['queue.overview']({}).subscribe((v) => queue.push(v));
    h.automation.liveQueries['reports.overview']({}).subscribe((v) => reports.push(v));
    expect(queue).toHaveLength(1);
    expect(reports[0]?.timeZone).toBe('UTC');

    for (let i = 0; i < 20; i++) await db.tickets.insert(ticket(`t${i}`, T0));
    await h.settle();
    expect(queue).toHaveLength(1);
    await h.advance(1_000);
    expect(queue).toHaveLength(2);
    expect(queue[1]?.byStatus.open).toBe(20);
    expect(reports).toHaveLength(1);
    await h.advance(4_000);
    expect(reports).toHaveLength(2);
    expect(reports[1]?.periods.today.team.created).toBe(20);
    // Nothing changed since: nothing is sent again.
    await h.advance(60_000);
    expect(queue).toHaveLength(2);
  });
});
