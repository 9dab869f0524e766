import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src-preload/contract';
import { newTicket, unknownCustomer } from '../core/tickets/ticket.factory';
import { durationText, marksOf, MAX_SEPARATE_NOTIFICATIONS, ticketNotifications } from './notifications.rules';

const ME = 'agent:100';
const NOW = Date.UTC(2025, 0, 6, 10, 0);
const MIN = 60_000;

const ticket = (id: string, fields: Partial<Ticket> = {}): Ticket =>
  newTicket({ id, subject: `Order ${id}`, createdAt: NOW - 60 * MIN, customer: unknownCustomer('Dana'), ...fields });

/** Notifications for one change, given the tickets before and after it. */
const diff = (before: Ticket[], after: Ticket[], meId: string | null = ME) => ticketNotifications(marksOf(before), after, meId, NOW);

describe('ticketNotifications', () => {
  it('shows nothing on first load or right after sign-in (nothing is new yet)', () => {
    const mine = [ticket('tg:1:1', { assigneeId: ME, slaState: 'breached' })];
    expect(ticketNotifications(null, mine, ME, NOW)).toEqual([]);
    expect(diff([], mine, null)).toEqual([]);
  });

  it('tells me when a ticket is newly assigned to me, and opens it on click', () => {
    const before = [ticket('tg:1:1')];
    expect(diff(before, [ticket('tg:1:1', { assigneeId: ME })])).toEqual([
      { kind: 'assigned', title: 'New ticket assigned to you', body: 'Order tg:1:1 — Dana', target: { kind: 'openTicket', ticketId: 'tg:1:1' } },
    ]);
    // A brand-new ticket routed straight to me counts too.
    expect(diff([], [ticket('tg:1:2', { assigneeId: ME })]).map((n) => n.kind)).toEqual(['assigned']);
  });

  it('stays quiet about tickets assigned to others, unassigned or already done', () => {
    const before = [ticket('a'), ticket('b'), ticket('c')];
    const after = [ticket('a', { assigneeId: 'agent:200' }), ticket('b'), ticket('c', { assigneeId: ME, status: 'resolved' })];
    expect(diff(before, after)).toEqual([]);
  });

  it('tells me once, not on every later change of the same ticket', () => {
    const mine = ticket('a', { assigneeId: ME });
    expect(diff([mine], [{ ...mine, lastMessagePreview: 'hello again', unreadCount: 3 }])).toEqual([]);
  });

  it('warns when the SLA of one of my tickets becomes at risk, with the time left', () => {
    const before = ticket('a', { assigneeId: ME, slaState: 'ok', slaDueAt: NOW + 12 * MIN });
    expect(diff([before], [{ ...before, slaState: 'at_risk' }])).toEqual([
      { kind: 'sla_at_risk', title: 'SLA at risk: Order a', body: 'due in 12 min · Dana', target: { kind: 'openTicket', ticketId: 'a' } },
    ]);
  });

  it('warns again when it is breached, but not when it merely stays at risk or recovers', () => {
    const atRisk = ticket('a', { assigneeId: ME, slaState: 'at_risk', slaDueAt: NOW - 5 * MIN });
    expect(diff([atRisk], [{ ...atRisk, slaState: 'breached' }])).toMatchObject([{ kind: 'sla_breached', body: 'overdue by 5 min · Dana' }]);
    expect(diff([atRisk], [atRisk])).toEqual([]);
    expect(diff([atRisk], [{ ...atRisk, slaState: 'ok' }])).toEqual([]);
    // Breached then "at risk" (a new, later deadline) is not news either.
    expect(diff([{ ...atRisk, slaState: 'breached' }], [atRisk])).toEqual([]);
  });

  it('ignores SLA changes on tickets that are not mine', () => {
    const theirs = ticket('a', { assigneeId: 'agent:200', slaState: 'ok' });
    expect(diff([theirs], [{ ...theirs, slaState: 'breached' }])).toEqual([]);
  });

  it('lists the most urgent first', () => {
    const before = [ticket('a'), ticket('b', { assigneeId: ME, slaState: 'ok' }), ticket('c', { assigneeId: ME, slaState: 'ok' })];
    const after = [ticket('a', { assigneeId: ME }), { ...before[1]!, slaState: 'at_risk' as const }, { ...before[2]!, slaState: 'breached' as const }];
    expect(diff(before, after).map((n) => n.kind)).toEqual(['sla_breached', 'sla_at_risk', 'assigned']);
  });

  it('sums up a burst in one notification that opens my queue', () => {
    const ids = Array.from({ length: MAX_SEPARATE_NOTIFICATIONS + 2 }, (_, i) => `t${i}`);
    const before = ids.map((id) => ticket(id, id === 't0' ? { assigneeId: ME, slaState: 'ok' } : {}));
    const after = ids.map((id) => ticket(id, { assigneeId: ME, slaState: id === 't0' ? 'at_risk' : 'ok' }));
    expect(diff(before, after)).toEqual([
      { kind: 'summary', title: '5 tickets need you', body: '4 newly assigned, 1 at SLA risk', target: { kind: 'openView', view: 'mine' } },
    ]);
  });
});

describe('durationText', () => {
  it.each([
    [30_000, '1 min'],
    [12 * MIN, '12 min'],
    [-12 * MIN, '12 min'],
    [60 * MIN, '1 h'],
    [185 * MIN, '3 h 5 min'],
    [50 * 60 * MIN, '2 days'],
  ])('%i ms → %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
