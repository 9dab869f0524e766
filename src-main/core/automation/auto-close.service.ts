// Closes resolved tickets by themselves once `autoCloseResolvedAfterMins` has passed with no
// reopening: one timer for the earliest such instant; the close is a status change like any
// other (status rules, timestamps, a `ticket.status_changed` event). Main process.
import type { Ticket } from '../../../src-preload/contract';
import type { RoutingSettings } from '../../../src-preload/contract/config.contract';
import type { TopicdeskDatabase } from '../db/database';
import { autoCloseAt, shouldAutoClose } from '../rules/auto.close';
import { canTransition, statusTimestamps } from '../rules/status.transitions';
import type { InboxIndex } from '../tickets/inbox.index';
import { patchTicket } from '../tickets/ticket.patch';
import { recordOnce } from './activity.once';
import { DeadlineScheduler } from './deadline.scheduler';
import { STATUS_CHANGED } from './status.history';
import { modifyTicket } from './ticket.writer';
import type { Timers } from './timers';
import { KeyedWorkQueue } from './work.queue';

export interface AutoCloseServiceDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  settings: () => RoutingSettings;
  clock: () => number;
  timers: Timers;
  log: (message: string, error?: unknown) => void;
}

export const autoCloseEventId = (ticketId: string, resolvedAt: number): string => `autoclose:${ticketId}:${resolvedAt}`;

function describeWait(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} day${minutes === 24 * 60 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export class AutoCloseService {
  private readonly queue: KeyedWorkQueue;
  private readonly scheduler: DeadlineScheduler;

  constructor(private readonly deps: AutoCloseServiceDeps) {
    this.queue = new KeyedWorkQueue((id) => this.close(id), deps.log, 'auto-close');
    this.scheduler = new DeadlineScheduler(deps.timers, deps.clock, (ids) => ids.forEach((id) => this.queue.add(id)));
  }

  get work(): KeyedWorkQueue {
    return this.queue;
  }

  closesAt(ticketId: string): number | undefined {
    return this.scheduler.dueAt(ticketId);
  }

  onTicket(ticket: Ticket): void {
    const at = autoCloseAt(ticket, this.deps.settings());
    if (at !== null && at <= this.deps.clock()) {
      this.scheduler.delete(ticket.id);
      this.queue.add(ticket.id);
    } else this.scheduler.set(ticket.id, at);
  }

  onRemoved(ticketId: string): void {
    this.scheduler.delete(ticketId);
  }

  /** The wait changed: every resolved ticket closes at another time. */
  onSettings(): void {
    for (const ticket of this.deps.inbox.all()) this.onTicket(ticket);
  }

  dispose(): Promise<void> {
    this.scheduler.dispose();
    return this.queue.stop();
  }

  private async close(ticketId: string): Promise<void> {
    const settings = this.deps.settings();
    const now = this.deps.clock();
    const ticket = this.deps.inbox.get(ticketId);
    if (!ticket || !shouldAutoClose(ticket, now, settings)) return;
    const write = await modifyTicket(this.deps.db, ticketId, (current) =>
      // A customer may have written (reopening it) since we looked: decide on the stored state.
      shouldAutoClose(current, now, settings) && canTransition(current.status, 'closed')
        ? patchTicket(current, { status: 'closed', ...statusTimestamps(current, 'closed', now) }, now)
        : null,
    );
    if (!write?.changed) return;
    const resolvedAt = write.before.resolvedAt ?? write.before.fieldTimes.status ?? write.before.updatedAt;
    await recordOnce(
      this.deps.db,
      {
        id: autoCloseEventId(ticketId, resolvedAt),
        type: STATUS_CHANGED,
        ticketId,
        actorId: null,
        at: now,
        data: { from: write.before.status, to: 'closed', by: 'auto_close' },
      },
      `Closed automatically after ${describeWait(settings.autoCloseResolvedAfterMins)} resolved`,
    );
  }
}
