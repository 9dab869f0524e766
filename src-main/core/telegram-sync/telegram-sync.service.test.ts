// Tests for how TelegramSyncService applies live updates: queued per chat and written in
// batches, judged in pts order, with catch-up on a gap and nothing lost on a failed write.
// A scripted gateway stands in for Telegram; the database is in memory.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppStatusStore } from '../app/app-status';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { LocalState } from '../db/local-state';
import type {
  ChannelDifferencePage,
  TelegramGateway,
  TgChatUpdate,
  TgConnectionState,
  TgForum,
  TgMessage,
  TgUpdate,
  TgUser,
  TopicPage,
  Unsubscribe,
} from '../telegram/telegram.gateway';
import type { AuthorInfo } from './telegram.ingest';
import { forumsKey, TelegramSyncService } from './telegram-sync.service';

const CHAT = '77';
const forum: TgForum = { chatId: CHAT, accessHash: '1', title: 'Support' };
const alice: TgUser = { id: '500', firstName: 'Alice', lastName: null, username: null, phone: null, isBot: false };
const authors: AuthorInfo = { isAgent: () => false, agentIdOf: (id) => `agent:${id}`, nameOf: () => null };
const notUsed = () => Promise.reject(new Error('not used in this test'));

const tg = (msgId: number, topicId: number): TgMessage => ({
  chatId: CHAT, msgId, topicId, fromId: alice.id, out: false, text: `message ${msgId}`, entities: [], media: null,
  date: 1_000 * msgId, editDate: null, isService: false, action: null,
});

/** Telegram as one forum's pts log: publishing delivers an update live, missing one only logs it (a gap). */
class ScriptedTelegram implements TelegramGateway {
  pts = 10;
  readonly differenceAskedFrom: number[] = [];
  private readonly log: TgChatUpdate[] = [];
  private readonly handlers = new Set<(update: TgUpdate) => void | Promise<void>>();

  opens(topicId: number): TgChatUpdate {
    const message = { ...tg(topicId, topicId), isService: true, action: { type: 'topicCreated' as const, title: `Topic title ${topicId}`, iconColor: 0 } };
    const topic = { chatId: CHAT, topicId, title: `Topic title ${topicId}`, creatorId: alice.id, createdAt: message.date, closed: false, iconColor: 0, topMessageId: topicId };
    return this.next({ kind: 'topicCreated', chatId: CHAT, topic, creator: alice, message, pts: null, ptsCount: null });
  }

  writes(msgId: number, topicId: number): TgChatUpdate {
    return this.next({ kind: 'newMessage', chatId: CHAT, message: tg(msgId, topicId), sender: alice, pts: null, ptsCount: null });
  }

  publish(...updates: TgChatUpdate[]): void {
    for (const update of updates) for (const handler of this.handlers) void handler(update);
  }

  async getChannelDifference(_forum: unknown, pts: number): Promise<ChannelDifferencePage> {
    this.differenceAskedFrom.push(pts);
    const updates = this.log.filter((u) => (u.pts ?? 0) > pts).map((u) => ({ ...u, pts: null, ptsCount: null }));
    return updates.length ? { kind: 'difference', updates, pts: this.pts, final: true } : { kind: 'empty', pts: this.pts };
  }

  async listTopics(): Promise<TopicPage> {
    return { topics: [], users: [], total: 0, pts: this.pts, next: null };
  }

  onUpdate(handler: (update: TgUpdate) => void | Promise<void>): Unsubscribe {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onConnectionState(_handler: (state: TgConnectionState | 'revoked') => void): Unsubscribe {
    return () => {};
  }

  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}
  async dispose(): Promise<void> {}
  sendCode = notUsed;
  signIn = notUsed;
  checkPassword = notUsed;
  signInWithQr = notUsed;
  getSelf = notUsed;
  exportSession = () => '';
  logOut = notUsed;
  probeSession = notUsed;
  listForums = notUsed;
  getTopicHistory = notUsed;
  sendText = notUsed;

