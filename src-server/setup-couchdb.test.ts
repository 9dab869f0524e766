// Workspace setup against the embedded server over HTTP, as it runs against Apache CouchDB:
// creates everything once, changes nothing on a re-run, repairs drifted rules and security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchDbClient, docPath } from './couchdb.client';
import { DESIGN_DOC_ID, validateDocUpdateSource } from './permissions.design';
import { setupCouchDb } from './setup-couchdb';
import { startTestServer, TEST_ADMIN, type TestServer } from './sync.testkit';
import { workspaceDatabaseNames, workspaceSecurity } from './workspace.databases';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.cleanup();
});

/** The admin client the CLI builds from `--url http://ADMIN:PASS@host:port/`. */
function urlClient() {
  const url = new URL(t.server.url);
  url.username = TEST_ADMIN.name;
  url.password = TEST_ADMIN.password;
  return createCouchDbClient({ url: url.toString() });
}

describe('setupCouchDb', () => {
  it('installs every database of a workspace with security and rules', async () => {
    const report = await setupCouchDb(urlClient(), ['acme']);
    expect(report.server).toMatch(/^CouchDB \d/);
    expect(report.databases.map((db) => db.db)).toEqual(workspaceDatabaseNames('acme'));
    expect(report.databases.every((db) => db.created && db.securityUpdated && db.designUpdated)).toBe(true);

    for (const db of workspaceDatabaseNames('acme')) {
      expect((await t.admin.request('GET', `${db}/_security`)).body).toEqual(workspaceSecurity);
    }
    const design = await t.admin.request('GET', docPath('td-acme-config', DESIGN_DOC_ID));
    expect(design.body).toMatchObject({ _rev: expect.stringMatching(/^1-/), validate_doc_update: validateDocUpdateSource('config') });
  });

  it('changes nothing when run again', async () => {
    const report = await setupCouchDb(urlClient(), ['acme']);
    expect(report.usersDbCreated).toBe(false);
    expect(report.databases.some((db) => db.created || db.securityUpdated || db.designUpdated)).toBe(false);
    const design = await t.admin.request('GET', docPath('td-acme-tickets', DESIGN_DOC_ID));
    expect(design.body).toMatchObject({ _rev: expect.stringMatching(/^1-/) });
  });

  it('updates outdated rules in place and restores security', async () => {
    const path = docPath('td-acme-tickets', DESIGN_DOC_ID);
    const current = (await t.admin.request('GET', path)).body as Record<string, unknown>;
    await t.admin.request('PUT', path, { ...current, validate_doc_update: 'function () {}' });
    await t.admin.request('PUT', 'td-acme-events/_security', { members: { names: [], roles: [] } });

    const report = await setupCouchDb(urlClient(), ['acme']);
    const changed = report.databases.filter((db) => db.securityUpdated || db.designUpdated).map((db) => db.db);
    expect(changed.sort()).toEqual(['td-acme-events', 'td-acme-tickets']);
    const design = await t.admin.request('GET', path);
    expect(design.body).toMatchObject({ _rev: expect.stringMatching(/^3-/), validate_doc_update: validateDocUpdateSource('tickets') });
    expect((await t.admin.request('GET', 'td-acme-events/_security')).body).toEqual(workspaceSecurity);
  });

  it('needs server admin credentials and a workspace slug', async () => {
    await t.addUser('lena', ['lead']);
    await expect(setupCouchDb(t.as('lena'), ['acme'])).rejects.toThrow(/server admin/);
    await expect(setupCouchDb(createCouchDbClient({ url: t.server.url }), ['acme'])).rejects.toThrow(/server admin/);
    await expect(setupCouchDb(urlClient(), ['Acme Inc'])).rejects.toThrow(/workspace slug/);
  });
});
