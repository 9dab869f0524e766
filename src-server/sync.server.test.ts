// The embedded sync server over real HTTP on loopback: welcome, authentication, on-demand
// workspace databases, the permission rules as clients meet them, and restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docPath } from './couchdb.client';
import { DESIGN_DOC_ID, validateDocUpdateSource } from './permissions.design';
import { startSyncServer } from './sync.server';
import { couchError, PASSWORD, startTestServer, TEST_ADMIN, type TestServer } from './sync.testkit';
import { workspaceSecurity } from './workspace.databases';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await t.addUser('tg1001', ['agent']);
  await t.addUser('tg1002', ['agent']);
  await t.addUser('lena', ['lead']);
});
afterAll(async () => {
  await t.cleanup();
});

const ticket = (status: string) => ({ subject: 'Parcel late', status, priority: 'normal', tags: [] });

async function put(client: TestServer['admin'], db: string, id: string, doc: Record<string, unknown>) {
  return client.request('PUT', docPath(db, id), doc);
}

async function revOf(db: string, id: string): Promise<string> {
  const response = await t.admin.request('GET', docPath(db, id));
  return String((response.body as { _rev: string })._rev);
}

describe('welcome', () => {
  it('answers CouchDB’s welcome without credentials', async () => {
    const response = await t.anonymous.request('GET', '');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ couchdb: 'Welcome', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });
});

describe('authentication', () => {
  it('answers 401 to anything else without valid credentials', async () => {
    for (const path of ['_session', '_all_dbs', 'td-acme-tickets', 'td-acme-tickets/_changes', '_users/_all_docs', 'nothing-here']) {
      const response = await t.anonymous.request('GET', path);
      expect(couchError(response), path).toMatchObject({ status: 401, error: 'unauthorized' });
    }
    expect((await t.anonymous.request('POST', 'td-acme-tickets/_bulk_docs', { docs: [ticket('open')] })).status).toBe(401);
    expect((await t.as('tg1001', 'wrong-password').request('GET', 'td-acme-tickets')).status).toBe(401);
    expect((await t.as('nobody').request('GET', '_session')).status).toBe(401);
  });

  it('accepts the admin and agent users by Basic auth', async () => {
    const admin = await t.admin.request('GET', '_session');
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ userCtx: { name: TEST_ADMIN.name, roles: expect.arrayContaining(['_admin']) } });
    const agent = await t.as('tg1001').request('GET', '_session');
    expect(agent.status).toBe(200);
    expect(agent.body).toMatchObject({ userCtx: { name: 'tg1001', roles: ['agent'] } });
    expect((await t.as('tg1001').request('GET', 'td-acme-tickets')).status).toBe(200);
  });

  it('logs in through _session and accepts the AuthSession cookie', async () => {
    const login = await fetch(new URL('_session', t.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tg1001', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ ok: true, name: 'tg1001', roles: ['agent'] });
    const cookie = /AuthSession=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();

    const withCookie = await fetch(new URL('td-acme-tickets', t.server.url), { headers: { cookie: cookie ?? '' } });
    expect(withCookie.status).toBe(200);
    const forged = await fetch(new URL('td-acme-tickets', t.server.url), { headers: { cookie: 'AuthSession=dGcxMDAxOjY1QUJDREVGOmZvcmdlZA' } });
    expect(forged.status).toBe(401);
    const badLogin = await fetch(new URL('_session', t.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tg1001', password: 'nope-nope' }),
    });
    expect(badLogin.status).toBe(401);
    const logout = await fetch(new URL('_session', t.server.url), { method: 'DELETE', headers: { cookie: cookie ?? '' } });
    expect(logout.status).toBe(200);
  });

  it('lets nobody but the server admin change users (no self-promotion)', async () => {
    const agent = t.as('tg1001');
    const own = await agent.request('GET', docPath('_users', 'org.couchdb.user:tg1001'));
    expect(own.status).toBe(200);
    const promoted = { ...(own.body as Record<string, unknown>), roles: ['admin'] };
    expect(couchError(await agent.request('PUT', docPath('_users', 'org.couchdb.user:tg1001'), promoted))).toMatchObject({
      status: 403,
      error: 'forbidden',
    });
    expect((await agent.request('GET', '_session')).body).toMatchObject({ userCtx: { roles: ['agent'] } });
    expect((await agent.request('GET', '_all_dbs')).status).toBe(403);
    // Other users' documents (password hashes) stay hidden.
    for (const path of [docPath('_users', 'org.couchdb.user:lena'), '_users/_all_docs', '_users/_changes?include_docs=true']) {
      expect((await agent.request('GET', path)).status, path).toBe(403);
    }
  });
});

