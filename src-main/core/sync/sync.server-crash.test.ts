// Fault test: the team server dies (SIGKILL) in the middle of a 300-ticket push and comes back on
// the same data dir and port. Both apps must end with all 300 tickets, the server with exactly 300
// documents and no conflicting revisions: nothing lost, nothing duplicated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newTicket } from '../tickets/ticket.factory';
import type { FetchLike } from './sync.fetch';
import { addSyncUser, asAdmin, serverDocuments, startServerProcess, type ServerProcess } from './testing/sync-server.process';
import { connectPeer, eventually, isUpToDate, startPeer, testClock, TEST_TUNING, WORKSPACE, type Peer } from './testing/sync.peers';

const COUNT = 300;
let tmp: string;
let server: ServerProcess;
let a: Peer;
let b: Peer;

/**
 * The first `_bulk_docs` of the ticket push goes through; then the server is killed. Pushes of
 * other batches that arrive meanwhile are held until it is dead, so exactly one batch is stored.
 */
let armed = false;
let killing: Promise<void> | null = null;
let storedAtKill = -1;
const tappedFetch: FetchLike = async (input, init) => {
  const url = new URL(String(input));
  if (!url.pathname.endsWith(`/td-${WORKSPACE}-tickets/_bulk_docs`)) return fetch(input, init);
  if (killing) {
    await killing;
    return fetch(input, init);
  }
  if (!armed) return fetch(input, init);
  armed = false;
  let done!: () => void;
  killing = new Promise<void>((resolve) => (done = resolve));
  const response = await fetch(input, init);
  storedAtKill = z.object({ doc_count: z.number() }).parse((await asAdmin(server.url, 'GET', `td-${WORKSPACE}-tickets`)).body).doc_count - 1;
  await server.kill();
  done();
  return response;
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-crash-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  await addSyncUser(server.url, 'tg1001', ['agent']);
  await addSyncUser(server.url, 'tg1002', ['agent']);
  const clock = testClock();
  a = await startPeer({ clock, tuning: { ...TEST_TUNING, fetch: tappedFetch, pushBatchSize: 25 } });
  b = await startPeer({ clock });
  await connectPeer(a, server.url, 'tg1001');
  await connectPeer(b, server.url, 'tg1002');
  await eventually(() => expect(isUpToDate(a) && isUpToDate(b)).toBe(true));
});

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the server dies in the middle of a push', () => {
  it('ends with all 300 tickets on both apps and the server, none twice', async () => {
    const port = server.port;
    armed = true;
    const ids = Array.from({ length: COUNT }, (_, i) => `tg:900:${1000 + i}`);
    await a.core.db.tickets.bulkInsert(ids.map((id, i) => newTicket({ id, subject: `Order question ${i}`, createdAt: 1_700_000_000_000 + i })));
    await eventually(() => expect(killing).not.toBeNull());
    await killing;
    // The push was cut short: one batch of 25 reached the server, the rest did not.
    expect(storedAtKill).toBe(25);
    await eventually(() => expect([a.syncStatus.state, b.syncStatus.state]).toEqual(['offline', 'offline']));
    expect(a.syncStatus.pending).toBeGreaterThan(0);

    server = await startServerProcess({ dataDir: server.dataDir, port });
    await eventually(async () => {
      expect(await b.core.db.tickets.count().exec()).toBe(COUNT);
      expect(isUpToDate(a) && isUpToDate(b)).toBe(true);
    }, 30_000);

    expect(await a.core.db.tickets.count().exec()).toBe(COUNT);
    const onServer = await serverDocuments(server.url, `td-${WORKSPACE}-tickets`);
    expect(onServer.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(onServer.filter((row) => row.doc._conflicts !== undefined)).toEqual([]);
    const info = await asAdmin(server.url, 'GET', `td-${WORKSPACE}-tickets`);
    // The design document with the rules is the one extra document.
    expect(info.body).toMatchObject({ doc_count: COUNT + 1 });
    const sample = (await b.core.db.tickets.findOne(ids[COUNT - 1]).exec())?.subject;
    expect(sample).toBe(`Order question ${COUNT - 1}`);
  });
});
