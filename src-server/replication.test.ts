// Replication through the embedded server with the clients we rely on: PouchDB's replicator
// (live, both ways, between two local PouchDBs) and the raw requests RxDB's CouchDB replication
// makes (long-poll `_changes?since=now`, `POST _all_docs` with keys, `_bulk_docs`).
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { basicAuthorization, docPath } from './couchdb.client';
import { PASSWORD, startTestServer, type TestServer } from './sync.testkit';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await t.addUser('tg2001', ['agent']);
  await t.addUser('tg2002', ['agent']);
});
afterAll(async () => {
  await t.cleanup();
});

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
}

/** A remote PouchDB for `user` that records every request it makes. */
function remote(db: string, user: string, log: Recorded[]) {
  return new PouchDB(new URL(db, t.server.url).toString(), {
    auth: { username: user, password: PASSWORD },
    fetch: (url: string | Request, init?: RequestInit) => {
      const parsed = new URL(typeof url === 'string' ? url : url.url);
      log.push({ method: init?.method ?? 'GET', path: parsed.pathname, query: parsed.searchParams });
      return PouchDB.fetch(url, init);
    },
  });
}

const ticket = (status: string, subject: string) => ({ subject, status, priority: 'normal', tags: [] as string[] });

describe('PouchDB replication', () => {
  it('syncs two local databases live, both ways, through the server', async () => {
    const db = 'td-sync-tickets';
    const logA: Recorded[] = [];
    const logB: Recorded[] = [];
    const localA = new PouchDB(join(t.tmp, 'client-a'));
    const localB = new PouchDB(join(t.tmp, 'client-b'));
    const remoteA = remote(db, 'tg2001', logA);
    const remoteB = remote(db, 'tg2002', logB);
    const syncA = localA.sync(remoteA, { live: true, retry: true });
    const syncB = localB.sync(remoteB, { live: true, retry: true });
    try {
      await localA.bulkDocs([
        { _id: 'tg:5:1', ...ticket('open', 'Broken zip') },
        { _id: 'tg:5:2', ...ticket('open', 'Refund') },
      ]);
      // Members receive the design document too, exactly as from Apache CouchDB.
      await vi.waitFor(
        async () => expect((await localB.allDocs()).rows.map((row) => row.id).sort()).toEqual(['_design/topicdesk', 'tg:5:1', 'tg:5:2']),
        { timeout: 10_000, interval: 50 },
      );

      const seen = await localB.get<{ status: string }>('tg:5:1');
      await localB.put({ ...seen, status: 'in_progress' });
      await vi.waitFor(async () => expect(await localA.get('tg:5:1')).toMatchObject({ status: 'in_progress' }), {
        timeout: 10_000,
        interval: 50,
      });

      const stored = await t.admin.request('GET', docPath(db, 'tg:5:1'));
      expect(stored.body).toMatchObject({ status: 'in_progress', _rev: expect.stringMatching(/^2-/) });

      const log = [...logA, ...logB];
      const posted = (suffix: string) => log.some((r) => r.method === 'POST' && r.path.endsWith(suffix));
      expect(posted('/_bulk_docs')).toBe(true);
      expect(posted('/_bulk_get')).toBe(true);
      expect(posted('/_revs_diff')).toBe(true);
      expect(log.some((r) => r.path.endsWith('/_changes') && r.query.get('feed') === 'longpoll')).toBe(true);
    } finally {
      syncA.cancel();
      syncB.cancel();
      await Promise.all([localA.close(), localB.close(), remoteA.close(), remoteB.close()]);
    }
  });

  it('reports a write the rules refuse as a failed document, and stores the rest', async () => {
    const db = 'td-sync-config';
    const local = new PouchDB(join(t.tmp, 'client-rules'));
    const target = remote(db, 'tg2001', []);
    try {
      await local.put({ _id: 'routingrule:rule-1', kind: 'routingrule', data: { name: 'VIP first' } });
      const result = await local.replicate.to(target);
      expect(result.doc_write_failures).toBe(1);
      expect(result.errors[0]).toMatchObject({ name: 'forbidden' });
      expect((await t.admin.request('GET', docPath(db, 'routingrule:rule-1'))).status).toBe(404);
    } finally {
      await Promise.all([local.close(), target.close()]);
    }
  });

  it('applies replicated edits as new revisions and judges them against the revision they extend', async () => {
    const db = 'td-sync2-tickets';
    const local = new PouchDB(join(t.tmp, 'client-history'));
    const target = remote(db, 'tg2001', []);
    try {
      // Three edits made offline arrive in one push: open → in_progress → resolved → closed.
      const first = await local.put({ _id: 'tg:6:1', ...ticket('open', 'Late') });
      let rev = first.rev;
      for (const status of ['in_progress', 'resolved', 'closed']) {
        rev = (await local.put({ _id: 'tg:6:1', _rev: rev, ...ticket(status, 'Late') })).rev;
      }
      const pushed = await local.replicate.to(target);
      expect(pushed.doc_write_failures).toBe(0);
      expect((await t.admin.request('GET', docPath(db, 'tg:6:1'))).body).toMatchObject({ status: 'closed', _rev: rev });

      // An illegal edit made offline (closed → resolved) is refused when it arrives.
      await local.put({ _id: 'tg:6:1', _rev: rev, ...ticket('resolved', 'Late') });
      const refused = await local.replicate.to(target);
      expect(refused.doc_write_failures).toBe(1);
      expect((await t.admin.request('GET', docPath(db, 'tg:6:1'))).body).toMatchObject({ status: 'closed' });
    } finally {
      await Promise.all([local.close(), target.close()]);
    }
  });
});

