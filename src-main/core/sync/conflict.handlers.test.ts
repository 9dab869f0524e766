// Tests for the per-collection conflict handlers: what counts as the same document, and what each
// collection keeps when two apps changed a document (the merge rules themselves are tested in
// rules/conflict.merge.test.ts; here: that each collection uses the right rule, consistently).
import { describe, expect, it } from 'vitest';
import type { ActivityEvent, Agent, Delivery, Ticket } from '../../../src-preload/contract';
import type { ConfigDoc } from '../db/schemas/config.schema';
import { toMessageDoc, type MessageDoc } from '../db/schemas/messages.schema';
import { makeAgent, makeMessage, makeTicket } from '../rules/rules.fixtures';
import {
  agentConflictHandler,
  configConflictHandler,
  eventConflictHandler,
  messageConflictHandler,
  sameDocument,
  ticketConflictHandler,
} from './conflict.handlers';

type Deleted<T> = T & { _deleted: boolean };
const live = <T extends object>(doc: T): Deleted<T> => ({ ...doc, _deleted: false });
const resolve = <T>(handler: { resolve: (i: { newDocumentState: Deleted<T>; realMasterState: Deleted<T> }, c: string) => Promise<Deleted<T>> }, local: Deleted<T>, remote: Deleted<T>) =>
  handler.resolve({ newDocumentState: local, realMasterState: remote }, 'test');

describe('sameDocument', () => {
  it('ignores key order, storage bookkeeping and empty attachments, but not content or deletion', () => {
    const ticket = live(makeTicket());
    const reordered = Object.fromEntries(Object.entries(ticket).reverse());
    expect(sameDocument(ticket, { ...reordered, _meta: { lwt: 5 }, _rev: '3-x', _attachments: {} })).toBe(true);
    expect(sameDocument(ticket, { ...ticket, _deleted: undefined })).toBe(true);
    expect(sameDocument(ticket, { ...ticket, tags: ['vip'] })).toBe(false);
    expect(sameDocument(ticket, { ...ticket, _deleted: true })).toBe(false);
    expect(sameDocument(ticket, { ...ticket, customer: { ...ticket.customer, language: 'fr' } })).toBe(false);
  });
});

describe('tickets', () => {
  it('merges by the ticket rules: a newer legal status from this app, the server’s claim, newer fields from either', async () => {
    const base = makeTicket({ fieldTimes: {} });
    const remote = live<Ticket>({ ...base, status: 'in_progress', assigneeId: 'agent:a', priority: 'high', fieldTimes: { status: 10, assigneeId: 10, priority: 10 } });
    const local = live<Ticket>({ ...base, status: 'resolved', resolvedAt: 20, assigneeId: 'agent:b', tags: ['vip'], fieldTimes: { status: 20, assigneeId: 20, tags: 20 } });
    expect(await resolve(ticketConflictHandler, local, remote)).toMatchObject({
      status: 'resolved',
      assigneeId: 'agent:a',
      priority: 'high',
      tags: ['vip'],
      _deleted: false,
    });
  });

  it('never takes an illegal status jump from the server’s status', async () => {
    const closed = live<Ticket>(makeTicket({ status: 'closed', resolvedAt: 5, closedAt: 6, fieldTimes: { status: 6 } }));
    const waiting = live<Ticket>(makeTicket({ status: 'waiting_on_customer', fieldTimes: { status: 50 } }));
    expect((await resolve(ticketConflictHandler, waiting, closed)).status).toBe('closed');
  });

  it('leaves identical copies as they are (two apps ingesting the same topic)', async () => {
    const ticket = live(makeTicket());
    expect(await resolve(ticketConflictHandler, structuredClone(ticket), ticket)).toEqual(ticket);
  });

  it('keeps the server’s copy when either side is deleted', async () => {
    const remote = { ...live(makeTicket()), _deleted: true };
    expect(await resolve(ticketConflictHandler, live(makeTicket({ subject: 'changed' })), remote)).toBe(remote);
  });
});

describe('messages', () => {
  const delivery = (state: Delivery['state'], attempts: number): Delivery => ({ state, reason: null, attempts, tgMsgIds: state === 'sent' ? [9] : [], retryAt: null });
  const reply = (d: Delivery, deliveryState?: MessageDoc['deliveryState']): Deleted<MessageDoc> => {
    const doc = toMessageDoc(makeMessage({ id: 'local:1', kind: 'agent', delivery: d }));
    return live({ ...doc, deliveryState: deliveryState ?? doc.deliveryState });
  };

  it('keeps deliveryState in step with the delivery that won', async () => {
    const merged = await resolve(messageConflictHandler, reply(delivery('sending', 1)), reply(delivery('queued', 0)));
    expect(merged).toMatchObject({ delivery: { state: 'sending' }, deliveryState: 'sending' });
    expect(await resolve(messageConflictHandler, reply(delivery('queued', 0)), reply(delivery('sending', 1)))).toMatchObject({ deliveryState: 'sending' });
  });

  it('keeps a reply replaced by its Telegram copies replaced, from whichever side', async () => {
    const replaced = reply(delivery('sent', 1), 'replaced');
    const failed = reply(delivery('failed', 1));
    expect((await resolve(messageConflictHandler, failed, replaced)).deliveryState).toBe('replaced');
    expect((await resolve(messageConflictHandler, replaced, failed)).deliveryState).toBe('replaced');
    const sent = reply(delivery('sent', 1));
    expect((await resolve(messageConflictHandler, sent, reply(delivery('sending', 1)))).deliveryState).toBe('sent');
  });

  it('marks customer messages without delivery as none', async () => {
    const customer = live(toMessageDoc(makeMessage({ id: 'tg:1:2', kind: 'customer', delivery: null })));
    const edited = { ...customer, text: 'edited', editedAt: 99 };
    expect(await resolve(messageConflictHandler, customer, edited)).toMatchObject({ text: 'edited', deliveryState: 'none' });
  });
});

describe('agents and config: the later updatedAt wins', () => {
  it('takes the newer agent document, whichever side it is on', async () => {
    const older = live<Agent>(makeAgent('agent:1', { availability: 'away', updatedAt: 10 }));
    const newer = live<Agent>(makeAgent('agent:1', { availability: 'busy', updatedAt: 20 }));
    expect((await resolve(agentConflictHandler, older, newer)).availability).toBe('busy');
    expect((await resolve(agentConflictHandler, newer, older)).availability).toBe('busy');
  });

  it('breaks a tie by content, the same way on every app', async () => {
    const one = live<ConfigDoc>({ id: 'template:greet', kind: 'template', updatedAt: 10, data: { body: 'Hi' } });
    const two = live<ConfigDoc>({ id: 'template:greet', kind: 'template', updatedAt: 10, data: { body: 'Hello' } });
    const ab = await resolve(configConflictHandler, one, two);
    const ba = await resolve(configConflictHandler, two, one);
    expect(ab).toEqual(ba);
  });
});

describe('events: the first write stands', () => {
  it('keeps the server’s event whatever this app wrote under the same id', async () => {
    const first = live<ActivityEvent>({ id: 'esc:t1:1', type: 'ticket.assigned', ticketId: 't1', actorId: null, at: 10, data: { to: 'agent:a' } });
    const second = { ...first, at: 11, data: { to: 'agent:b' } };
    expect(await resolve(eventConflictHandler, second, first)).toBe(first);
  });
});
