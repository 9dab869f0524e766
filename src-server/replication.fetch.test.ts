// The replication fetch: credentials on every request, design documents out of pulled changes,
// everything else passed through untouched.
import { describe, expect, it } from 'vitest';
import { createReplicationFetch, type FetchLike } from './replication.fetch';

function fakeServer(body: unknown, status = 200) {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch: FetchLike = async (input, init) => {
    seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  };
  return { fetch, seen };
}

describe('createReplicationFetch', () => {
  it('sends Basic credentials on every request, keeping the caller’s headers', async () => {
    const server = fakeServer({ ok: true });
    const replicationFetch = createReplicationFetch({ username: 'tg1', password: 'pw', fetch: server.fetch });
    await replicationFetch('http://127.0.0.1:5984/td-a-tickets/_bulk_docs', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(server.seen[0]?.authorization).toBe(`Basic ${Buffer.from('tg1:pw').toString('base64')}`);
  });

  it('drops design documents from _changes and keeps the checkpoint', async () => {
    const changes = { results: [{ id: '_design/topicdesk', seq: 1 }, { id: 'tg:1:1', seq: 2, doc: { _id: 'tg:1:1' } }], last_seq: 2 };
    const replicationFetch = createReplicationFetch({ username: 'u', password: 'p', fetch: fakeServer(changes).fetch });
    const response = await replicationFetch('http://h/td-a-tickets/_changes?feed=longpoll&since=now');
    expect(await response.json()).toEqual({ results: [{ id: 'tg:1:1', seq: 2, doc: { _id: 'tg:1:1' } }], last_seq: 2 });
  });

  it('passes other answers and failures through as they are', async () => {
    const rows = { rows: [{ id: '_design/topicdesk' }] };
    const allDocs = await createReplicationFetch({ username: 'u', password: 'p', fetch: fakeServer(rows).fetch })('http://h/db/_all_docs');
    expect(await allDocs.json()).toEqual(rows);
    const failed = await createReplicationFetch({ username: 'u', password: 'p', fetch: fakeServer({ error: 'unauthorized' }, 401).fetch })(
      'http://h/db/_changes',
    );
    expect(failed.status).toBe(401);
  });
});
