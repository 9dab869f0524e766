import { afterEach, describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../../src-preload/contract';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { fromMessageDoc } from '../db/schemas/messages.schema';
import { createMessagesService } from '../messages/messages.service';
import { newTicket } from '../tickets/ticket.factory';
import { backoffMs } from './outbox.backoff';
import { OutboxService, type ReplySender, type SentReply } from './outbox.service';

const me = { agentId: 'agent:900', name: 'Bo' };
const dbs: TopicdeskDatabase[] = [];
const outboxes: OutboxService[] = [];
afterEach(async () => {
  outboxes.splice(0).forEach((o) => o.dispose());
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

class ScriptedSender implements ReplySender {
  sent: { ticketId: string; text: string }[] = [];
  failures: unknown[] = [];
  ready = true;
  private nextId = 100;
  private readonly release: (() => void)[] = [];
  hold = false;
  isReady = () => this.ready;
  classifyFailure = (error: unknown) =>
    error === 'flood' ? ({ kind: 'retry', reason: 'flood', afterMs: 30_000 } as const) : ({ kind: 'permanent', reason: String(error) } as const);
  async sendReply(ticket: Ticket, text: string): Promise<SentReply> {
    if (this.hold) await new Promise<void>((resolve) => this.release.push(resolve));
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.sent.push({ ticketId: ticket.id, text });
    return { parts: [{ msgId: this.nextId++, text }], sentAt: 5_000 };
  }
  releaseAll() {
    this.hold = false;
    this.release.splice(0).forEach((r) => r());
  }
}

async function setup(sender: ReplySender, now = { t: 1_000 }) {
  const db = await openDatabase({ workspace: 'outbox', storage: { kind: 'memory' }, validate: true });
  dbs.push(db);
  await db.tickets.bulkInsert([
    newTicket({ id: 'tg:1:10', subject: 'a', createdAt: 1, chatId: '1', topicId: 10 }),
    newTicket({ id: 'tg:1:20', subject: 'b', createdAt: 1, chatId: '1', topicId: 20 }),
  ]);
  const timers: { fn: () => void; ms: number }[] = [];
  const outbox = new OutboxService({ db, clock: () => now.t, me: () => me, sender, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {} });
  outboxes.push(outbox);
  const messages = createMessagesService({ db, clock: () => (now.t += 1), me: () => me });
  return { db, outbox, messages, timers, now };
}

async function thread(db: TopicdeskDatabase, ticketId: string): Promise<Message[]> {
  const docs = await db.messages.find({ selector: { ticketId }, sort: [{ createdAt: 'asc' }] }).exec();
  return docs.map((d) => fromMessageDoc(d.toMutableJSON()));
}

const until = async (check: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
};

describe('OutboxService', () => {
  it('sends queued replies in order per ticket and replaces them with their Telegram copies', async () => {
    const sender = new ScriptedSender();
    sender.hold = true;
    const { db, outbox, messages } = await setup(sender);
    outbox.start();
    await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'first' });
    await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'second' });
    await messages.send({ ticketId: 'tg:1:10', kind: 'note', text: 'a note never leaves' });
    await new Promise((r) => setTimeout(r, 50));
    sender.releaseAll();
    await until(() => sender.sent.length === 2);
    expect(sender.sent.map((s) => s.text)).toEqual(['first', 'second']);
    await until(async () => (await thread(db, 'tg:1:10')).filter((m) => m.id.startsWith('tg:')).length === 2);
    const docs = await db.messages.find({ selector: { ticketId: 'tg:1:10' } }).exec();
    const states = Object.fromEntries(docs.map((d) => [d.id, d.deliveryState]));
    expect(states['tg:1:100']).toBe('sent');
    expect(Object.values(states).filter((s) => s === 'replaced')).toHaveLength(2);
    expect(Object.values(states).filter((s) => s === 'none')).toHaveLength(1);
    const ticket = await db.tickets.findOne('tg:1:10').exec();
    expect(ticket?.firstResponseAt).toBe(5_000);
  });

  it('keeps a reply queued with a retry time after a flood wait, and holds the ticket\'s next reply back', async () => {
    const sender = new ScriptedSender();
    sender.failures.push('flood');
    const { db, outbox, messages, timers } = await setup(sender);
    outbox.start();
    await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'one' });
    await until(async () => (await thread(db, 'tg:1:10'))[0]?.delivery?.retryAt !== null && (await thread(db, 'tg:1:10'))[0]?.delivery?.attempts === 1);
    await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'two' });
    await new Promise((r) => setTimeout(r, 50));
    expect(sender.sent).toEqual([]);
    const [first] = await thread(db, 'tg:1:10');
    expect(first?.delivery).toMatchObject({ state: 'queued', reason: 'flood', attempts: 1 });
    // 30 s after the failure, by the outbox's clock (which the composer moved on by a tick).
    expect(first?.delivery?.retryAt).toBeGreaterThanOrEqual(31_000);
    expect(first?.delivery?.retryAt).toBeLessThan(31_010);
    expect(timers.at(-1)?.ms).toBeGreaterThan(29_000);
  });

  it('marks a permanent failure failed with the reason, sends the next one, and retries on request', async () => {
    const sender = new ScriptedSender();
    sender.failures.push('TOPIC_CLOSED');
    const { db, outbox, messages } = await setup(sender);
    outbox.start();
    const failed = await messages.send({ ticketId: 'tg:1:20', kind: 'agent', text: 'closed topic' });
    await until(async () => (await db.messages.findOne(failed.id).exec())?.deliveryState === 'failed');
    expect((await db.messages.findOne(failed.id).exec())?.delivery).toMatchObject({ state: 'failed', reason: 'TOPIC_CLOSED' });
    await messages.retry({ messageId: failed.id });
    await until(() => sender.sent.length === 1);
    expect(sender.sent[0]?.text).toBe('closed topic');
  });

  it('waits while the sender is not ready, and sends on wake', async () => {
    const sender = new ScriptedSender();
    sender.ready = false;
    const { outbox, messages } = await setup(sender);
    outbox.start();
    await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'later' });
    await new Promise((r) => setTimeout(r, 50));
    expect(sender.sent).toEqual([]);
    sender.ready = true;
    outbox.wake();
    await until(() => sender.sent.length === 1);
  });

  it('converges when Telegram echoes the reply into the database before the send returns', async () => {
    const sender = new ScriptedSender();
    const { db, outbox, messages } = await setup(sender);
    // The echo arrives through the ingest while the send is still in flight.
    sender.sendReply = async (ticket, text) => {
      await db.messages.insert({
        ...(await db.messages.find({ selector: { ticketId: ticket.id, deliveryState: 'sending' } }).exec())[0]!.toMutableJSON(),
        id: `tg:1:${777}`,
        delivery: { state: 'sent', reason: null, attempts: 0, tgMsgIds: [777], retryAt: null },
        deliveryState: 'sent',
      });
      sender.sent.push({ ticketId: ticket.id, text });
      return { parts: [{ msgId: 777, text }], sentAt: 5_000 };
    };
    outbox.start();
    const reply = await messages.send({ ticketId: 'tg:1:10', kind: 'agent', text: 'echoed' });
    await until(async () => (await db.messages.findOne(reply.id).exec())?.deliveryState === 'replaced');
    const visible = (await db.messages.find({ selector: { ticketId: 'tg:1:10', deliveryState: { $ne: 'replaced' } } }).exec()).filter((m) => m.kind === 'agent');
    expect(visible.map((m) => [m.id, m.deliveryState])).toEqual([['tg:1:777', 'sent']]);
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(50)).toBe(5 * 60_000);
  });
});
