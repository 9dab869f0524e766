// Fault test: an app (DenoKV storage on disk) makes changes while the team server is down, is
// restarted with those changes still pending, and only then does the server come back: the app
// knows what is pending straight after the restart, and the changes arrive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/secret.store';
import { newTicket } from '../tickets/ticket.factory';
import { addSyncUser, serverDocuments, startServerProcess, type ServerProcess } from './testing/sync-server.process';
import { connectPeer, eventually, isUpToDate, startPeer, testClock, WORKSPACE, type Peer } from './testing/sync.peers';

let tmp: string;
let server: ServerProcess;
let app: Peer | null = null;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-restart-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  await addSyncUser(server.url, 'tg1001', ['agent']);
});

afterAll(async () => {
  await app?.dispose();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a restart with pending changes while the server is down', () => {
  it('keeps the changes and pushes them when the server is back', async () => {
    const storage = { kind: 'denokv', dataDir: join(tmp, 'app') } as const;
    // The keychain outlives the app: the password is still there after the restart.
    const secrets = new MemorySecretStore();
    const clock = testClock();
    let peer = await startPeer({ storage, secrets, clock });
    app = peer;
    await connectPeer(peer, server.url, 'tg1001');
    await peer.core.db.tickets.insert(newTicket({ id: 'tg:400:1', subject: 'Already synced', createdAt: clock() }));
    await eventually(() => expect(isUpToDate(peer)).toBe(true));

    await server.kill();
    await peer.core.db.tickets.insert(newTicket({ id: 'tg:400:2', subject: 'Written offline', createdAt: clock() }));
    expect(await peer.core.dispatcher.call('tickets.setStatus', { ticketId: 'tg:400:1', status: 'resolved' })).toMatchObject({ ok: true });
    await eventually(() => expect(peer.syncStatus).toMatchObject({ state: 'offline' }));
    // At least the two tickets, the status change's event and its system line in the thread
    // (the app's automation may add its own facts).
    await eventually(() => expect(peer.syncStatus.pending).toBeGreaterThanOrEqual(4));
    await peer.core.automation.idle();
    const pendingBefore = peer.syncStatus.pending;
    await peer.dispose();

    peer = await startPeer({ storage, secrets, clock });
    app = peer;
    // Settings came back from disk and the keychain; nothing was pushed yet, and the app says so.
    expect(peer.sync.settings).toMatchObject({ enabled: true, url: server.url, username: 'tg1001', hasPassword: true });
    await eventually(() => {
      expect(peer.syncStatus.state).toBe('offline');
      expect(peer.syncStatus.pending).toBeGreaterThanOrEqual(pendingBefore);
    });
    expect((await peer.core.db.tickets.findOne('tg:400:1').exec())?.status).toBe('resolved');

    server = await startServerProcess({ dataDir: server.dataDir, port: server.port });
    await eventually(() => expect(isUpToDate(peer)).toBe(true), 20_000);
    const onServer = new Map((await serverDocuments(server.url, `td-${WORKSPACE}-tickets`)).map((row) => [row.id, row.doc]));
    expect(onServer.get('tg:400:2')).toMatchObject({ subject: 'Written offline' });
    expect(onServer.get('tg:400:1')).toMatchObject({ status: 'resolved' });
    const events = await serverDocuments(server.url, `td-${WORKSPACE}-events`);
    expect(events.filter((row) => row.doc.ticketId === 'tg:400:1').map((row) => row.doc.type)).toContain('ticket.status_changed');
  });
});
