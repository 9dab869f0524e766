// Tests for the sync service's settings and states against the real team server (its own process,
// loopback): the password checked before anything is saved, address and user in local state and
// the password in the secret store, offline when nothing answers, a refused password said plainly,
// switching off, and the Settings view through the contract's handlers.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandError } from '../../../src-preload/contract';
import { SyncConfig, SyncSettings } from '../../../src-preload/contract/sync.contract';
import { MemorySecretStore } from '../secrets/secret.store';
import { newTicket } from '../tickets/ticket.factory';
import { syncHandlers } from './sync.handlers';
import { SYNC_PASSWORD_SECRET, SYNC_SETTINGS_KEY } from './sync.service';
import { addSyncUser, serverDocuments, startServerProcess, TEST_PASSWORD, type ServerProcess } from './testing/sync-server.process';
import { eventually, isUpToDate, startPeer, WORKSPACE, type Peer } from './testing/sync.peers';

let tmp: string;
let server: ServerProcess;
const peers: Peer[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'td-sync-service-'));
  server = await startServerProcess({ dataDir: join(tmp, 'server') });
  await addSyncUser(server.url, 'tg1001', ['agent']);
  await addSyncUser(server.url, 'tg1003', ['agent']);
});

afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.dispose()));
});

afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function peer(options: Parameters<typeof startPeer>[0] = {}): Promise<Peer> {
  const started = await startPeer(options);
  peers.push(started);
  return started;
}

const Stored = z.object({ enabled: z.boolean(), url: z.string(), username: z.string(), roles: z.array(z.string()).nullable().optional() });

describe('SyncService settings', () => {
  it('refuses a wrong password and saves nothing', async () => {
    const app = await peer();
    const attempt = app.sync.configure({ url: server.url, username: 'tg1001', password: 'not-the-password' });
    await expect(attempt).rejects.toBeInstanceOf(CommandError);
    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized', message: 'The sync server refused the password of tg1001.' });
    expect(app.sync.settings).toMatchObject({ enabled: false, url: null, hasPassword: false });
    expect(await app.core.local.get(SYNC_SETTINGS_KEY, Stored.nullable(), null)).toBeNull();
    expect(await app.secrets.get(SYNC_PASSWORD_SECRET)).toBeNull();
    expect(app.syncStatus.state).toBe('off');
  });

  it('keeps address and user in local state and the password in the secret store, never in the URL', async () => {
    const app = await peer();
    const withCredentials = server.url.replace('http://', `http://tg1001:${TEST_PASSWORD}@`);
    const settings = await app.sync.configure({ url: withCredentials });
    expect(settings).toMatchObject({ enabled: true, url: server.url, username: 'tg1001', hasPassword: true });
    expect(await app.core.local.get(SYNC_SETTINGS_KEY, Stored.nullable(), null)).toEqual({ enabled: true, url: server.url, username: 'tg1001', roles: ['agent'] });
    expect(await app.secrets.get(SYNC_PASSWORD_SECRET)).toBe(TEST_PASSWORD);
    expect(JSON.stringify(settings)).not.toContain(TEST_PASSWORD);
    await eventually(() => expect(isUpToDate(app)).toBe(true));
  });

  it('is offline, with the changes kept, when nothing answers at the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const app = await peer();
    await app.sync.configure({ url: `http://127.0.0.1:${port}/`, username: 'tg1001', password: TEST_PASSWORD });
    await app.core.db.tickets.insert(newTicket({ id: 'tg:600:1', subject: 'Offline from the start', createdAt: app.clock() }));
    // The server never had anything from this app (nor said what its user may change): all of it waits.
    const { db } = app.core;
    const everything = async () =>
      (await Promise.all([db.tickets, db.messages, db.agents, db.events, db.config].map((collection) => collection.count().exec()))).reduce((a, b) => a + b, 0);
    await eventually(async () => {
      const pending = await everything();
      expect(pending).toBeGreaterThan(1);
      expect(app.syncStatus).toEqual({
        state: 'offline',
        pending,
        detail: `Cannot reach the sync server (connection refused). ${pending} changes are kept on this device until it is back.`,
      });
    });
  });

  it('says so plainly when the server stops accepting the password, and recovers when it is set again', async () => {
    const app = await peer();
    await app.sync.configure({ url: server.url, username: 'tg1003', password: TEST_PASSWORD });
    await eventually(() => expect(isUpToDate(app)).toBe(true));

    await addSyncUser(server.url, 'tg1003', ['agent'], 'a-new-password');
    await app.core.db.tickets.insert(newTicket({ id: 'tg:600:2', subject: 'After the password change', createdAt: app.clock() }));
    await eventually(() => expect(app.syncStatus).toMatchObject({ state: 'error', detail: 'The sync server refused the password.', pending: expect.any(Number) }));
    expect(app.syncStatus.pending).toBeGreaterThan(0);

    await app.sync.configure({ url: server.url, username: 'tg1003', password: 'a-new-password' });
    await eventually(() => expect(isUpToDate(app)).toBe(true));
    expect((await serverDocuments(server.url, `td-${WORKSPACE}-tickets`)).map((row) => row.id)).toContain('tg:600:2');
  });

  it('switches off, forgetting the password but keeping the address; asks for the password after a restart without keychain', async () => {
    const secrets = new MemorySecretStore();
    const app = await peer({ secrets });
    await app.sync.configure({ url: server.url, username: 'tg1001', password: TEST_PASSWORD });
    const off = await app.sync.configure(null);
    expect(off).toMatchObject({ enabled: false, url: server.url, username: 'tg1001', hasPassword: false, status: { state: 'off' } });
    expect(await secrets.get(SYNC_PASSWORD_SECRET)).toBeNull();
    expect(app.syncStatus).toEqual({ state: 'off', pending: 0, detail: null });

    // Sync on, then the app restarts with a secret store that kept nothing (memory only).
    await app.sync.configure({ url: server.url, username: 'tg1001', password: TEST_PASSWORD });
    await secrets.delete(SYNC_PASSWORD_SECRET);
    await app.sync.dispose();
    const { createSyncService } = await import('./sync.service');
    const again = createSyncService({ db: app.core.db, status: app.core.status, local: app.core.local, secrets, clock: app.clock });
    await again.start();
    expect(app.syncStatus).toMatchObject({ state: 'error', detail: 'Enter the sync password again: it was not kept after the last restart.' });
    expect(again.settings).toMatchObject({ enabled: true, hasPassword: false, secretWarning: expect.stringContaining('memory only') });
    await again.dispose();
  });

  it('serves the contract: configure, the live Settings view, "sync now" and disable', async () => {
    const app = await peer();
    const handlers = syncHandlers(app.sync);
    const params = SyncConfig.parse({ url: ` ${server.url} `, username: 'tg1001', password: TEST_PASSWORD });
    SyncSettings.parse(await handlers.commands['sync.configure'](params));
    await eventually(() => expect(isUpToDate(app)).toBe(true));
    const view = SyncSettings.parse(await firstValueFrom(handlers.liveQueries['sync.settings']({})));
    expect(view).toMatchObject({ enabled: true, username: 'tg1001', status: { state: 'up_to_date' }, refusals: [] });
    expect(SyncSettings.parse(await handlers.commands['sync.resume']({})).enabled).toBe(true);
    expect((await handlers.commands['sync.disable']({})).status.state).toBe('off');
    expect(SyncConfig.safeParse({ url: 'couch.example', username: 'tg1001', password: 'x' }).success).toBe(false);
  });
});
