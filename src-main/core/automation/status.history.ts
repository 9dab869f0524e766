// Every ticket's status changes, from the activity log (`ticket.status_changed`, `data.to`), held
// in memory per ticket: the SLA clocks pause and resume on them. Loaded once, then appended
// to. Main process.
import { Subject } from 'rxjs';
import { z } from 'zod';
import { TicketStatus } from '../../../src-preload/contract';
import type { StatusChange } from '../rules/sla.deadlines';

export const STATUS_CHANGED = 'ticket.status_changed';

// Events may come from other apps by replication: parse, don't assume.
const StatusChangedEvent = z.object({
  id: z.string(),
  type: z.literal(STATUS_CHANGED),
  ticketId: z.string(),
  at: z.number().finite(),
  data: z.object({ to: TicketStatus }),
});

export class StatusHistory {
  private readonly byTicket = new Map<string, StatusChange[]>();
  private readonly seen = new Set<string>();
  private readonly changes = new Subject<string>();
  /** The id of a ticket whose history just grew. */
  readonly changed$ = this.changes.asObservable();

  /** Takes one log event; ignores other types, malformed ones and repeats. */
  add(raw: unknown): boolean {
    const parsed = StatusChangedEvent.safeParse(raw);
    if (!parsed.success || this.seen.has(parsed.data.id)) return false;
    const { id, ticketId, at, data } = parsed.data;
    this.seen.add(id);
    const list = this.byTicket.get(ticketId);
    const change: StatusChange = { status: data.to, at };
    if (list) list.push(change);
    else this.byTicket.set(ticketId, [change]);
    this.changes.next(ticketId);
    return true;
  }

  of(ticketId: string): readonly StatusChange[] {
    return this.byTicket.get(ticketId) ?? [];
  }

  dispose(): void {
    this.changes.complete();
  }
}