describe('the requests RxDB’s CouchDB replication makes', () => {
  const headers = { authorization: basicAuthorization('tg2001', PASSWORD), 'content-type': 'application/json' };
  const url = (path: string) => new URL(path, t.server.url);

  it('long-polls _changes and answers when a document arrives, also from "now"', async () => {
    const db = 'td-rx-messages';
    const info = (await (await fetch(url(db), { headers })).json()) as { update_seq: number }; // first touch creates it
    const changesUrl = (since: string | number) =>
      url(`${db}/_changes?style=all_docs&feed=longpoll&since=${since}&include_docs=true&heartbeat=60000&limit=20&seq_interval=20`);
    type Changes = { results: { id: string; doc: Record<string, unknown> }[]; last_seq: unknown };
    const poll = (since: string | number) => fetch(changesUrl(since), { headers }).then((response) => response.json() as Promise<Changes>);
    const write = (id: string) =>
      fetch(url(`${db}/_bulk_docs`), {
        method: 'POST',
        headers,
        body: JSON.stringify({ docs: [{ _id: id, ticketId: 'tg:7:1', kind: 'customer', text: 'hello', editedAt: null, deleted: false, _deleted: false }] }),
      }).then((response) => response.json());

    const fromSeq = poll(info.update_seq);
    expect(await write('tg:7:100')).toEqual([expect.objectContaining({ ok: true, id: 'tg:7:100' })]);
    const changes = await fromSeq;
    expect(changes.results).toEqual([expect.objectContaining({ id: 'tg:7:100', doc: expect.objectContaining({ text: 'hello' }) })]);
    expect(changes.last_seq).toBeDefined();

    // RxDB starts its live feed at "now": whichever write lands after the poll starts answers it.
    const fromNow = poll('now');
    let answered: Changes | null = null;
    void fromNow.then((result) => (answered = result));
    for (let i = 0; answered === null && i < 100; i++) {
      await write(`tg:7:now-${i}`);
      await Promise.race([fromNow, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
    expect((await fromNow).results[0]?.id).toMatch(/^tg:7:now-/);
  });

  it('answers POST _all_docs with keys (RxDB’s conflict check before pushing)', async () => {
    const db = 'td-rx-messages';
    const response = await fetch(url(`${db}/_all_docs`), {
      method: 'POST',
      headers,
      body: JSON.stringify({ keys: ['tg:7:100', 'tg:7:missing'], include_docs: true, deleted: 'ok' }),
    });
    const body = (await response.json()) as { rows: { key: string; doc?: unknown; error?: string }[] };
    expect(body.rows[0]).toMatchObject({ key: 'tg:7:100', doc: expect.objectContaining({ text: 'hello' }) });
    expect(body.rows[1]).toMatchObject({ key: 'tg:7:missing', error: 'not_found' });
  });

  it('refuses a customer message whose text changes without a later editedAt', async () => {
    const db = 'td-rx-messages';
    const current = (await (await fetch(url(`${db}/tg:7:100`), { headers })).json()) as Record<string, unknown>;
    const push = (doc: Record<string, unknown>) =>
      fetch(url(`${db}/_bulk_docs`), { method: 'POST', headers, body: JSON.stringify({ docs: [doc] }) }).then((r) => r.json());
    expect(await push({ ...current, text: 'hello!' })).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    expect(await push({ ...current, text: 'hello!', editedAt: 10 })).toEqual([expect.objectContaining({ ok: true })]);
  });
});