describe('workspace databases on demand', () => {
  it('creates a database on first touch, with members-only security and the rules', async () => {
    const db = 'td-fresh-messages';
    const [first, second] = await Promise.all([
      t.as('tg1001').request('GET', db),
      t.as('tg1002').request('GET', `${db}/_all_docs`),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);

    expect((await t.admin.request('GET', `${db}/_security`)).body).toEqual(workspaceSecurity);
    const design = await t.admin.request('GET', docPath(db, DESIGN_DOC_ID));
    expect(design.status).toBe(200);
    expect(design.body).toMatchObject({ validate_doc_update: validateDocUpdateSource('messages') });
    expect((await t.admin.request('GET', '_all_dbs')).body).toEqual(expect.arrayContaining([db]));
  });

  it('creates nothing for names outside the td-<workspace>-<collection> scheme', async () => {
    expect((await t.as('tg1001').request('GET', 'td-acme-secrets')).status).toBe(404);
    expect((await t.as('tg1001').request('GET', 'td-ACME-tickets')).status).toBe(404);
    expect((await t.as('tg1001').request('PUT', 'random-db')).status).toBe(401);
  });

  it('keeps the rules out of agents’ and leads’ reach', async () => {
    await t.as('tg1001').request('GET', 'td-acme-tickets');
    const rev = await revOf('td-acme-tickets', DESIGN_DOC_ID);
    const replaced = { _rev: rev, validate_doc_update: 'function () {}' };
    for (const user of ['tg1001', 'lena']) {
      const response = await put(t.as(user), 'td-acme-tickets', DESIGN_DOC_ID, replaced);
      expect([401, 403], user).toContain(response.status);
    }
  });
});

describe('permission rules', () => {
  it('lets a lead, not an agent, write a routing rule', async () => {
    const rule = { kind: 'routingrule', data: { name: 'VIP first', conditions: [{ tier: 'vip' }], target: { agentId: 'agent:1001' } } };
    expect(couchError(await put(t.as('tg1001'), 'td-acme-config', 'routingrule:r1', rule))).toMatchObject({
      status: 403,
      error: 'forbidden',
      reason: expect.stringContaining('leads and admins'),
    });
    expect((await put(t.as('lena'), 'td-acme-config', 'routingrule:r1', rule)).status).toBe(201);
  });

  it('refuses to delete a ticket, even for the admin', async () => {
    expect((await put(t.as('tg1001'), 'td-acme-tickets', 'tg:1:10', ticket('open'))).status).toBe(201);
    const rev = await revOf('td-acme-tickets', 'tg:1:10');
    for (const client of [t.as('tg1001'), t.as('lena'), t.admin]) {
      const response = await client.request('DELETE', `${docPath('td-acme-tickets', 'tg:1:10')}?rev=${rev}`);
      expect(couchError(response)).toMatchObject({ status: 403, error: 'forbidden', reason: expect.stringContaining('never deleted') });
    }
    const bulk = await t.as('tg1001').request('POST', 'td-acme-tickets/_bulk_docs', { docs: [{ _id: 'tg:1:10', _rev: rev, _deleted: true }] });
    expect(bulk.body).toEqual([expect.objectContaining({ id: 'tg:1:10', error: 'forbidden' })]);
  });

  it('moves a ticket only along the status workflow', async () => {
    const agent = t.as('tg1001');
    expect((await put(agent, 'td-acme-tickets', 'tg:1:11', ticket('open'))).status).toBe(201);
    const rev1 = await revOf('td-acme-tickets', 'tg:1:11');
    expect(couchError(await put(agent, 'td-acme-tickets', 'tg:1:11', { ...ticket('closed'), _rev: rev1 }))).toMatchObject({
      status: 403,
      reason: expect.stringContaining('cannot move from open to closed'),
    });
    expect((await put(agent, 'td-acme-tickets', 'tg:1:11', { ...ticket('in_progress'), _rev: rev1 })).status).toBe(201);
    expect((await t.admin.request('GET', docPath('td-acme-tickets', 'tg:1:11'))).body).toMatchObject({ status: 'in_progress' });
  });

  it('lets an agent change only the availability of their own agent document', async () => {
    const agentDoc = { tgUserId: '1001', name: 'Ann', role: 'agent', skills: [], languages: ['en'], capacity: 5, availability: 'online', updatedAt: 1 };
    expect((await put(t.as('tg1001'), 'td-acme-agents', 'agent:1001', agentDoc)).status).toBe(403);
    expect((await put(t.as('lena'), 'td-acme-agents', 'agent:1001', agentDoc)).status).toBe(201);
    const rev = await revOf('td-acme-agents', 'agent:1001');

    const away = { ...agentDoc, _rev: rev, availability: 'away', updatedAt: 2 };
    expect((await put(t.as('tg1002'), 'td-acme-agents', 'agent:1001', away)).status).toBe(403);
    expect((await put(t.as('tg1001'), 'td-acme-agents', 'agent:1001', { ...away, capacity: 50 })).status).toBe(403);
    expect((await put(t.as('tg1001'), 'td-acme-agents', 'agent:1001', away)).status).toBe(201);
  });

  it('keeps events append-only', async () => {
    const event = { type: 'ticket.created', ticketId: 'tg:1:10', actorId: null, at: 5, data: {} };
    const agent = t.as('tg1001');
    expect((await put(agent, 'td-acme-events', 'created:tg:1:10', event)).status).toBe(201);
    const rev = await revOf('td-acme-events', 'created:tg:1:10');
    expect((await put(agent, 'td-acme-events', 'created:tg:1:10', { ...event, _rev: rev, at: 6 })).status).toBe(403);
    expect((await put(agent, 'td-acme-events', 'created:tg:1:10', { ...event, _rev: rev })).status).toBe(201);
  });
});

describe('restart', () => {
  it('keeps documents, users and rules across a restart on the same data dir', async () => {
    expect((await put(t.as('tg1001'), 'td-keep-tickets', 'tg:9:1', ticket('open'))).status).toBe(201);
    await t.restart();
    const after = await t.as('tg1001').request('GET', docPath('td-keep-tickets', 'tg:9:1'));
    expect(after.body).toMatchObject({ _id: 'tg:9:1', status: 'open' });
    const rev = String((after.body as { _rev: string })._rev);
    expect((await put(t.as('tg1001'), 'td-keep-tickets', 'tg:9:1', { ...ticket('closed'), _rev: rev })).status).toBe(403);
  });

  it('fails on a busy port without holding on to the data dir', async () => {
    const port = Number(new URL(t.server.url).port);
    const dataDir = `${t.tmp}/second`;
    await expect(startSyncServer({ port, dataDir, admin: TEST_ADMIN })).rejects.toThrow(/EADDRINUSE/);
    const second = await startSyncServer({ port: 0, dataDir, admin: TEST_ADMIN });
    expect((await fetch(second.url)).status).toBe(200);
    await second.close();
  });
});
