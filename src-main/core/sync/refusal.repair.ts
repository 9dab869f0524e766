// What a document becomes on this device after the server's rules refused our version of it.
// The server's rules are the team's: its copy stands. A ticket first gets one merge with the
// server's copy instead, because the usual refusal is a status jump that several offline moves
// collapsed into (in_progress → resolved → closed arrives as in_progress → closed): the merge
// keeps the server's status (merges only make legal moves from it) and this agent's other
// changes. If the merged ticket is refused again, the server's copy stands. Pure; core only.
import { Ticket } from '../../../src-preload/contract';
import type { SharedCollection } from '../db/database';
import { mergeTicket } from '../rules/conflict.merge';

/** Refusals of the same document after which we stop touching it (it stays as it is here). */
export const MAX_REPAIRS = 3;

const NOT_CONTENT = new Set(['_deleted', '_rev', '_attachments', '_meta', '_conflicts', '_revisions', '_id']);

function fieldsOf(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !NOT_CONTENT.has(key)));
}

/**
 * @param local this device's copy (null when it is gone), as stored
 * @param server the server's copy, primary key already in place of `_id`
 * @param attempt how many times the server refused this document so far (1 = first time)
 * @returns the fields to write locally
 */
export function repairedDocument(
  collection: SharedCollection,
  local: Record<string, unknown> | null,
  server: Record<string, unknown>,
  attempt: number,
): Record<string, unknown> {
  if (collection === 'tickets' && attempt === 1 && local !== null) {
    const mine = Ticket.safeParse(fieldsOf(local));
    const theirs = Ticket.safeParse(fieldsOf(server));
    if (mine.success && theirs.success) return mergeTicket(mine.data, theirs.data);
  }
  return fieldsOf(server);
}
