// Applies a change to a ticket and stamps the per-field clock that conflict merges use
// (last writer wins per field). Pure.
import type { Ticket } from '../../../src-preload/contract';

export type TicketPatch = Partial<Omit<Ticket, 'id' | 'fieldTimes' | 'updatedAt'>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The ticket after `patch`, or the same object when nothing actually changes. */
export function patchTicket(ticket: Ticket, patch: TicketPatch, now: number): Ticket {
  const changed = (Object.keys(patch) as (keyof TicketPatch)[]).filter((key) => !same(ticket[key], patch[key]));
  if (changed.length === 0) return ticket;
  const fieldTimes = { ...ticket.fieldTimes };
  for (const key of changed) fieldTimes[key] = now;
  return { ...ticket, ...patch, fieldTimes, updatedAt: now };
}
