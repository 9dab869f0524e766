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
 * `change` returns the new ticket, or null to leave it alone; it must be pure (it may run more
 * than once) apart from noting why it said no.
 */
export type TicketChange = (current: Ticket) => Ticket | null;

/**
 * The tickets' documents, read the way RxDB's own `incrementalUpsert` and find-by-id do (its
 * document cache, else the storage by id, all misses in one call) rather than with
 * `findOne().exec()`: a query waits 20 ms and runs again whenever a write lands meanwhile,
 * which under several writers is nearly every time. A cached copy may be stale;
 * `incrementalModify` runs on the stored state.
 */
async function ticketDocuments(db: TopicdeskDatabase, ticketIds: readonly string[]): Promise<Map<string, RxDocument<Ticket>>> {
  const cache = db.tickets._docCache;
  const found = ticketIds.map((id) => cache.getLatestDocumentDataIfExists(id));
  const missing = ticketIds.filter((_, i) => found[i] === undefined);
  const stored = missing.length > 0 ? await db.tickets.storageInstance.findDocumentsById(missing, false) : [];
  const docs = new Map<string, RxDocument<Ticket>>();
  for (const data of [...found, ...stored]) if (data && !data._deleted) docs.set(data.id, cache.getCachedRxDocument(data));
  return docs;
}

async function modifyDocument(doc: RxDocument<Ticket>, change: TicketChange): Promise<TicketWrite> {
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

/** Resolves null when the ticket does not exist. */
export async function modifyTicket(db: TopicdeskDatabase, ticketId: string, change: TicketChange): Promise<TicketWrite | null> {
  const { written, failed } = await modifyTickets(db, new Map([[ticketId, change]]));
  if (failed.has(ticketId)) throw failed.get(ticketId);
  return written.get(ticketId) ?? null;
}

export interface TicketWrites {
  written: Map<string, TicketWrite>;
  /** Tickets whose write failed (not a conflict: those are rerun), with the error. */
  failed: Map<string, unknown>;
}

/**
 * Several tickets' changes with the same guarantees, written together: RxDB's incremental write
 * queue writes what was queued while it was busy in one bulk write (here the first change
 * alone, then all the others: one storage commit per ~100 tickets instead of one each), and
 * reruns only the changes that met a conflict. One ticket's failure does not fail the others.
 * Tickets that do not exist are in neither map.
 */
export async function modifyTickets(db: TopicdeskDatabase, changes: ReadonlyMap<string, TicketChange>): Promise<TicketWrites> {
  const docs = [...(await ticketDocuments(db, [...changes.keys()]))];
  const outcomes = await Promise.allSettled(docs.map(([id, doc]) => modifyDocument(doc, changes.get(id) as TicketChange)));
  const result: TicketWrites = { written: new Map(), failed: new Map() };
  docs.forEach(([id], i) => {
    const outcome = outcomes[i] as PromiseSettledResult<TicketWrite>;
    if (outcome.status === 'fulfilled') result.written.set(id, outcome.value);
    else result.failed.set(id, outcome.reason);
  });
  return result;
}
