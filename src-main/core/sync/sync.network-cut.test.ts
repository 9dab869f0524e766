// Fault test: one agent's network is cut (a TCP forwarder in front of the server resets its
// connections and refuses new ones) while both agents edit the same tickets. Offline, every action
// still works and counts as pending; when the network is back, both apps converge per the merge
// rules: status only by legal moves, assignment first-claim-wins, other fields last-writer-wins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandParams } from '../../../src-preload/contract';
import { newTicket } from '../tickets/ticket.factory';
import { startNetworkCut, type NetworkCut } from './testing/network.cut';
import { addSyncUser, serverDocuments, startServerProcess, type ServerProcess } from './testing/sync-server.process';
import { connectPeer, eventually, isUpToDate, startPeer, testClock, WORKSPACE, type Peer } from './testing/sync.peers';

let tmp: string;
let server: ServerProcess;
let cable: NetworkCut;
let a: Peer;
let b: Peer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-cut-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  cable = await startNetworkCut(server.url);
  await addSyncUser(server.url, 'tg1001', ['agent']);
  await addSyncUser(server.url, 'tg1002', ['agent']);
  // Both machines keep the same time (NTP): who wrote last is decided by the time of each write.
  const clock = testClock();
  a = await startPeer({ clock });
  b = await startPeer({ clock });
  await connectPeer(a, server.url, 'tg1001');
  await connectPeer(b, cable.url, 'tg1002');
});

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await cable?.close();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function act<N extends CommandName>(peer: Peer, at: number, method: N, params: CommandParams<N>): Promise<void> {
  peer.clock.set(at);
  expect(await peer.core.dispatcher.call(method, params)).toMatchObject({ ok: true });
}

const ticketIn = async (peer: Peer, id: string) => (await peer.core.db.tickets.findOne(id).exec())?.toMutableJSON();
const T0 = 1_700_001_000_000;

describe('one agent offline while both edit the same tickets', () => {
  it('converges by the merge rules when the network is back, with nothing lost', async () => {
    const [shared, closing] = ['tg:300:1', 'tg:300:2'];
    await a.core.db.tickets.bulkInsert([
      newTicket({ id: shared, subject: 'Damaged on arrival', createdAt: T0 - 1000 }),
      newTicket({ id: closing, subject: 'Invoice copy', createdAt: T0 - 1000 }),
    ]);
    await eventually(async () => {
      expect(await b.core.db.tickets.count().exec()).toBe(2);
      expect(isUpToDate(a) && isUpToDate(b)).toBe(true);
    });

    cable.cut();
    await eventually(() => expect(b.syncStatus.state).toBe('offline'));

    // Both edit, in this order of time; B's edits wait on B's machine. (Steps of 10 s, so the
    // apps' own automatic writes in between never reorder them.)
    const at = (step: number) => T0 + step * 10_000;
    await act(b, at(1), 'tickets.setPriority', { ticketId: shared, priority: 'low' });
    await act(a, at(2), 'tickets.setPriority', { ticketId: shared, priority: 'high' });
    await act(a, at(3), 'tickets.assign', { ticketId: shared, assigneeId: 'agent:a' });
    await act(a, at(4), 'tickets.setStatus', { ticketId: shared, status: 'in_progress' });
    await act(a, at(5), 'tickets.setStatus', { ticketId: closing, status: 'resolved' });
    await eventually(async () => expect((await serverDocuments(server.url, `td-${WORKSPACE}-tickets`)).find((r) => r.id === closing)?.doc.status).toBe('resolved'));
    await act(a, at(6), 'tickets.setStatus', { ticketId: closing, status: 'closed' });
    await eventually(() => expect(isUpToDate(a)).toBe(true));

    await act(b, at(7), 'tickets.setTags', { ticketId: shared, tags: ['vip'] });
    await act(b, at(8), 'tickets.assign', { ticketId: shared, assigneeId: 'agent:b' });
    await act(b, at(9), 'tickets.setStatus', { ticketId: shared, status: 'waiting_on_customer' });
    await act(b, at(10), 'tickets.setStatus', { ticketId: closing, status: 'in_progress' });
    // Offline, every action still worked locally and waits as pending.
    expect(await ticketIn(b, shared)).toMatchObject({ status: 'waiting_on_customer', assigneeId: 'agent:b', priority: 'low', tags: ['vip'] });
    await eventually(() => {
      expect(b.syncStatus.state).toBe('offline');
      // Two tickets, plus the events and the thread's system lines the actions recorded.
      expect(b.syncStatus.pending).toBeGreaterThanOrEqual(2);
    });
    const bEvents = (await b.core.db.events.find().exec()).map((event) => event.id);

    cable.restore();
    b.sync.resume();

    const expected = {
      [shared]: {
        // B's move is newer and legal from the server's in_progress.
        status: 'waiting_on_customer',
        // A claimed first; B's later claim does not take it over.
        assigneeId: 'agent:a',
        // Both set the priority: A's is the later write, although B's arrived last.
        priority: 'high',
        // Only B changed the tags.
        tags: ['vip'],
      },
      // closed → in_progress is not a legal move: the server's closed stands.
      [closing]: { status: 'closed', resolvedAt: expect.any(Number), closedAt: expect.any(Number) },
    };
    await eventually(async () => {
      for (const peer of [a, b]) {
        expect(await ticketIn(peer, shared)).toMatchObject(expected[shared] ?? {});
        expect(await ticketIn(peer, closing)).toMatchObject(expected[closing] ?? {});
      }
      expect(isUpToDate(a) && isUpToDate(b)).toBe(true);
      // Identical, field for field: the merge answers each app's automation reacts to (SLA fields
      // of a ticket whose status the merge changed) are writes too, and must converge as well.
      expect(await ticketIn(a, shared)).toEqual(await ticketIn(b, shared));
      expect(await ticketIn(a, closing)).toEqual(await ticketIn(b, closing));
    }, 20_000);
    const onServer = await serverDocuments(server.url, `td-${WORKSPACE}-tickets`);
    expect(onServer.find((row) => row.id === shared)?.doc).toMatchObject(expected[shared] ?? {});
    expect(onServer.filter((row) => row.doc._conflicts !== undefined)).toEqual([]);

    // Nothing recorded offline was lost: B's activity reached A.
    const aEvents = new Set((await a.core.db.events.find().exec()).map((event) => event.id));
    expect(bEvents.filter((id) => !aEvents.has(id))).toEqual([]);
    expect(b.sync.settings.refusals).toEqual([]);
  });
});
