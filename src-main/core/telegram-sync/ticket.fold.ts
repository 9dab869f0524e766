// What a batch of Telegram events does to one ticket: its topic seen (opened, or listed by a
// backfill) and the messages seen for the first time, folded in order onto the stored ticket,
// or onto a new one when it has none yet. Pure; the ingest writer runs it inside
// `incrementalModify`, so it may run again on a fresher stored ticket.
import type { Message, Ticket } from '../../../src-preload/contract';
import type { TgMessage, TgTopic, TgUser } from '../telegram/telegram.gateway';
import { patchTicket } from '../tickets/ticket.patch';
import { placeholderTicket, ticketAfterMessage, ticketFromTopic } from './telegram.ingest';

export type TicketEvent =
  | { kind: 'topic'; topic: TgTopic; creator: TgUser | null }
  /** A message stored for the first time just now (one seen before changes nothing). */
  | { kind: 'message'; message: Message; tg: TgMessage; sender: TgUser | null };

/** A ticket made from the first event, for a topic or message whose ticket does not exist yet. */
function created(event: TicketEvent): Ticket {
  return event.kind === 'topic' ? ticketFromTopic(event.topic, event.creator) : placeholderTicket(event.tg, event.sender);
}

function applied(ticket: Ticket, event: TicketEvent, now: number): Ticket {
  if (event.kind === 'message') return patchTicket(ticket, ticketAfterMessage(ticket, event.message), now);
  // The topic owns subject and closed state; a placeholder (made for a message that came
  // before its topic) also takes the topic's creator and date.
  const placeholder = ticket.subject === `Topic ${ticket.topicId}`;
  const fromTopic = ticketFromTopic(event.topic, event.creator);
  return patchTicket(
    ticket,
    { subject: event.topic.title, topicClosed: event.topic.closed, ...(placeholder ? { customer: fromTopic.customer, createdAt: fromTopic.createdAt } : {}) },
    now,
  );
}

/**
 * The ticket after `events`, in order: `current` when there are none, or null when there is
 * no ticket and nothing to make one from. Returns `current` itself when nothing changes.
 */
export function foldTicket(current: Ticket | null, events: readonly TicketEvent[], now: number): Ticket | null {
  const [first] = events;
  if (!first) return current;
  let ticket = current ?? created(first);
  for (const event of events) ticket = applied(ticket, event, now);
  return ticket;
}
