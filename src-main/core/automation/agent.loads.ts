// Each agent's open load (assigned tickets not resolved or closed), kept in memory: built once
// from the inbox's tickets, then moved ticket by ticket from the change stream, so routing
// never counts in storage. Main process.
import type { Ticket } from '../../../src-preload/contract';

const isOpen = (ticket: Pick<Ticket, 'status'>): boolean => ticket.status !== 'resolved' && ticket.status !== 'closed';

export class AgentLoads {
  /** Which agent each counted ticket adds to. */
  private readonly owner = new Map<string, string>();
  private readonly counts: Record<string, number> = {};

  load(tickets: Iterable<Pick<Ticket, 'id' | 'status' | 'assigneeId'>>): void {
    for (const ticket of tickets) this.apply(ticket);
  }

  /** Takes the ticket's current state into account (idempotent). */
  apply(ticket: Pick<Ticket, 'id' | 'status' | 'assigneeId'>): void {
    const next = ticket.assigneeId !== null && isOpen(ticket) ? ticket.assigneeId : null;
    const before = this.owner.get(ticket.id) ?? null;
    if (before === next) return;
    if (before !== null) {
      this.counts[before] = (this.counts[before] ?? 1) - 1;
      if (this.counts[before] === 0) delete this.counts[before];
      this.owner.delete(ticket.id);
    }
    if (next !== null) {
      this.counts[next] = (this.counts[next] ?? 0) + 1;
      this.owner.set(ticket.id, next);
    }
  }

  remove(ticketId: string): void {
    this.apply({ id: ticketId, status: 'closed', assigneeId: null });
  }

  of(agentId: string): number {
    return this.counts[agentId] ?? 0;
  }

  /**
   * The agent's load counting also claims about to be written (ticket id → agent): those already
   * stored (counted here through the change stream) are not counted twice.
   */
  ofWith(agentId: string, claims: ReadonlyMap<string, string>): number {
    let load = this.of(agentId);
    for (const [ticketId, claimant] of claims) if (claimant === agentId && this.owner.get(ticketId) !== agentId) load++;
    return load;
  }

  /** The live counts (read-only view; missing = 0), as the routing rules take them. */
  get all(): Readonly<Record<string, number>> {
    return this.counts;
  }
}
