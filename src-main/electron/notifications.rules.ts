// Which desktop notifications a change in the tickets calls for: a ticket newly assigned to
// me, or one of mine whose SLA just became at risk or breached. Pure: compares what the
// tickets were with what they are now.
import type { SlaState, Ticket, TicketStatus } from '../../src-preload/contract';
import type { UiRequest } from '../core/app/ui-requests';

/** The little of a ticket the next comparison needs. */
export interface TicketMark {
  assigneeId: string | null;
  slaState: SlaState;
  status: TicketStatus;
}
export type TicketMarks = ReadonlyMap<string, TicketMark>;

export type NotificationKind = 'assigned' | 'sla_at_risk' | 'sla_breached';

export interface TicketNotification {
  kind: NotificationKind | 'summary';
  title: string;
  body: string;
  /** What clicking it opens. */
  target: UiRequest;
}

/** More at once than this (a sync catching up, a colleague's bulk reassign) become one summary. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

export function marksOf(tickets: Iterable<Ticket>): Map<string, TicketMark> {
  const marks = new Map<string, TicketMark>();
  for (const t of tickets) marks.set(t.id, { assigneeId: t.assigneeId, slaState: t.slaState, status: t.status });
  return marks;
}

const isDone = (status: TicketStatus) => status === 'resolved' || status === 'closed';

function kindFor(ticket: Ticket, before: TicketMark | undefined, meId: string): NotificationKind | null {
  if (ticket.assigneeId !== meId || isDone(ticket.status)) return null;
  if (!before || before.assigneeId !== meId) return 'assigned';
  if (ticket.slaState === 'breached' && before.slaState !== 'breached') return 'sla_breached';
  if (ticket.slaState === 'at_risk' && before.slaState !== 'at_risk' && before.slaState !== 'breached') return 'sla_at_risk';
  return null;
}

/** "12 min", "3 h 5 min", "2 days": how long until (or since) a deadline. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.round(hours / 24)} days`;
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

function dueText(ticket: Ticket, now: number): string | null {
  if (ticket.slaDueAt === null) return null;
  const left = ticket.slaDueAt - now;
  return left >= 0 ? `due in ${durationText(left)}` : `overdue by ${durationText(left)}`;
}

function describe(kind: NotificationKind, ticket: Ticket, now: number): TicketNotification {
  const who = ticket.customer.name;
  const due = dueText(ticket, now);
  const target = { kind: 'openTicket', ticketId: ticket.id } as const;
  switch (kind) {
    case 'assigned':
      return { kind, title: 'New ticket assigned to you', body: `${ticket.subject} — ${who}`, target };
    case 'sla_at_risk':
      return { kind, title: `SLA at risk: ${ticket.subject}`, body: [due, who].filter(Boolean).join(' · '), target };
    case 'sla_breached':
      return { kind, title: `SLA breached: ${ticket.subject}`, body: [due, who].filter(Boolean).join(' · '), target };
  }
}

const urgency: Record<NotificationKind, number> = { sla_breached: 0, sla_at_risk: 1, assigned: 2 };

function summary(found: { kind: NotificationKind }[]): TicketNotification {
  const count = (kind: NotificationKind) => found.filter((f) => f.kind === kind).length;
  const parts = [
    [count('assigned'), 'newly assigned'],
    [count('sla_at_risk'), 'at SLA risk'],
    [count('sla_breached'), 'past their SLA'],
  ] as const;
  return {
    kind: 'summary',
    title: `${found.length} tickets need you`,
    body: parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', '),
    target: { kind: 'openView', view: 'mine' },
  };
}

/**
 * The notifications for going from `before` to `tickets`, most urgent first. Without a
 * `before` (first load, or just signed in) nothing is new, so nothing is shown.
 */
export function ticketNotifications(before: TicketMarks | null, tickets: Iterable<Ticket>, meId: string | null, now: number): TicketNotification[] {
  if (!before || !meId) return [];
  const found: { kind: NotificationKind; ticket: Ticket }[] = [];
  for (const ticket of tickets) {
    const kind = kindFor(ticket, before.get(ticket.id), meId);
    if (kind) found.push({ kind, ticket });
  }
  found.sort(
    (a, b) =>
      urgency[a.kind] - urgency[b.kind] ||
      (a.ticket.slaDueAt ?? Number.POSITIVE_INFINITY) - (b.ticket.slaDueAt ?? Number.POSITIVE_INFINITY) ||
      a.ticket.id.localeCompare(b.ticket.id),
  );
  if (found.length > MAX_SEPARATE_NOTIFICATIONS) return [summary(found)];
  return found.map(({ kind, ticket }) => describe(kind, ticket, now));
}
