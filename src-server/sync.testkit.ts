// Test helpers (vitest only): an embedded sync server in a temp dir on a loopback port, and
// CouchDB HTTP calls as a given user. Nothing here ships in the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCouchDbClient, type CouchDbClient, type CouchResponse } from './couchdb.client';
import type { MemberRole } from './permissions.design';
import { startSyncServer, type SyncServer } from './sync.server';
import { putUser } from './users';

export const TEST_ADMIN = { name: 'admin', password: 'admin-password' } as const;
export const PASSWORD = 'password-123';

export interface TestServer {
  server: SyncServer;
  dataDir: string;
  /** Scratch space for the test (client databases etc.), removed by cleanup(). */
  tmp: string;
  admin: CouchDbClient;
  as(user: string, password?: string): CouchDbClient;
  anonymous: CouchDbClient;
  addUser(name: string, roles: MemberRole[]): Promise<CouchDbClient>;
  /** Starts a new server on the same data dir (after closing this one). */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const tmp = mkdtempSync(join(tmpdir(), 'td-sync-'));
  const dataDir = join(tmp, 'server');
  let server = await startSyncServer({ port: 0, dataDir, admin: TEST_ADMIN, log: () => undefined });
  const kit: TestServer = {
    server,
    dataDir,
    tmp,
    get admin() {
      return createCouchDbClient({ url: server.url, username: TEST_ADMIN.name, password: TEST_ADMIN.password });
    },
    get anonymous() {
      return createCouchDbClient({ url: server.url });
    },
    as: (user, password = PASSWORD) => createCouchDbClient({ url: server.url, username: user, password }),
    async addUser(name, roles) {
      await putUser(kit.admin, { name, password: PASSWORD, roles });
      return kit.as(name);
    },
    async restart() {
      await server.close();
      server = await startSyncServer({ port: 0, dataDir, admin: TEST_ADMIN, log: () => undefined });
      kit.server = server;
    },
    async cleanup() {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return kit;
}

/** The `error`/`reason` of a CouchDB answer, for readable assertions. */
export function couchError(response: CouchResponse): { status: number; error?: unknown; reason?: unknown } {
  const body = typeof response.body === 'object' && response.body !== null ? (response.body as Record<string, unknown>) : {};
  return { status: response.status, error: body.error, reason: body.reason };
}
