// The one way the automation changes a ticket: inside `incrementalModify`, deciding again on the
// stored state at write time (the in-memory copy the decision came from may be stale, and
// RxDB reruns the change on a write conflict), so concurrent writers cannot undo each other.
// Main process.
import type { RxDocument } from 'rxdb';
import type { Ticket } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';

export interface TicketWrite {
  /** The state the change was decided on (the last run, if RxDB had to rerun it). */
  before: Ticket;
  after: Ticket;
  /** False when `change` found nothing to do on the stored state. */
  changed: boolean;
}

/**
 * The ticket's document, read the way RxDB's own `incrementalUpsert` and find-by-id do (its
 * document cache, else the storage by id) rather than with `findOne().exec()`: a query waits
 * 20 ms and runs again whenever a write lands meanwhile, which under several writers is
 * nearly every time. A cached copy may be stale; `incrementalModify` runs on the stored state.
 */
async function ticketDocument(db: TopicdeskDatabase, ticketId: string): Promise<RxDocument<Ticket> | null> {
  const cache = db.tickets._docCache;
  const data = cache.getLatestDocumentDataIfExists(ticketId) ?? (await db.tickets.storageInstance.findDocumentsById([ticketId], false))[0];
  return data && !data._deleted ? cache.getCachedRxDocument(data) : null;
}

/**
 * `change` returns the new ticket, or null to leave it alone; it must be pure (it may run more
 * than once). Resolves null when the ticket does not exist.
 */
export async function modifyTicket(
  db: TopicdeskDatabase,
  ticketId: string,
  change: (current: Ticket) => Ticket | null,
): Promise<TicketWrite | null> {
  const doc = await ticketDocument(db, ticketId);
  if (!doc) return null;
  let before: Ticket | null = null;
  let changed = false;
  const updated = await doc.incrementalModify((data) => {
    const current = data as Ticket;
    before = current;
    const next = change(current);
    changed = next !== null && next !== current;
    // Returning the same state still bumps the revision (RxDB writes regardless); callers check
    // the in-memory copy first, so this only happens when another writer won a race.
    return (changed ? next : current) as typeof data;
  });
  return { before: before ?? (updated.toMutableJSON() as Ticket), after: updated.toMutableJSON() as Ticket, changed };
}
