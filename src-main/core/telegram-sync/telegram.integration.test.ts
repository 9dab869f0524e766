// The core with the real GramjsGateway, talking to FakeTelegram at gramjs's sender
// boundary: sign-in with 2FA, forums, backfill, live ingest, edits, deletes, gaps, the
// outbox and a restart, as an agent's app would live through them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageOption } from '../db/database';
import { MemorySecretStore } from '../secrets/secret.store';
import { startCore, type Core } from '../start-core';
import { FakeTelegram } from '../telegram/fake-telegram';
import { GramjsGateway } from '../telegram/gramjs.gateway';

const API = { apiId: 1, apiHash: '0123456789abcdef0123456789abcdef' };
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.dispose()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function world() {
  const fake = new FakeTelegram();
  const agent = fake.addUser({ firstName: 'Dana', lastName: 'Agent', phone: '+15550001', username: 'dana' });
  const customer = fake.addUser({ firstName: 'Carl', lastName: 'Customer', username: 'carl' });
  const forum = fake.addForum({ title: 'Acme Support', memberIds: [agent.id] });
  fake.addChat({ kind: 'supergroup', title: 'Not a forum', memberIds: [agent.id] });
  fake.setCodeAndPassword('+15550001', '24680', 'hunter2', 'pet name');
  return { fake, agent, customer, forum };
}

async function coreFor(fake: FakeTelegram, secrets = new MemorySecretStore(), storage: StorageOption = { kind: 'memory' }): Promise<Core> {
  const core = await startCore({
    workspace: 'tg',
    storage,
    secrets,
    log: () => {},
    createTelegramGateway: (session) => new GramjsGateway({ ...API, session, clientFactory: fake.clientFactory, onHandlerError: () => {} }),
  });
  cores.push(core);
  return core;
}

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

async function signInAndPick(core: Core, forumId: string) {
  await core.dispatcher.call('telegram.sendCode', { phone: '+1 555 0001' });
  const afterCode = await core.dispatcher.call('telegram.signIn', { code: '24680' });
  expect(afterCode).toMatchObject({ ok: true, value: { step: 'awaiting_password', passwordHint: 'pet name' } });
  const signed = await core.dispatcher.call('telegram.checkPassword', { password: 'hunter2' });
  expect(signed).toMatchObject({ ok: true, value: { step: 'signed_in', user: { name: 'Dana Agent' } } });
  await until('forums listed', () => core.telegram.current.forums.length > 0);
  expect(core.telegram.current.forums.map((f) => f.chatId)).toEqual([forumId]);
  await core.dispatcher.call('telegram.selectForums', { chatIds: [forumId] });
}

