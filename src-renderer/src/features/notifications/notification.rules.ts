// Which browser notifications a change calls for (headless host only; the desktop shell
// notifies from the main process): a ticket newly assigned to me, one of mine whose SLA just
// became at risk or breached, and escalations the lead should hear about. Pure: compares what
// was seen with what is seen now; the first look only remembers, so opening the page is quiet.
import type { AutomationNotification, SlaState, Ticket, TicketStatus } from '../../../../src-preload/contract';

export interface TicketMark {
  assigneeId: string | null;
  slaState: SlaState;
  status: TicketStatus;
}

export interface BrowserNotice {
  /** Replaces an earlier notice about the same ticket instead of stacking up. */
  tag: string;
  title: string;
  body: string;
  ticketId: string | null;
}

/** More at once than this (a sync catching up, a bulk reassign) become one summary. */
export const MAX_SEPARATE = 3;

export function marksOf(tickets: readonly Pick<Ticket, 'id' | 'assigneeId' | 'slaState' | 'status'>[]): Map<string, TicketMark> {
  return new Map(tickets.map((t) => [t.id, { assigneeId: t.assigneeId, slaState: t.slaState, status: t.status }]));
}

const isDone = (status: TicketStatus) => status === 'resolved' || status === 'closed';

function summarise(notices: BrowserNotice[]): BrowserNotice[] {
  if (notices.length <= MAX_SEPARATE) return notices;
  return [{ tag: 'topicdesk-summary', title: `${notices.length} tickets need you`, body: notices.map((n) => n.body).slice(0, 5).join(' · '), ticketId: null }];
}

/** `before` null: the first look, which only remembers. */
export function ticketNotices(before: ReadonlyMap<string, TicketMark> | null, mine: readonly Ticket[], meId: string): BrowserNotice[] {
  if (before === null) return [];
  const notices: BrowserNotice[] = [];
  for (const ticket of mine) {
    if (ticket.assigneeId !== meId || isDone(ticket.status)) continue;
    const was = before.get(ticket.id);
    const body = `${ticket.subject} · ${ticket.customer.name}`;
    if (!was || was.assigneeId !== meId) notices.push({ tag: ticket.id, title: 'Assigned to you', body, ticketId: ticket.id });
    else if (ticket.slaState === 'breached' && was.slaState !== 'breached') notices.push({ tag: ticket.id, title: 'SLA breached', body, ticketId: ticket.id });
    else if (ticket.slaState === 'at_risk' && was.slaState !== 'at_risk' && was.slaState !== 'breached') {
      notices.push({ tag: ticket.id, title: 'SLA at risk', body, ticketId: ticket.id });
    }
  }
  return summarise(notices);
}

const reasonText: Record<string, string> = {
  first_response_breached: 'first response overdue',
  resolution_breached: 'resolution overdue',
  fraction_elapsed: 'SLA running out',
  idle: 'no activity',
};

/**
 * Escalations not seen before: all of them for a lead or admin, only their own tickets for an
 * agent. `seen` null: the first look, which only remembers.
 */
export function escalationNotices(
  seen: ReadonlySet<string> | null,
  latest: readonly AutomationNotification[],
  me: { agentId: string; lead: boolean },
): BrowserNotice[] {
  if (seen === null) return [];
  const notices = latest
    .filter((n) => !seen.has(n.id) && (me.lead || n.assigneeId === me.agentId))
    .map((n) => ({
      tag: n.ticketId,
      title: `Escalated (level ${n.level})`,
      body: `${n.subject} · ${reasonText[n.reason] ?? n.reason.replace(/_/g, ' ')}`,
      ticketId: n.ticketId,
    }));
  return summarise(notices);
}
