// Two agents' apps (real cores) syncing through the real team server (its own process, loopback):
// a ticket made in one appears in the other, status moves travel both ways, and the same Telegram
// update ingested by both apps ends as one document each, with no conflicts and no errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../src-preload/contract';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { messageFromTelegram, ticketFromTopic } from '../telegram-sync/telegram.ingest';
import { newTicket } from '../tickets/ticket.factory';
import { addSyncUser, serverDocuments, startServerProcess, type ServerProcess } from './testing/sync-server.process';
import { connectPeer, eventually, isUpToDate, startPeer, testClock, WORKSPACE, type Peer } from './testing/sync.peers';

let tmp: string;
let server: ServerProcess;
let a: Peer;
let b: Peer;
const seen = new Map<Peer, Set<AppStatus['sync']['state']>>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-two-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  await addSyncUser(server.url, 'tg1001', ['agent']);
  await addSyncUser(server.url, 'tg1002', ['agent']);
  // Both machines keep the same time (NTP); each write still gets its own instant.
  const clock = testClock();
  a = await startPeer({ clock });
  b = await startPeer({ clock });
  for (const peer of [a, b]) {
    const states = new Set<AppStatus['sync']['state']>();
    seen.set(peer, states);
    peer.core.status.changes.subscribe((status) => states.add(status.sync.state));
  }
  await connectPeer(a, server.url, 'tg1001');
  await connectPeer(b, server.url, 'tg1002');
});

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const ticketIn = async (peer: Peer, id: string) => (await peer.core.db.tickets.findOne(id).exec())?.toMutableJSON() ?? null;

describe('two apps syncing through the team server', () => {
  it('shows a ticket created in one app in the other, and status changes made in either in both', async () => {
    await eventually(() => expect(isUpToDate(a) && isUpToDate(b)).toBe(true));
    const id = 'tg:500:7';
    await a.core.db.tickets.insert(newTicket({ id, subject: 'My parcel never arrived', createdAt: a.clock() }));
    await eventually(async () => expect((await ticketIn(b, id))?.subject).toBe('My parcel never arrived'));

    b.clock.set(1_700_000_100_000); // the clock both apps share
    expect(await b.core.dispatcher.call('tickets.setStatus', { ticketId: id, status: 'in_progress' })).toMatchObject({ ok: true });
    await eventually(async () => expect((await ticketIn(a, id))?.status).toBe('in_progress'));

    a.clock.set(1_700_000_200_000);
    expect(await a.core.dispatcher.call('tickets.setStatus', { ticketId: id, status: 'resolved' })).toMatchObject({ ok: true });
    await eventually(async () => expect(await ticketIn(b, id)).toMatchObject({ status: 'resolved', resolvedAt: 1_700_000_200_000 }));

    // The activity log and the thread's system lines travel too, once each.
    await eventually(async () => {
      const events = await b.core.db.events.find({ selector: { ticketId: id, type: 'ticket.status_changed' } }).exec();
      expect(events.map((event) => event.data.to).sort()).toEqual(['in_progress', 'resolved']);
      expect(await a.core.db.messages.count({ selector: { ticketId: id, kind: 'system' } }).exec()).toBe(2);
    });
    await eventually(() => expect([a.syncStatus, b.syncStatus]).toEqual([
      { state: 'up_to_date', pending: 0, detail: null },
      { state: 'up_to_date', pending: 0, detail: null },
    ]));
    const onServer = await serverDocuments(server.url, `td-${WORKSPACE}-tickets`);
    expect(onServer.find((row) => row.id === id)?.doc).toMatchObject({ status: 'resolved' });
  });

  it('counts a local change as pending until the server has it', async () => {
    const id = 'tg:500:8';
    await a.core.db.tickets.insert(newTicket({ id, subject: 'Wrong size', createdAt: a.clock() }));
    // The write shows at once; it is pending until pushed, then the count falls back to 0.
    await eventually(() => expect(isUpToDate(a)).toBe(true));
    expect((await serverDocuments(server.url, `td-${WORKSPACE}-tickets`)).map((row) => row.id)).toContain(id);
    expect(seen.get(a)).toContain('syncing');
  });

  it('turns the same Telegram update ingested by both apps into one document each, without conflict noise', async () => {
    const topic = {
      chatId: '777',
      topicId: 42,
      title: 'Refund for order #1042',
      creatorId: '9001',
      createdAt: 1_700_000_340_000,
      closed: false,
      iconColor: 0,
      topMessageId: 42,
    };
    const creator = { id: '9001', firstName: 'Mia', lastName: null, username: 'mia', phone: null, isBot: false };
    const update = {
      chatId: '777',
      msgId: 43,
      topicId: 42,
      fromId: '9001',
      out: false,
      text: 'Where is my refund?',
      entities: [],
      media: null,
      date: 1_700_000_340_000,
      editDate: null,
      isService: false,
      action: null,
    };
    const authors = { isAgent: () => false, agentIdOf: (id: string) => `agent:${id}`, nameOf: () => null };
    a.clock.set(1_700_000_400_000); // the update is a minute old when the apps see it
    const ticket = ticketFromTopic(topic, creator);
    const message = toMessageDoc(messageFromTelegram(update, creator, authors));
    // Both apps ingest the same update before either push reaches the server.
    await Promise.all(
      [a, b].map(async (peer) => {
        await peer.core.db.tickets.insert(structuredClone(ticket));
        await peer.core.db.messages.insert(structuredClone(message));
      }),
    );

    await eventually(async () => {
      expect(isUpToDate(a) && isUpToDate(b)).toBe(true);
      expect(await ticketIn(a, ticket.id)).toEqual(await ticketIn(b, ticket.id));
    });
    const tickets = (await serverDocuments(server.url, `td-${WORKSPACE}-tickets`)).filter((row) => row.id === ticket.id);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.doc._conflicts).toBeUndefined();
    // The message nobody changes afterwards: one revision, the second app found its copy there and wrote nothing.
    const messages = (await serverDocuments(server.url, `td-${WORKSPACE}-messages`)).filter((row) => row.id === message.id);
    expect(messages.map((row) => row.doc._rev)).toEqual([expect.stringMatching(/^1-/)]);
    for (const peer of [a, b]) {
      expect((await peer.core.db.messages.findOne(message.id).exec())?.toMutableJSON()).toEqual(message);
      expect(seen.get(peer)).not.toContain('error');
      expect(peer.sync.settings.refusals).toEqual([]);
    }
  });
});
