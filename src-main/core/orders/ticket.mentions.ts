// The order numbers a ticket's customer wrote: in their messages (oldest first) and, for a
// Telegram topic, in the topic title they chose. Pure; main process.
import type { Message, Ticket } from '../../../src-preload/contract';
import { detectOrderNumbers, type OrderNumberFormat } from '../shopline/order-number.detect';

/** Enough for any real conversation; bounds the lookups one panel opening can cost. */
export const maxMentionedOrders = 5;

export function orderNumbersMentioned(
  ticket: Pick<Ticket, 'subject' | 'source'>,
  messages: readonly Pick<Message, 'kind' | 'text' | 'deleted' | 'sentAt'>[],
  format: OrderNumberFormat = {},
  limit = maxMentionedOrders,
): string[] {
  // Telegram topics are opened by the customer, so the title is their words too.
  const texts = ticket.source === 'telegram' ? [ticket.subject] : [];
  const customerTexts = messages
    .filter((m) => m.kind === 'customer' && !m.deleted)
    .sort((a, b) => a.sentAt - b.sentAt)
    .map((m) => m.text);
  const numbers: string[] = [];
  const seen = new Set<string>();
  for (const text of [...texts, ...customerTexts]) {
    for (const mention of detectOrderNumbers(text, format)) {
      const key = mention.number.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      numbers.push(mention.number);
      if (numbers.length >= limit) return numbers;
    }
  }
  return numbers;
}