  private next<T extends TgChatUpdate>(update: T): T {
    this.pts += 1;
    const logged = { ...update, pts: this.pts, ptsCount: 1 };
    this.log.push(logged);
    return logged;
  }
}

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => Promise.all(dbs.splice(0).map((db) => db.close())));

async function setup() {
  const db = await openDatabase({ workspace: 'tg-sync', storage: { kind: 'memory' }, validate: true });
  dbs.push(db);
  const local = new LocalState(db, () => 1);
  // A forum already backfilled up to pts 10.
  await local.set(forumsKey, [forum]);
  await local.set(`telegram.pts.${CHAT}`, 10);
  const telegram = new ScriptedTelegram();
  const logged: string[] = [];
  const status = new AppStatusStore({
    workspace: 'tg-sync', demo: false, version: '0', me: null,
    telegram: { state: 'signed_out', detail: null }, backfill: null, sync: { state: 'off', pending: 0, detail: null },
  });
  const sync = new TelegramSyncService({ db, local, gateway: telegram, status, authors, clock: () => 5_000, log: (message) => logged.push(message) });
  await sync.start();
  const storedPts = () => local.get(`telegram.pts.${CHAT}`, z.number(), 0);
  const ticket = async (topicId: number) => (await db.tickets.findOne(`tg:${CHAT}:${topicId}`).exec())?.toJSON();
  const texts = async (topicId: number) =>
    (await db.messages.find({ selector: { ticketId: `tg:${CHAT}:${topicId}` }, sort: [{ sentAt: 'asc' }] }).exec()).map((m) => m.text);
  return { db, sync, telegram, logged, storedPts, ticket, texts };
}

/** Holds the next message write until released, as a slow disk would. */
function holdNextWrite(db: TopicdeskDatabase) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const writing = new Promise<void>((resolve) => (started = resolve));
  const write = db.messages.storageInstance.bulkWrite.bind(db.messages.storageInstance);
  const spy = vi.spyOn(db.messages.storageInstance, 'bulkWrite').mockImplementationOnce(async (rows, context) => {
    started();
    await released;
    return write(rows, context);
  });
  return { spy, writing, release };
}

