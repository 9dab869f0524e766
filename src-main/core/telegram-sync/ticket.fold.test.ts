// Tests for folding a batch of Telegram events into one ticket.
import { describe, expect, it } from 'vitest';
import type { TgMessage, TgTopic, TgUser } from '../telegram/telegram.gateway';
import { newTicket } from '../tickets/ticket.factory';
import { messageFromTelegram, type AuthorInfo } from './telegram.ingest';
import { foldTicket, type TicketEvent } from './ticket.fold';

const alice: TgUser = { id: '500', firstName: 'Alice', lastName: 'Ng', username: 'alice', phone: null, isBot: false };
const topic: TgTopic = { chatId: '77', topicId: 12, title: 'Parcel lost', creatorId: '500', createdAt: 1000, closed: false, iconColor: 0, topMessageId: 12 };
const authors: AuthorInfo = { isAgent: (id) => id === '900', agentIdOf: (id) => `agent:${id}`, nameOf: () => null };
const tg = (msgId: number, date: number, text: string, fromId = '500'): TgMessage => ({
  chatId: '77', msgId, topicId: 12, fromId, out: false, text, entities: [], media: null, date, editDate: null, isService: false, action: null,
});
const said = (msgId: number, date: number, text: string, fromId = '500'): TicketEvent => {
  const message = tg(msgId, date, text, fromId);
  return { kind: 'message', message: messageFromTelegram(message, fromId === '500' ? alice : null, authors), tg: message, sender: alice };
};
const opened: TicketEvent = { kind: 'topic', topic, creator: alice };

describe('foldTicket', () => {
  it('makes the ticket from its topic and counts every customer message, the latest last', () => {
    const ticket = foldTicket(null, [opened, said(13, 2000, 'one'), said(14, 3000, 'two'), said(15, 4000, 'three')], 9)!;
    expect(ticket).toMatchObject({ id: 'tg:77:12', subject: 'Parcel lost', unreadCount: 3, lastMessageAt: 4000, lastMessagePreview: 'three', lastCustomerAt: 4000 });
    expect(ticket.customer.name).toBe('Alice Ng');
  });

  it('keeps the newest message as the last activity when an older one comes later in the batch', () => {
    const ticket = foldTicket(null, [opened, said(14, 3000, 'newer'), said(13, 2000, 'older')], 9)!;
    expect(ticket).toMatchObject({ unreadCount: 2, lastMessageAt: 3000, lastMessagePreview: 'newer' });
  });

  it('makes a placeholder for a message before its topic, and lets the topic fill it in', () => {
    const placeholder = foldTicket(null, [said(13, 2000, 'hi')], 9)!;
    expect(placeholder).toMatchObject({ subject: 'Topic 12', unreadCount: 1 });
    const named = foldTicket(placeholder, [opened], 10)!;
    expect(named).toMatchObject({ subject: 'Parcel lost', createdAt: 1000, unreadCount: 1, customer: { name: 'Alice Ng' } });
  });

  it('changes a stored ticket on top of what others wrote to it', () => {
    const stored = newTicket({ id: 'tg:77:12', subject: 'Renamed by Telegram', createdAt: 1000, assigneeId: 'agent:1', status: 'in_progress', unreadCount: 5 });
    const ticket = foldTicket(stored, [said(13, 2000, 'hi'), said(14, 2500, 'agent here', '900')], 9)!;
    expect(ticket).toMatchObject({ assigneeId: 'agent:1', unreadCount: 6, firstResponseAt: 2500, lastMessagePreview: 'agent here' });
    expect(ticket.fieldTimes.unreadCount).toBe(9);
  });

  it('returns the stored ticket itself when there is nothing to fold, and null when there is no ticket either', () => {
    const stored = newTicket({ id: 'x', subject: 's', createdAt: 1 });
    expect(foldTicket(stored, [], 9)).toBe(stored);
    expect(foldTicket(null, [], 9)).toBeNull();
  });
});
