// Keeps every ticket's SLA badge current: on each ticket, status-history or policy change it
// writes `slaPolicyId`, `slaState` and `slaDueAt` when (and only when) they differ, and one
// timer waits for the earliest instant any ticket's state flips by time alone. Main process.
import type { Ticket } from '../../../src-preload/contract';
import { slaOutlook, slaStatus, type SlaStatus } from '../rules/sla.deadlines';
import type { InboxIndex } from '../tickets/inbox.index';
import type { TopicdeskDatabase } from '../db/database';
import { patchTicket } from '../tickets/ticket.patch';
import { DeadlineScheduler } from './deadline.scheduler';
import type { SlaInputs } from './sla.inputs';
import { modifyTicket } from './ticket.writer';
import type { Timers } from './timers';
import { KeyedWorkQueue } from './work.queue';

export interface SlaServiceDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  inputs: SlaInputs;
  clock: () => number;
  timers: Timers;
  log: (message: string, error?: unknown) => void;
}

type SlaFields = Pick<Ticket, 'slaPolicyId' | 'slaState' | 'slaDueAt'>;

const fieldsOf = (policyId: string | null, status: SlaStatus): SlaFields => ({ slaPolicyId: policyId, slaState: status.state, slaDueAt: status.nextDueAt });

export function slaFields(inputs: SlaInputs, ticket: Ticket, now: number): SlaFields {
  const input = inputs.inputFor(ticket);
  return fieldsOf(input.policy?.id ?? null, slaStatus(input, now));
}

const differs = (ticket: Ticket, fields: SlaFields): boolean =>
  ticket.slaPolicyId !== fields.slaPolicyId || ticket.slaState !== fields.slaState || ticket.slaDueAt !== fields.slaDueAt;

export class SlaService {
  private readonly queue: KeyedWorkQueue;
  private readonly scheduler: DeadlineScheduler;

  constructor(private readonly deps: SlaServiceDeps) {
    this.queue = new KeyedWorkQueue((id) => this.evaluate(id), deps.log, 'sla');
    this.scheduler = new DeadlineScheduler(deps.timers, deps.clock, (ids) => ids.forEach((id) => this.queue.add(id)));
  }

  get work(): KeyedWorkQueue {
    return this.queue;
  }

  /** When the ticket's SLA state next changes by time alone, if it is waited for. */
  wakeAt(ticketId: string): number | undefined {
    return this.scheduler.dueAt(ticketId);
  }

  touch(ticketId: string): void {
    this.queue.add(ticketId);
  }

  onRemoved(ticketId: string): void {
    this.scheduler.delete(ticketId);
  }

  /** Policies or calendars changed: every unfinished ticket may have other deadlines now. */
  touchAllActive(): void {
    for (const ticket of this.deps.inbox.all()) if (ticket.status !== 'closed') this.queue.add(ticket.id);
  }

  dispose(): Promise<void> {
    this.scheduler.dispose();
    return this.queue.stop();
  }

  private async evaluate(ticketId: string): Promise<void> {
    const { db, inbox, inputs, clock } = this.deps;
    const ticket = inbox.get(ticketId);
    if (!ticket) return this.scheduler.delete(ticketId);
    const now = clock();
    const input = inputs.inputFor(ticket);
    const outlook = slaOutlook(input, now);
    if (!differs(ticket, fieldsOf(input.policy?.id ?? null, outlook.status))) {
      this.scheduler.set(ticketId, outlook.nextChangeAt);
      return;
    }
    // Decided again on the stored state: writes only a real change, so our own write (which
    // comes back as a change event) ends here next time instead of looping.
    await modifyTicket(db, ticketId, (current) => {
      const fields = slaFields(inputs, current, now);
      return differs(current, fields) ? patchTicket(current, fields, now) : null;
    });
    const latest = inbox.get(ticketId) ?? ticket;
    this.scheduler.set(ticketId, slaOutlook(inputs.inputFor(latest), now).nextChangeAt);
  }
}