describe('TelegramSyncService live updates', () => {
  it('writes the updates queued while a batch is written as one more batch, in order, each ticket counted right', async () => {
    const { db, sync, telegram, storedPts, ticket, texts } = await setup();
    const hold = holdNextWrite(db);
    const ticketWrites = vi.spyOn(db.tickets.storageInstance, 'bulkWrite');
    const ptsWrites = vi.spyOn(db.localstate.storageInstance, 'bulkWrite');

    telegram.publish(telegram.opens(11), telegram.writes(12, 11));
    await hold.writing;
    // 60 more arrive while the first batch is on its way to disk: two more topics, messages interleaved.
    const burst = [telegram.opens(13), telegram.opens(14)];
    for (let i = 0; i < 58; i++) burst.push(telegram.writes(15 + i, [11, 13, 14][i % 3] as number));
    telegram.publish(...burst);
    hold.release();
    await sync.idle();

    expect(hold.spy).toHaveBeenCalledTimes(2);
    expect(ticketWrites.mock.calls.length).toBeLessThanOrEqual(3);
    expect(ptsWrites).toHaveBeenCalledTimes(2);
    expect(await db.messages.count().exec()).toBe(59);
    expect(await storedPts()).toBe(72);
    const ids = (n: number) => Array.from({ length: 58 }, (_, i) => 15 + i).filter((_, i) => i % 3 === n);
    expect(await texts(11)).toEqual([12, ...ids(0)].map((id) => `message ${id}`));
    expect(await texts(13)).toEqual(ids(1).map((id) => `message ${id}`));
    const last11 = ids(0).at(-1) as number;
    expect(await ticket(11)).toMatchObject({ subject: 'Topic title 11', unreadCount: 21, lastMessageAt: 1_000 * last11, lastMessagePreview: `message ${last11}` });
    expect(await ticket(14)).toMatchObject({ subject: 'Topic title 14', unreadCount: ids(2).length });
  });

  it('counts an update delivered twice in one batch once', async () => {
    const { db, sync, telegram, storedPts, ticket } = await setup();
    const opened = telegram.opens(11);
    const first = telegram.writes(12, 11);
    const second = telegram.writes(13, 11);
    telegram.publish(opened, first, first, second, second);
    await sync.idle();
    expect(await db.messages.count().exec()).toBe(2);
    expect(await ticket(11)).toMatchObject({ unreadCount: 2 });
    expect(await storedPts()).toBe(13);
  });

  it('fetches the difference at a gap inside a batch and judges the rest after it, losing nothing', async () => {
    const { db, sync, telegram, storedPts, ticket, texts } = await setup();
    const hold = holdNextWrite(db);
    telegram.publish(telegram.opens(11), telegram.writes(12, 11));
    await hold.writing;
    const before = [telegram.writes(13, 11), telegram.writes(14, 11)];
    // 15 and 16 never arrive live.
    telegram.writes(15, 11);
    telegram.writes(16, 11);
    const after = [telegram.writes(17, 11), telegram.writes(18, 11), telegram.writes(19, 11)];
    telegram.publish(...before, ...after);
    hold.release();
    await sync.idle();

    // Asked once at start, once at the gap (after 14 was written), never for the updates behind it.
    expect(telegram.differenceAskedFrom).toEqual([10, 14]);
    expect(await texts(11)).toEqual([12, 13, 14, 15, 16, 17, 18, 19].map((id) => `message ${id}`));
    expect(await ticket(11)).toMatchObject({ unreadCount: 8, lastMessagePreview: 'message 19' });
    expect(await storedPts()).toBe(telegram.pts);
  });

  it('does not save the pts past a batch that failed, so the next catch-up fetches it again', async () => {
    const { db, sync, telegram, logged, storedPts, ticket, texts } = await setup();
    vi.spyOn(db.messages.storageInstance, 'bulkWrite').mockRejectedValueOnce(new Error('disk full'));
    telegram.publish(telegram.opens(11), telegram.writes(12, 11), telegram.writes(13, 11));
    await sync.idle();
    expect(logged).toEqual([expect.stringMatching(/could not be applied/)]);
    expect(await storedPts()).toBe(10);

    // The next update does not follow on from 10: a gap, and the difference brings the lost ones.
    telegram.publish(telegram.writes(14, 11));
    await sync.idle();
    expect(await texts(11)).toEqual([12, 13, 14].map((id) => `message ${id}`));
    expect(await ticket(11)).toMatchObject({ subject: 'Topic title 11', unreadCount: 3 });
    expect(await storedPts()).toBe(14);
  });

  it('stops at a gap whose catch-up fails, and fetches everything on the next one', async () => {
    const { sync, telegram, logged, storedPts, ticket, texts } = await setup();
    const opened = telegram.opens(11);
    telegram.writes(12, 11);
    const afterGap = [telegram.writes(13, 11), telegram.writes(14, 11)];
    vi.spyOn(telegram, 'getChannelDifference').mockRejectedValueOnce(new Error('offline'));
    telegram.publish(opened, ...afterGap);
    await sync.idle();
    expect(logged).toEqual([expect.stringMatching(/catch-up failed; 2 update\(s\) wait/)]);
    expect(await storedPts()).toBe(11);

    telegram.publish(telegram.writes(15, 11));
    await sync.idle();
    expect(await texts(11)).toEqual([12, 13, 14, 15].map((id) => `message ${id}`));
    expect(await ticket(11)).toMatchObject({ unreadCount: 4 });
    expect(await storedPts()).toBe(15);
  });
});
