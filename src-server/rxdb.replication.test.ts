// RxDB's own CouchDB replication (what the core uses) against the embedded server, with the
// replication fetch: two memory databases replicate live through it, the design document stays
// out of the collection, and a write the rules refuse surfaces on `error$`.
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReplicationFetch } from './replication.fetch';
import { PASSWORD, startTestServer, type TestServer } from './sync.testkit';

interface TicketDoc {
  id: string;
  subject: string;
  status: string;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 100 }, subject: { type: 'string' }, status: { type: 'string' } },
  required: ['id', 'subject', 'status'],
} as const;

interface Client {
  db: RxDatabase<{ tickets: RxCollection<TicketDoc> }>;
  replication: RxCouchDBReplicationState<TicketDoc>;
  errors: unknown[];
}

let t: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestServer();
  await t.addUser('tg3001', ['agent']);
  await t.addUser('tg3002', ['agent']);
});
afterAll(async () => {
  for (const client of clients) {
    await client.replication.cancel();
    await client.db.close();
  }
  await t.cleanup();
});

async function startClient(user: string): Promise<Client> {
  const db = await createRxDatabase<{ tickets: RxCollection<TicketDoc> }>({
    name: `client-${user}-${clients.length}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections({ tickets: { schema } });
  const replication = replicateCouchDB<TicketDoc>({
    replicationIdentifier: `td-rx-tickets-${user}`,
    collection: db.tickets,
    url: new URL('td-rx-tickets/', t.server.url).toString(),
    fetch: createReplicationFetch({ username: user, password: PASSWORD }),
    live: true,
    pull: {},
    push: {},
    waitForLeadership: false,
    retryTime: 200,
  });
  const client: Client = { db, replication, errors: [] };
  replication.error$.subscribe((error) => client.errors.push(error));
  clients.push(client);
  await replication.awaitInitialReplication();
  return client;
}

describe('RxDB replication', () => {
  it('replicates live between two apps, without the design document', async () => {
    const a = await startClient('tg3001');
    const b = await startClient('tg3002');
    await a.db.tickets.insert({ id: 'tg:1:1', subject: 'Where is my parcel?', status: 'open' });
    await vi.waitFor(async () => expect(await b.db.tickets.findOne('tg:1:1').exec()).not.toBeNull(), { timeout: 10_000, interval: 50 });

    const seen = await b.db.tickets.findOne('tg:1:1').exec();
    await seen?.incrementalPatch({ status: 'in_progress' });
    await vi.waitFor(async () => expect((await a.db.tickets.findOne('tg:1:1').exec())?.status).toBe('in_progress'), {
      timeout: 10_000,
      interval: 50,
    });
    const ids = (await b.db.tickets.find().exec()).map((doc) => doc.id);
    expect(ids).toEqual(['tg:1:1']);
    expect(a.errors).toEqual([]);
  });

  it('reports a refused write on error$ (and keeps retrying it), leaving the server unchanged', async () => {
    const a = clients[0] ?? (await startClient('tg3001'));
    const doc = await a.db.tickets.findOne('tg:1:1').exec();
    await doc?.incrementalPatch({ status: 'closed' }); // in_progress → closed skips resolved
    await vi.waitFor(() => expect(a.errors.length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
    expect(JSON.stringify(a.errors[0])).toContain('forbidden');
    const stored = await t.admin.request('GET', 'td-rx-tickets/tg%3A1%3A1');
    expect(stored.body).toMatchObject({ status: 'in_progress' });
  });
});
