import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage, ThreadPage } from '../../src-preload/contract';
import { MemorySecretStore } from './secrets/secret.store';
import { startCore, type Core } from './start-core';
import type { TelegramGateway } from './telegram/telegram.gateway';
import { SESSION_SECRET } from './telegram-sync/telegram-account.service';
import { newTicket } from './tickets/ticket.factory';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function memoryCore(): Promise<Core> {
  let now = 1_700_000_000_000;
  const core = await startCore({ workspace: 'test', storage: { kind: 'memory' }, validate: true, clock: () => (now += 1000), log: () => {} });
  cores.push(core);
  return core;
}

/** A bridge client on a dispatcher session that records everything the core sends. */
function session(core: Core) {
  const received: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  const s = core.dispatcher.openSession((message) => {
    received.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> => {
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { session: s, received, next };
}

describe('startCore', () => {
  it('answers a malformed message with a typed error and keeps serving', async () => {
    const core = await memoryCore();
    const { session: s, next } = session(core);
    s.receive({ type: 'call', id: 1, method: 'tickets.setStatus', params: { ticketId: 'x', status: 'flying' } });
    s.receive('not even an object');
    s.receive({ type: 'call', id: 2, method: 'nope', params: {} });
    s.receive({ type: 'call', id: 3, method: 'app.ping', params: {} });

    const invalid = await next((m) => m.type === 'result' && m.id === 1);
    expect(invalid).toMatchObject({ result: { ok: false, error: { code: 'invalid_params' } } });
    expect(JSON.stringify(invalid)).toContain('status');
    expect(await next((m) => m.type === 'error' && m.id === null)).toMatchObject({ error: { code: 'bad_message' } });
    expect(await next((m) => m.type === 'result' && m.id === 2)).toMatchObject({ result: { ok: false, error: { code: 'unknown_method' } } });
    expect(await next((m) => m.type === 'result' && m.id === 3)).toMatchObject({ result: { ok: true } });
  });

  it('refuses an illegal status move and records a legal one in the log and the thread', async () => {
    const core = await memoryCore();
    core.status.update({ me: { agentId: 'agent:1', name: 'Ada' } });
    await core.db.tickets.insert(newTicket({ id: 'tg:1:10', subject: 'Where is my order?', createdAt: 1 }));

    const illegal = await core.dispatcher.call('tickets.setStatus', { ticketId: 'tg:1:10', status: 'closed' });
    expect(illegal).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const legal = await core.dispatcher.call('tickets.setStatus', { ticketId: 'tg:1:10', status: 'resolved' });
    expect(legal).toMatchObject({ ok: true, value: { status: 'resolved' } });
    const ticket = await core.db.tickets.findOne('tg:1:10').exec();
    expect(ticket?.resolvedAt).toBeGreaterThan(0);
    expect(ticket?.fieldTimes.status).toBeGreaterThan(0);
    const events = await core.db.events.find({ selector: { type: 'ticket.status_changed' } }).exec();
    expect(events.map((e) => e.data)).toEqual([{ from: 'open', to: 'resolved' }]);
    const system = await core.db.messages.find({ selector: { kind: 'system' } }).exec();
    expect(system.map((m) => m.text)).toContain('Ada changed the status to Resolved');
  });

  it('streams a live list and updates it when a ticket changes', async () => {
    const core = await memoryCore();
    core.status.update({ me: { agentId: 'agent:1', name: 'Ada' } });
    await core.db.tickets.bulkInsert([
      newTicket({ id: 't1', subject: 'A', createdAt: 1, lastMessageAt: 10 }),
      newTicket({ id: 't2', subject: 'B', createdAt: 2, lastMessageAt: 20 }),
    ]);
    const { session: s, received, next } = session(core);
    s.receive({ type: 'subscribe', id: 7, query: 'tickets.list', params: { view: 'unassigned', sort: 'activity' } });
    const first = await next((m) => m.type === 'data' && m.id === 7);
    expect(first).toMatchObject({ value: { total: 2, items: [{ id: 't2' }, { id: 't1' }] } });

    await core.dispatcher.call('tickets.assign', { ticketId: 't2', assigneeId: 'agent:1' });
    const second = await next((m) => m.type === 'data' && m.id === 7 && m !== first);
    expect(second).toMatchObject({ value: { total: 1, items: [{ id: 't1' }] } });

    s.receive({ type: 'unsubscribe', id: 7 });
    const count = received.length;
    await core.dispatcher.call('tickets.assign', { ticketId: 't1', assigneeId: 'agent:1' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.filter((m) => m.type === 'data').length).toBe(received.slice(0, count).filter((m) => m.type === 'data').length);
  });

  it('finds tickets by the text of their messages, including messages that arrive later', async () => {
    const core = await memoryCore();
    await core.db.tickets.bulkInsert([newTicket({ id: 't1', subject: 'Help', createdAt: 1 }), newTicket({ id: 't2', subject: 'Other', createdAt: 1 })]);
    const { session: s, received, next } = session(core);
    s.receive({ type: 'subscribe', id: 3, query: 'tickets.list', params: { view: 'all', search: 'ZX-4411' } });
    expect(await next((m) => m.type === 'data' && m.id === 3)).toMatchObject({ value: { total: 0 } });
    await core.db.messages.insert({
      id: 'tg:1:9', ticketId: 't2', kind: 'customer', authorId: null, authorName: 'c', text: 'My waybill is ZX-4411', entities: [], media: null,
      sentAt: 2, editedAt: null, deleted: false, delivery: null, createdAt: 2, deliveryState: 'none',
    });
    await next((m) => m.type === 'data' && m.id === 3 && (m.value as { total: number }).total === 1);
    const last = received.filter((m) => m.type === 'data' && m.id === 3).at(-1) as { value: { items: { id: string }[] } };
    expect(last.value.items.map((t) => t.id)).toEqual(['t2']);
  });

  it('serves the inbox while Telegram is still connecting (offline start), and resumes the session after', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(SESSION_SECRET, 'stored-session');
    let failConnect = (): void => undefined;
    const connecting = new Promise<void>((_resolve, reject) => (failConnect = () => reject(new Error('network unreachable'))));
    const offlineGateway = { connect: () => connecting, dispose: async () => undefined } as unknown as TelegramGateway;
    const core = await startCore({ workspace: 'offline', storage: { kind: 'memory' }, secrets, createTelegramGateway: () => offlineGateway, log: () => {} });
    cores.push(core);
    await core.db.tickets.insert(newTicket({ id: 't1', subject: 'Kept offline', createdAt: 1 }));
    const { session: s, next } = session(core);
    s.receive({ type: 'subscribe', id: 1, query: 'tickets.list', params: { view: 'all' } });
    expect(await next((m) => m.type === 'data' && m.id === 1 && (m.value as { total: number }).total === 1)).toBeTruthy();
    expect(core.telegram.current.step).not.toBe('signed_in');

    failConnect();
    await core.started;
    // No cached account to fall back on: the session is given up and the agent asked to sign in.
    expect(core.telegram.current.step).toBe('signed_out');
  });

  it('keeps tickets and queued replies across a restart on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicdesk-core-'));
    dirs.push(dir);
    const first = await startCore({ workspace: 'disk', storage: { kind: 'denokv', dataDir: dir }, log: () => {} });
    first.status.update({ me: { agentId: 'agent:1', name: 'Ada' } });
    await first.db.tickets.insert(newTicket({ id: 'tg:1:5', subject: 'Refund', createdAt: 1 }));
    const sent = await first.dispatcher.call('messages.send', { ticketId: 'tg:1:5', kind: 'agent', text: 'On it!' });
    expect(sent.ok).toBe(true);
    await first.dispose();

    const second = await startCore({ workspace: 'disk', storage: { kind: 'denokv', dataDir: dir }, log: () => {} });
    cores.push(second);
    expect(second.inbox.get('tg:1:5')?.subject).toBe('Refund');
    const { session: s, next } = session(second);
    s.receive({ type: 'subscribe', id: 1, query: 'messages.thread', params: { ticketId: 'tg:1:5' } });
    const thread = (await next((m) => m.type === 'data' && m.id === 1)) as { value: ThreadPage };
    expect(thread.value.items.find((m) => m.kind === 'agent')).toMatchObject({ text: 'On it!', delivery: { state: 'queued' } });
  });
});
