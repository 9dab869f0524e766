// Tests for the batch writer of Telegram topics and messages, on a memory database.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';
import type { TgMessage, TgTopic, TgUser } from '../telegram/telegram.gateway';
import { IngestWriter, type IngestItem } from './ingest.writer';
import { messageFromTelegram, type AuthorInfo } from './telegram.ingest';

const alice: TgUser = { id: '500', firstName: 'Alice', lastName: 'Ng', username: 'alice', phone: null, isBot: false };
const authors: AuthorInfo = { isAgent: () => false, agentIdOf: (id) => `agent:${id}`, nameOf: () => null };
const topic = (topicId: number): TgTopic => ({ chatId: '77', topicId, title: `Topic title ${topicId}`, creatorId: '500', createdAt: 1000, closed: false, iconColor: 0, topMessageId: topicId });
const tg = (msgId: number, topicId: number, options: Partial<TgMessage> = {}): TgMessage => ({
  chatId: '77', msgId, topicId, fromId: '500', out: false, text: `message ${msgId}`, entities: [], media: null, date: 1000 + msgId, editDate: null, isService: false, action: null, ...options,
});
const opened = (topicId: number): IngestItem => ({ kind: 'topic', topic: topic(topicId), creator: alice });
const said = (msgId: number, topicId: number, options: Partial<TgMessage> = {}): IngestItem => ({ kind: 'message', message: tg(msgId, topicId, options), sender: alice });

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => Promise.all(dbs.splice(0).map((db) => db.close())));

async function setup(ownSendSettled?: (ticketId: string) => Promise<void>) {
  const db = await openDatabase({ workspace: 'writer', storage: { kind: 'memory' }, validate: true });
  dbs.push(db);
  return { db, writer: new IngestWriter({ db, authors, clock: () => 5_000, ownSendSettled }) };
}

describe('IngestWriter', () => {
  it('writes a run of topics and messages as one message write and few ticket writes', async () => {
    const { db, writer } = await setup();
    const messageWrites = vi.spyOn(db.messages.storageInstance, 'bulkWrite');
    const ticketWrites = vi.spyOn(db.tickets.storageInstance, 'bulkWrite');
    await writer.writeItems([opened(10), said(11, 10), opened(20), said(21, 20), said(12, 10), said(22, 20), said(13, 10)]);
    expect(messageWrites).toHaveBeenCalledTimes(1);
    expect(ticketWrites).toHaveBeenCalledTimes(1);
    expect(await db.messages.count().exec()).toBe(5);
    expect((await db.tickets.findOne('tg:77:10').exec())?.toJSON()).toMatchObject({ subject: 'Topic title 10', unreadCount: 3, lastMessagePreview: 'message 13' });
    expect((await db.tickets.findOne('tg:77:20').exec())?.toJSON()).toMatchObject({ unreadCount: 2, lastMessagePreview: 'message 22' });
  });

  it('counts a message once when it comes twice in a batch, and not at all when it was stored before', async () => {
    const { db, writer } = await setup();
    await writer.writeItems([opened(10), said(11, 10)]);
    await writer.writeItems([said(11, 10), said(12, 10), said(12, 10), said(13, 10)]);
    expect(await db.messages.count().exec()).toBe(3);
    expect((await db.tickets.findOne('tg:77:10').exec())?.unreadCount).toBe(3);
  });

  it('makes a placeholder ticket for a message of a topic not seen yet, named when the topic comes', async () => {
    const { db, writer } = await setup();
    await writer.writeItems([said(31, 30)]);
    expect((await db.tickets.findOne('tg:77:30').exec())?.toJSON()).toMatchObject({ subject: 'Topic 30', unreadCount: 1 });
    await writer.writeItems([opened(30)]);
    expect((await db.tickets.findOne('tg:77:30').exec())?.toJSON()).toMatchObject({ subject: 'Topic title 30', unreadCount: 1 });
  });

  it('skips General and service messages', async () => {
    const { db, writer } = await setup();
    await writer.writeItems([opened(1), said(2, 1), opened(10), said(11, 10, { isService: true })]);
    expect(await db.messages.count().exec()).toBe(0);
    expect((await db.tickets.find().exec()).map((t) => t.id)).toEqual(['tg:77:10']);
  });

  it('keeps what another writer changed on the ticket between the batch’s read and its write', async () => {
    const { db, writer } = await setup();
    await writer.writeItems([opened(10), said(11, 10)]);
    // An agent takes the ticket and reads it just after the batch read it: the batch's copy is stale.
    const read = db.tickets.findByIds.bind(db.tickets);
    vi.spyOn(db.tickets, 'findByIds').mockImplementationOnce((ids) => {
      const query = read(ids);
      const exec = query.exec.bind(query);
      return Object.assign(query, {
        exec: async () => {
          const docs = await exec();
          await (await db.tickets.findOne('tg:77:10').exec())?.incrementalPatch({ assigneeId: 'agent:1', unreadCount: 0 });
          return docs;
        },
      });
    });
    await writer.writeItems([said(12, 10), said(13, 10)]);
    expect((await db.tickets.findOne('tg:77:10').exec())?.toJSON()).toMatchObject({ assigneeId: 'agent:1', unreadCount: 2, lastMessagePreview: 'message 13' });
  });

  it('waits for the outbox to record our own reply before deciding whether its echo is new', async () => {
    let recorded = false;
    const { db, writer } = await setup(async (ticketId) => {
      // The outbox stores its copy (a `tg:` id) while the echo waits.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const copy = messageFromTelegram(tg(12, 10, { out: true, text: 'our reply' }), null, { ...authors, isAgent: () => true });
      await db.messages.insert(toMessageDoc({ ...copy, ticketId }));
      recorded = true;
    });
    await writer.writeItems([opened(10), said(11, 10)]);
    await writer.writeItems([said(12, 10, { out: true, text: 'our reply' })]);
    expect(recorded).toBe(true);
    // The echo was known by then: the ticket was not changed for it a second time.
    expect((await db.tickets.findOne('tg:77:10').exec())?.toJSON()).toMatchObject({ lastMessagePreview: 'message 11', firstResponseAt: null });
  });

  it('stores what it can and still updates those tickets when part of a batch fails, then throws', async () => {
    const { db, writer } = await setup();
    // A message the schema refuses (sentAt must be an integer) fails alone.
    await expect(writer.writeItems([opened(10), said(11, 10), said(12, 10, { date: 1.5 })])).rejects.toThrow(/could not be stored/);
    expect(await db.messages.count().exec()).toBe(1);
    expect((await db.tickets.findOne('tg:77:10').exec())?.unreadCount).toBe(1);
  });
});
