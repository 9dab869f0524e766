// Which tickets a view shows, in which order: pure functions over plain tickets, so the
// inbox's rules are tested without a database and run on the in-memory index.
import type { InboxView, Ticket, TicketListParams, TicketPage, TicketSort, ViewCounts } from '../../../src-preload/contract';

const isDone = (t: Ticket) => t.status === 'resolved' || t.status === 'closed';

export function inView(ticket: Ticket, view: InboxView, meId: string | null): boolean {
  switch (view) {
    case 'mine':
      return meId !== null && ticket.assigneeId === meId && !isDone(ticket);
    case 'unassigned':
      return ticket.assigneeId === null && !isDone(ticket);
    case 'all':
      return ticket.status !== 'closed';
    case 'waiting':
      return ticket.status === 'waiting_on_customer';
    case 'resolved':
      return isDone(ticket);
  }
}

const compareBy: Record<TicketSort, (a: Ticket, b: Ticket) => number> = {
  // Nearest deadline first; tickets without an SLA after all that have one.
  sla: (a, b) =>
    (a.slaDueAt ?? Number.POSITIVE_INFINITY) - (b.slaDueAt ?? Number.POSITIVE_INFINITY) ||
    b.lastMessageAt - a.lastMessageAt,
  activity: (a, b) => b.lastMessageAt - a.lastMessageAt,
  created: (a, b) => b.createdAt - a.createdAt,
};

/** Stable order: ties are broken by id so pages never shuffle between updates. */
const compareTickets = (sort: TicketSort) => (a: Ticket, b: Ticket) =>
  compareBy[sort](a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface SearchableText {
  /** Lower-cased text of a ticket's messages, for full-text search; may be absent. */
  (ticketId: string): string | undefined;
}

export function matchesSearch(ticket: Ticket, needle: string, messageText?: SearchableText): boolean {
  const { customer } = ticket;
  const haystack = [ticket.subject, customer.name, customer.username ?? '', ticket.lastMessagePreview]
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle) || (messageText?.(ticket.id)?.includes(needle) ?? false);
}

export function selectTickets(
  tickets: Iterable<Ticket>,
  params: Required<Pick<TicketListParams, 'view' | 'sort' | 'limit'>> & TicketListParams,
  meId: string | null,
  messageText?: SearchableText,
): TicketPage {
  const needle = params.search?.trim().toLowerCase() ?? '';
  const matching: Ticket[] = [];
  for (const ticket of tickets) {
    if (!inView(ticket, params.view, meId)) continue;
    if (params.status && ticket.status !== params.status) continue;
    if (params.priority && ticket.priority !== params.priority) continue;
    if (params.assigneeId && ticket.assigneeId !== params.assigneeId) continue;
    if (params.tag && !ticket.tags.includes(params.tag)) continue;
    if (needle && !matchesSearch(ticket, needle, messageText)) continue;
    matching.push(ticket);
  }
  matching.sort(compareTickets(params.sort));
  return { items: matching.slice(0, params.limit), total: matching.length };
}

export function countViews(tickets: Iterable<Ticket>, meId: string | null): ViewCounts {
  const counts: ViewCounts = { mine: 0, unassigned: 0, all: 0, waiting: 0, resolved: 0 };
  for (const ticket of tickets) {
    for (const view of Object.keys(counts) as InboxView[]) {
      if (inView(ticket, view, meId)) counts[view] += 1;
    }
  }
  return counts;
}