describe('Telegram through the core', () => {
  it('signs in with 2FA and says plainly when the code or password is wrong', async () => {
    const { fake } = world();
    const core = await coreFor(fake);
    await core.dispatcher.call('telegram.sendCode', { phone: '+15550001' });
    const wrongCode = await core.dispatcher.call('telegram.signIn', { code: '11111' });
    expect(wrongCode).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not right/) } });
    await core.dispatcher.call('telegram.signIn', { code: '24680' });
    const wrongPassword = await core.dispatcher.call('telegram.checkPassword', { password: 'nope' });
    expect(wrongPassword).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Wrong password/) } });
    const ok = await core.dispatcher.call('telegram.checkPassword', { password: 'hunter2' });
    expect(ok).toMatchObject({ ok: true, value: { step: 'signed_in' } });
    expect(core.status.value.me?.name).toBe('Dana Agent');
    expect(await core.db.agents.count().exec()).toBe(1);
  });

  it('backfills topics, ingests live messages, edits, deletes and renames, and skips General', async () => {
    const { fake, customer, forum } = world();
    const early = fake.customerCreatesTopic(forum.chatId, customer.id, 'Order never arrived', 'Hello, order #1042 has not arrived');
    fake.customerWrites(forum.chatId, 1, customer.id, 'A message in General');
    const core = await coreFor(fake);
    await signInAndPick(core, forum.chatId);
    const earlyId = `tg:${forum.chatId}:${early.topicId}`;
    await until('backfill', () => core.inbox.get(earlyId) !== undefined);
    expect(core.inbox.get(earlyId)).toMatchObject({ subject: 'Order never arrived', customer: { name: 'Carl Customer' } });
    await until('backfilled message', async () => (await core.db.messages.count({ selector: { ticketId: earlyId } }).exec()) === 1);

    const live = fake.customerCreatesTopic(forum.chatId, customer.id, 'Refund please', 'I want a refund');
    const liveId = `tg:${forum.chatId}:${live.topicId}`;
    await until('live topic', async () => (await core.db.messages.count({ selector: { ticketId: liveId } }).exec()) === 1);
    expect(core.inbox.get(liveId)).toMatchObject({ status: 'open', unreadCount: 1, lastMessagePreview: 'I want a refund' });

    fake.editMessage(forum.chatId, live.messageId as number, 'I want a refund, order #1043');
    fake.renameTopic(forum.chatId, live.topicId, 'Refund for #1043');
    await until('edit and rename', async () => {
      const message = await core.db.messages.findOne(`tg:${forum.chatId}:${live.messageId}`).exec();
      return message?.text === 'I want a refund, order #1043' && core.inbox.get(liveId)?.subject === 'Refund for #1043';
    });
    fake.deleteMessages(forum.chatId, [live.messageId as number]);
    await until('delete', async () => (await core.db.messages.findOne(`tg:${forum.chatId}:${live.messageId}`).exec())?.deleted === true);
    fake.setTopicClosed(forum.chatId, live.topicId, true);
    await until('closed', () => core.inbox.get(liveId)?.topicClosed === true);

    expect(core.inbox.get(`tg:${forum.chatId}:1`)).toBeUndefined();
  });

  it('catches up after a gap without losing or duplicating anything', async () => {
    const { fake, customer, forum } = world();
    const core = await coreFor(fake);
    await signInAndPick(core, forum.chatId);
    const topic = fake.customerCreatesTopic(forum.chatId, customer.id, 'Gap test', 'one');
    const ticketId = `tg:${forum.chatId}:${topic.topicId}`;
    await until('first message', async () => (await core.db.messages.count({ selector: { ticketId } }).exec()) === 1);
    fake.dropUpdates(2);
    fake.customerWrites(forum.chatId, topic.topicId, customer.id, 'two');
    fake.customerWrites(forum.chatId, topic.topicId, customer.id, 'three');
    fake.customerWrites(forum.chatId, topic.topicId, customer.id, 'four');
    await until('catch-up', async () => (await core.db.messages.count({ selector: { ticketId } }).exec()) === 4);
    const texts = (await core.db.messages.find({ selector: { ticketId }, sort: [{ sentAt: 'asc' }] }).exec()).map((m) => m.text);
    expect(texts.sort()).toEqual(['four', 'one', 'three', 'two']);
    expect(core.inbox.get(ticketId)?.unreadCount).toBe(4);
    expect(fake.requests).toContain('updates.GetChannelDifference');
  });

  it('keeps live updates that arrive during a backfill, counting a message that is also in the history once', async () => {
    const { fake, customer, forum } = world();
    const topics = ['First', 'Second', 'Third'].map((title) => fake.customerCreatesTopic(forum.chatId, customer.id, title, `${title}: hello`));
    let duringBackfill: (() => void) | null = () => {
      // The forum's pts was read before this: all of these reach the core as live updates while
      // the backfill still runs, and the two written into listed topics are in their history too.
      for (const topic of topics.slice(0, 2)) fake.customerWrites(forum.chatId, topic.topicId, customer.id, 'written during the backfill');
      fake.customerCreatesTopic(forum.chatId, customer.id, 'Opened during the backfill', 'new here');
    };
    class BackfillHook extends GramjsGateway {
      override async getTopicHistory(...args: Parameters<GramjsGateway['getTopicHistory']>) {
        const hook = duringBackfill;
        duringBackfill = null;
        hook?.();
        // Let the live updates reach the core before this history page does.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return super.getTopicHistory(...args);
      }
    }
    const core = await startCore({
      workspace: 'tg',
      storage: { kind: 'memory' },
      log: () => {},
      createTelegramGateway: (session) => new BackfillHook({ ...API, session, clientFactory: fake.clientFactory, onHandlerError: () => {} }),
    });
    cores.push(core);
    await signInAndPick(core, forum.chatId);
    await until('backfill and live updates', async () => core.status.value.backfill === null && (await core.db.messages.count().exec()) === 6);
    await core.telegram.activeSync?.idle();
    expect(duringBackfill).toBeNull();
    const unread = topics.map((t) => core.inbox.get(`tg:${forum.chatId}:${t.topicId}`)?.unreadCount);
    expect(unread).toEqual([2, 2, 1]);
    const opened = [...core.inbox.all()].find((t) => t.subject === 'Opened during the backfill');
    expect(opened).toMatchObject({ unreadCount: 1, lastMessagePreview: 'new here' });
  });

  it('sends a reply into the right topic, marks it sent, and keeps everything across a restart', async () => {
    const { fake, customer, forum } = world();
    const dir = mkdtempSync(join(tmpdir(), 'td-tg-'));
    dirs.push(dir);
    const secrets = new MemorySecretStore();
    const core = await coreFor(fake, secrets, { kind: 'denokv', dataDir: dir });
    await signInAndPick(core, forum.chatId);
    const topic = fake.customerCreatesTopic(forum.chatId, customer.id, 'Where is it?', 'Parcel?');
    const ticketId = `tg:${forum.chatId}:${topic.topicId}`;
    await until('ticket', () => core.inbox.get(ticketId) !== undefined);

    const sent = await core.dispatcher.call('messages.send', { ticketId, kind: 'agent', text: 'It left our warehouse today.' });
    expect(sent.ok).toBe(true);
    await core.dispatcher.call('messages.send', { ticketId, kind: 'note', text: 'Customer is a VIP, be nice' });
    await until('sent', () => fake.sentMessages.length === 1);
    const request = fake.sentMessages[0];
    expect(request?.message).toBe('It left our warehouse today.');
    expect(request?.replyTo).toMatchObject({ replyToMsgId: topic.topicId });
    await until('delivery sent', async () => (await core.db.messages.count({ selector: { ticketId, deliveryState: 'sent' } }).exec()) === 1);
    await until('first response recorded', () => (core.inbox.get(ticketId)?.firstResponseAt ?? null) !== null);
    const countBefore = await core.db.messages.count({ selector: { ticketId } }).exec();
    await core.dispose();
    cores.splice(cores.indexOf(core), 1);

    fake.customerWrites(forum.chatId, topic.topicId, customer.id, 'Thanks! (written while the app was closed)');
    const again = await coreFor(fake, secrets, { kind: 'denokv', dataDir: dir });
    await until('signed in again from the stored session', () => again.telegram.current.step === 'signed_in');
    await until('missed message caught up', async () => (await again.db.messages.count({ selector: { ticketId } }).exec()) === countBefore + 1);
    expect(fake.sentMessages).toHaveLength(1);
  });

  it('signs out with a clear message when the session is revoked, keeping the tickets', async () => {
    const { fake, agent, customer, forum } = world();
    const secrets = new MemorySecretStore();
    const core = await coreFor(fake, secrets);
    await signInAndPick(core, forum.chatId);
    fake.customerCreatesTopic(forum.chatId, customer.id, 'Kept', 'hi');
    await until('ticket', () => core.inbox.size === 1);
    fake.revokeSessions(agent.id);
    await core.telegram.resume();
    expect(core.telegram.current).toMatchObject({ step: 'signed_out', error: expect.stringMatching(/session ended/) });
    expect(await secrets.get('telegram.session')).toBeNull();
    expect(core.inbox.size).toBe(1);
  });
});
