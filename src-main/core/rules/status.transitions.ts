// The ticket status workflow: which moves are allowed, and what a customer message does.
// Pure; shared by the core's commands, the UI (only legal moves are offered), conflict
// merges and the sync server's validate_doc_update rules.
import type { Ticket, TicketStatus } from '../../../src-preload/contract';

/** Allowed moves, by current status. Staying in the same status is always allowed. */
export const statusTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'waiting_on_customer', 'resolved'],
  in_progress: ['open', 'waiting_on_customer', 'resolved'],
  waiting_on_customer: ['open', 'in_progress', 'resolved'],
  resolved: ['open', 'in_progress', 'closed'],
  // A closed ticket comes back only as open (a customer wrote again, or an agent reopened it).
  closed: ['open'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || statusTransitions[from].includes(to);
}

/** The statuses the UI offers for a ticket in `from`, the current one first. */
export function statusChoices(from: TicketStatus): TicketStatus[] {
  return [from, ...statusTransitions[from]];
}

/** A customer writing again reopens a ticket that was waiting on them or done. */
export function statusAfterCustomerMessage(ticket: Pick<Ticket, 'status' | 'assigneeId'>): TicketStatus {
  switch (ticket.status) {
    case 'waiting_on_customer':
      return ticket.assigneeId ? 'in_progress' : 'open';
    case 'resolved':
    case 'closed':
      return 'open';
    default:
      return ticket.status;
  }
}

/** The timestamp fields that a move to `to` sets or clears. */
export function statusTimestamps(
  ticket: Pick<Ticket, 'resolvedAt' | 'closedAt'>,
  to: TicketStatus,
  now: number,
): Pick<Ticket, 'resolvedAt' | 'closedAt'> {
  switch (to) {
    case 'resolved':
      return { resolvedAt: now, closedAt: null };
    case 'closed':
      return { resolvedAt: ticket.resolvedAt ?? now, closedAt: now };
    default:
      return { resolvedAt: null, closedAt: null };
  }
}
