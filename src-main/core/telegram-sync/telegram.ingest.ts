// Telegram → documents: topics become tickets and messages become thread messages, with ids
// derived from Telegram's own, so every agent's app produces the same documents from the
// same update (ingestion is idempotent by construction). Pure.
import type { Customer, Message, Ticket } from '../../../src-preload/contract';
import { previewOf } from '../messages/message.preview';
import { statusAfterCustomerMessage } from '../rules/status.transitions';
import type { TgMessage, TgTopic, TgUser } from '../telegram/telegram.gateway';
import { newTicket } from '../tickets/ticket.factory';
import type { TicketPatch } from '../tickets/ticket.patch';

export const ticketIdOf = (chatId: string, topicId: number) => `tg:${chatId}:${topicId}`;
export const messageIdOf = (chatId: string, msgId: number) => `tg:${chatId}:${msgId}`;

export const displayName = (user: Pick<TgUser, 'firstName' | 'lastName'>) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || 'Telegram user';

export function customerOf(user: TgUser | null, fallbackId: string | null): Customer {
  return {
    tgUserId: user?.id ?? fallbackId,
    name: user ? displayName(user) : 'Telegram user',
    username: user?.username ?? null,
    phone: user?.phone ?? null,
    email: null,
    shoplineCustomerId: null,
    tier: 'standard',
    language: null,
  };
}

export function ticketFromTopic(topic: TgTopic, creator: TgUser | null): Ticket {
  return newTicket({
    id: ticketIdOf(topic.chatId, topic.topicId),
    subject: topic.title,
    createdAt: topic.createdAt,
    customer: customerOf(creator, topic.creatorId),
    source: 'telegram',
    chatId: topic.chatId,
    topicId: topic.topicId,
    topicClosed: topic.closed,
  });
}

/** A ticket for a message whose topic we have not seen yet (the topic arrives later). */
export function placeholderTicket(message: TgMessage, sender: TgUser | null): Ticket {
  return newTicket({
    id: ticketIdOf(message.chatId, message.topicId),
    subject: `Topic ${message.topicId}`,
    createdAt: message.date,
    customer: customerOf(sender, message.fromId),
    chatId: message.chatId,
    topicId: message.topicId,
  });
}

export interface AuthorInfo {
  /** Whether a Telegram user id belongs to one of the team's agents. */
  isAgent(tgUserId: string): boolean;
  agentIdOf(tgUserId: string): string;
  nameOf(tgUserId: string | null): string | null;
}

export function messageFromTelegram(message: TgMessage, sender: TgUser | null, authors: AuthorInfo): Message {
  const fromAgent = message.out || (message.fromId !== null && authors.isAgent(message.fromId));
  const name = sender ? displayName(sender) : (authors.nameOf(message.fromId) ?? 'Telegram user');
  return {
    id: messageIdOf(message.chatId, message.msgId),
    ticketId: ticketIdOf(message.chatId, message.topicId),
    kind: fromAgent ? 'agent' : 'customer',
    authorId: message.fromId === null ? null : fromAgent ? authors.agentIdOf(message.fromId) : message.fromId,
    authorName: name,
    text: message.text,
    entities: message.entities,
    media: message.media,
    sentAt: message.date,
    editedAt: message.editDate,
    deleted: false,
    delivery: fromAgent ? { state: 'sent', reason: null, attempts: 0, tgMsgIds: [message.msgId], retryAt: null } : null,
    createdAt: message.date,
  };
}

/** What a new message (seen for the first time) does to its ticket. */
export function ticketAfterMessage(ticket: Ticket, message: Message): TicketPatch {
  const latest = message.sentAt >= ticket.lastMessageAt;
  const activity = latest ? { lastMessageAt: message.sentAt, lastMessagePreview: previewOf(message) } : {};
  if (message.kind === 'agent') {
    return {
      ...activity,
      lastAgentAt: Math.max(ticket.lastAgentAt ?? 0, message.sentAt),
      firstResponseAt: ticket.firstResponseAt ?? message.sentAt,
    };
  }
  return {
    ...activity,
    lastCustomerAt: Math.max(ticket.lastCustomerAt ?? 0, message.sentAt),
    unreadCount: ticket.unreadCount + 1,
    status: statusAfterCustomerMessage(ticket),
    ...(ticket.status === 'resolved' || ticket.status === 'closed' ? { resolvedAt: null, closedAt: null } : {}),
  };
}
