// The first customer messages of a batch of tickets, joined per ticket, for keyword and pattern
// routing rules. Main process.
//
// Read from storage, one index range per ticket, all at once. Not from MessageTextIndex: it
// keeps each ticket's latest messages of every kind, lower-cased, and fills in the background
// after start, while routing needs the first customer messages and every app must decide on the
// same text. Not one `ticketId $in` query: RxDB plans `$in` as the range from the smallest to
// the largest id, which reads every message of every ticket whose id sorts in between.
import type { TopicdeskDatabase } from '../db/database';

/** How many customer messages (besides the subject) keyword and pattern rules read. */
export const FIRST_MESSAGES = 3;

/** Ticket id → its first customer messages' text, oldest first, joined with newlines ('' when none). */
export async function firstCustomerTexts(db: TopicdeskDatabase, ticketIds: readonly string[]): Promise<Map<string, string>> {
  const texts = await Promise.all(
    ticketIds.map(async (ticketId) => {
      const docs = await db.messages
        .find({ selector: { ticketId, kind: 'customer' }, sort: [{ sentAt: 'asc' }], limit: FIRST_MESSAGES })
        .exec();
      return [ticketId, docs.map((doc) => doc.text).join('\n')] as const;
    }),
  );
  return new Map(texts);
}
