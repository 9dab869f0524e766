// Flags tickets that stay unowned longer than `unassignedFlagMins`: a `ticket.flagged_unassigned`
// event (once per unowned spell, deterministic id) and the `unassigned-too-long` tag the
// inbox shows and filters on, removed again once someone owns the ticket or it is done.
// One timer for the earliest flag due. Main process.
import type { Ticket } from '../../../src-preload/contract';
import { UNASSIGNED_TOO_LONG_TAG } from '../../../src-preload/contract/automation.contract';
import type { RoutingSettings } from '../../../src-preload/contract/config.contract';
import type { TopicdeskDatabase } from '../db/database';
import { unassignedFlagAt, unassignedTooLong } from '../rules/routing.decision';
import type { InboxIndex } from '../tickets/inbox.index';
import { patchTicket } from '../tickets/ticket.patch';
import { recordOnce } from './activity.once';
import { DeadlineScheduler } from './deadline.scheduler';
import { unassignedSince } from './routing.service';
import { modifyTicket } from './ticket.writer';
import type { Timers } from './timers';
import { KeyedWorkQueue } from './work.queue';

export interface UnassignedFlagServiceDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  settings: () => RoutingSettings;
  clock: () => number;
  timers: Timers;
  log: (message: string, error?: unknown) => void;
}

export const flagEventId = (ticketId: string, since: number): string => `unassigned:${ticketId}:${since}`;

const hasTag = (ticket: Ticket): boolean => ticket.tags.includes(UNASSIGNED_TOO_LONG_TAG);
const withoutTag = (ticket: Ticket): string[] => ticket.tags.filter((t) => t !== UNASSIGNED_TOO_LONG_TAG);

export class UnassignedFlagService {
  private readonly queue: KeyedWorkQueue;
  private readonly scheduler: DeadlineScheduler;
  /** Flag events known to exist, so a ticket whose tag a person removed is not retried on every change. */
  private readonly flagged = new Set<string>();

  constructor(private readonly deps: UnassignedFlagServiceDeps) {
    this.queue = new KeyedWorkQueue((id) => this.check(id), deps.log, 'unassigned-flag');
    this.scheduler = new DeadlineScheduler(deps.timers, deps.clock, (ids) => ids.forEach((id) => this.queue.add(id)));
  }

  get work(): KeyedWorkQueue {
    return this.queue;
  }

  flagsAt(ticketId: string): number | undefined {
    return this.scheduler.dueAt(ticketId);
  }

  onTicket(ticket: Ticket): void {
    const at = unassignedFlagAt(ticket, this.deps.settings());
    const now = this.deps.clock();
    if (hasTag(ticket) ? at === null || now < at : at !== null && now >= at) {
      this.scheduler.delete(ticket.id);
      this.queue.add(ticket.id);
    } else this.scheduler.set(ticket.id, hasTag(ticket) ? null : at);
  }

  onRemoved(ticketId: string): void {
    this.scheduler.delete(ticketId);
  }

  onSettings(): void {
    for (const ticket of this.deps.inbox.all()) this.onTicket(ticket);
  }

  dispose(): Promise<void> {
    this.scheduler.dispose();
    return this.queue.stop();
  }

  private async check(ticketId: string): Promise<void> {
    const { db, inbox, clock } = this.deps;
    const settings = this.deps.settings();
    const ticket = inbox.get(ticketId);
    if (!ticket) return;
    const now = clock();
    if (hasTag(ticket) && !unassignedTooLong(ticket, now, settings)) {
      await modifyTicket(db, ticketId, (current) =>
        hasTag(current) && !unassignedTooLong(current, now, settings) ? patchTicket(current, { tags: withoutTag(current) }, now) : null,
      );
      return;
    }
    if (hasTag(ticket) || !unassignedTooLong(ticket, now, settings)) return;
    const eventId = flagEventId(ticketId, unassignedSince(ticket));
    if (this.flagged.has(eventId)) return;
    // The event is the claim: if it was already recorded (by another app, or before a person
    // took the tag off), the tag is not put back.
    const recorded = await recordOnce(db, {
      id: eventId,
      type: 'ticket.flagged_unassigned',
      ticketId,
      actorId: null,
      at: now,
      data: { since: unassignedSince(ticket), minutes: settings.unassignedFlagMins, queue: ticket.queue },
    });
    this.flagged.add(eventId);
    if (!recorded) return;
    await modifyTicket(db, ticketId, (current) =>
      unassignedTooLong(current, now, settings) && !hasTag(current)
        ? patchTicket(current, { tags: [...current.tags, UNASSIGNED_TOO_LONG_TAG] }, now)
        : null,
    );
  }
}
