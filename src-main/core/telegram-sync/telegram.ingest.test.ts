import { describe, expect, it } from 'vitest';
import type { TgMessage, TgTopic, TgUser } from '../telegram/telegram.gateway';
import { newTicket } from '../tickets/ticket.factory';
import { messageFromTelegram, ticketAfterMessage, ticketFromTopic, type AuthorInfo } from './telegram.ingest';

const alice: TgUser = { id: '500', firstName: 'Alice', lastName: 'Ng', username: 'alice', phone: null, isBot: false };
const topic: TgTopic = { chatId: '77', topicId: 12, title: 'Parcel lost', creatorId: '500', createdAt: 1000, closed: false, iconColor: 0, topMessageId: 12 };
const base: TgMessage = {
  chatId: '77', msgId: 13, topicId: 12, fromId: '500', out: false, text: 'Hi, my parcel is lost', entities: [], media: null,
  date: 2000, editDate: null, isService: false, action: null,
};
const authors: AuthorInfo = {
  isAgent: (id) => id === '900',
  agentIdOf: (id) => `agent:${id}`,
  nameOf: (id) => (id === '900' ? 'Bo (agent)' : null),
};

describe('telegram ingest', () => {
  it('turns a topic into a ticket with a deterministic id and the creator as customer', () => {
    const ticket = ticketFromTopic(topic, alice);
    expect(ticket).toMatchObject({ id: 'tg:77:12', subject: 'Parcel lost', chatId: '77', topicId: 12, status: 'open' });
    expect(ticket.customer).toMatchObject({ tgUserId: '500', name: 'Alice Ng', username: 'alice' });
    expect(ticketFromTopic(topic, alice)).toEqual(ticket);
  });

  it('classifies messages from agents as outbound and already sent', () => {
    const fromCustomer = messageFromTelegram(base, alice, authors);
    expect(fromCustomer).toMatchObject({ id: 'tg:77:13', ticketId: 'tg:77:12', kind: 'customer', delivery: null, authorName: 'Alice Ng' });
    const fromAgent = messageFromTelegram({ ...base, msgId: 14, fromId: '900' }, null, authors);
    expect(fromAgent).toMatchObject({ kind: 'agent', authorId: 'agent:900', authorName: 'Bo (agent)', delivery: { state: 'sent', tgMsgIds: [14] } });
    expect(messageFromTelegram({ ...base, out: true, fromId: '901' }, null, authors).kind).toBe('agent');
  });

  it('reopens a resolved ticket on a customer message and counts it unread', () => {
    const ticket = newTicket({ id: 'tg:77:12', subject: 's', createdAt: 1, status: 'resolved', resolvedAt: 5, unreadCount: 2 });
    const patch = ticketAfterMessage(ticket, messageFromTelegram(base, alice, authors));
    expect(patch).toMatchObject({ status: 'open', resolvedAt: null, unreadCount: 3, lastCustomerAt: 2000, lastMessageAt: 2000 });
  });

  it('moves an assigned ticket waiting on the customer back to in progress', () => {
    const ticket = newTicket({ id: 'x', subject: 's', createdAt: 1, status: 'waiting_on_customer', assigneeId: 'agent:900' });
    expect(ticketAfterMessage(ticket, messageFromTelegram(base, alice, authors)).status).toBe('in_progress');
  });

  it('sets the first response once, from the first agent message', () => {
    const ticket = newTicket({ id: 'x', subject: 's', createdAt: 1 });
    const reply = messageFromTelegram({ ...base, fromId: '900', date: 3000 }, null, authors);
    expect(ticketAfterMessage(ticket, reply)).toMatchObject({ firstResponseAt: 3000, lastAgentAt: 3000 });
    expect(ticketAfterMessage({ ...ticket, firstResponseAt: 2500 }, reply).firstResponseAt).toBe(2500);
  });

  it('does not move the last activity back for an older message arriving late', () => {
    const ticket = newTicket({ id: 'x', subject: 's', createdAt: 1, lastMessageAt: 9000, lastMessagePreview: 'newest' });
    const patch = ticketAfterMessage(ticket, messageFromTelegram(base, alice, authors));
    expect(patch.lastMessageAt).toBeUndefined();
    expect(patch.lastMessagePreview).toBeUndefined();
  });
});
