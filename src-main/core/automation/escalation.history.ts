// Which escalation levels have fired for each ticket and when the lead was last told, from the
// activity log (`ticket.escalated`, ids `esc:<ticketId>:<level>`), whichever app wrote them.
// Loaded once, then appended to. Main process.
import { z } from 'zod';

export const ESCALATED = 'ticket.escalated';

const EscalatedEvent = z.object({
  id: z.string(),
  type: z.literal(ESCALATED),
  ticketId: z.string(),
  at: z.number().finite(),
  data: z.object({ level: z.number().int(), notify: z.boolean().default(false), reason: z.string().default('') }),
});
export type EscalatedEvent = z.infer<typeof EscalatedEvent>;

export class EscalationHistory {
  private readonly fired = new Map<string, Set<number>>();
  private readonly lastNotified = new Map<string, number>();
  private readonly seen = new Set<string>();

  /** The parsed event when it is new (a repeat or another type gives null). */
  add(raw: unknown): EscalatedEvent | null {
    const parsed = EscalatedEvent.safeParse(raw);
    if (!parsed.success || this.seen.has(parsed.data.id)) return null;
    const event = parsed.data;
    this.seen.add(event.id);
    const levels = this.fired.get(event.ticketId);
    if (levels) levels.add(event.data.level);
    else this.fired.set(event.ticketId, new Set([event.data.level]));
    if (event.data.notify) this.lastNotified.set(event.ticketId, Math.max(this.lastNotified.get(event.ticketId) ?? -Infinity, event.at));
    return event;
  }

  firedLevels(ticketId: string): ReadonlySet<number> {
    return this.fired.get(ticketId) ?? new Set();
  }

  lastNotifiedAt(ticketId: string): number | null {
    return this.lastNotified.get(ticketId) ?? null;
  }
}
