// Watches the core's tickets and shows a notification for each one notifications.rules.ts
// picks. Quiet while the window has focus: the agent sees the inbox change. Main process.
import type { Observable } from 'rxjs';
import type { Ticket } from '../../src-preload/contract';
import { marksOf, ticketNotifications, type TicketMarks, type TicketNotification } from './notifications.rules';

export interface TicketNotifierDeps {
  /** Fires when tickets or the signed-in agent may have changed (batched by the caller). */
  changes: Observable<unknown>;
  tickets(): Iterable<Ticket>;
  meId(): string | null;
  now(): number;
  /** False while the window has focus. */
  shouldNotify(): boolean;
  show(notification: TicketNotification): void;
}

export function startTicketNotifier(deps: TicketNotifierDeps): { dispose(): void } {
  let before: TicketMarks | null = null;
  let lastMe: string | null = null;
  const subscription = deps.changes.subscribe(() => {
    const meId = deps.meId();
    // A different agent signed in: their whole queue is "new" to them; start from here.
    if (meId !== lastMe) before = null;
    lastMe = meId;
    const tickets = [...deps.tickets()];
    const notifications = ticketNotifications(before, tickets, meId, deps.now());
    before = marksOf(tickets);
    if (notifications.length && deps.shouldNotify()) for (const n of notifications) deps.show(n);
  });
  return { dispose: () => subscription.unsubscribe() };
}
