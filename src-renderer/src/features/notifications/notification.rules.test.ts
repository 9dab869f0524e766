// Browser notifications: quiet on the first look, then one per ticket newly mine or newly at
// risk/breached, escalations by role, and a summary when many arrive at once.
import { describe, expect, it } from 'vitest';
import type { AutomationNotification, Ticket } from '../../../../src-preload/contract';
import { escalationNotices, marksOf, ticketNotices } from './notification.rules';

const me = 'agent:1';
const ticket = (id: string, fields: Partial<Ticket> = {}) =>
  ({ id, subject: `Subject ${id}`, customer: { name: 'Maya' }, assigneeId: me, slaState: 'ok', status: 'open', ...fields }) as Ticket;

describe('ticketNotices', () => {
  it('says nothing on the first look', () => {
    expect(ticketNotices(null, [ticket('a')], me)).toEqual([]);
  });

  it('tells about a ticket newly mine, then about its SLA turning at risk and breached, once each', () => {
    const before = marksOf([ticket('a', { assigneeId: 'agent:2' })]);
    expect(ticketNotices(before, [ticket('a')], me)).toEqual([{ tag: 'a', title: 'Assigned to you', body: 'Subject a · Maya', ticketId: 'a' }]);
    const mine = marksOf([ticket('a')]);
    expect(ticketNotices(mine, [ticket('a', { slaState: 'at_risk' })], me).map((n) => n.title)).toEqual(['SLA at risk']);
    const atRisk = marksOf([ticket('a', { slaState: 'at_risk' })]);
    expect(ticketNotices(atRisk, [ticket('a', { slaState: 'at_risk' })], me)).toEqual([]);
    expect(ticketNotices(atRisk, [ticket('a', { slaState: 'breached' })], me).map((n) => n.title)).toEqual(['SLA breached']);
    const breached = marksOf([ticket('a', { slaState: 'breached' })]);
    expect(ticketNotices(breached, [ticket('a', { slaState: 'at_risk' })], me)).toEqual([]);
  });

  it("ignores other people's and finished tickets, and sums up a flood", () => {
    const before = marksOf([]);
    expect(ticketNotices(before, [ticket('x', { assigneeId: 'agent:2' }), ticket('y', { status: 'resolved' })], me)).toEqual([]);
    const flood = ticketNotices(before, ['a', 'b', 'c', 'd'].map((id) => ticket(id)), me);
    expect(flood).toHaveLength(1);
    expect(flood[0]?.title).toBe('4 tickets need you');
  });
});

describe('escalationNotices', () => {
  const esc = (id: string, assigneeId: string | null): AutomationNotification => ({
    id,
    ticketId: `t-${id}`,
    subject: `Ticket ${id}`,
    level: 2,
    reason: 'first_response_breached',
    priority: 'high',
    assigneeId,
    at: 1,
  });

  it('remembers on the first look, then tells a lead about every new one and an agent about their own', () => {
    const latest = [esc('e1', 'agent:2'), esc('e2', me)];
    expect(escalationNotices(null, latest, { agentId: me, lead: true })).toEqual([]);
    const seen = new Set(['e0']);
    expect(escalationNotices(seen, latest, { agentId: me, lead: true }).map((n) => n.ticketId)).toEqual(['t-e1', 't-e2']);
    expect(escalationNotices(seen, latest, { agentId: me, lead: false })).toEqual([
      { tag: 't-e2', title: 'Escalated (level 2)', body: 'Ticket e2 · first response overdue', ticketId: 't-e2' },
    ]);
    expect(escalationNotices(new Set(['e1', 'e2']), latest, { agentId: me, lead: true })).toEqual([]);
  });
});
