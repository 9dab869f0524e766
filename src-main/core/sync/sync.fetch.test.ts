// Tests for the replication fetch against a scripted fetch: auth on every request, what it tells
// the service (reachable, unreachable, refused password), failed answers thrown so RxDB retries,
// refused documents taken out of push answers, and pulled documents checked against the contract.
import { describe, expect, it } from 'vitest';
import { newTicket } from '../tickets/ticket.factory';
import { createSyncFetch, SyncHttpError, type FetchLike, type Refusal } from './sync.fetch';

interface Recorded {
  answered: number[];
  unreachable: string[];
  rejected: Array<[number, string]>;
  refused: Refusal[];
  invalid: Array<[string, string[]]>;
}

function setup(respond: (url: URL, init: RequestInit | undefined) => Promise<Response> | Response, controller = new AbortController()) {
  const seen: Array<{ url: URL; headers: Headers; signal: AbortSignal | null | undefined }> = [];
  const recorded: Recorded = { answered: [], unreachable: [], rejected: [], refused: [], invalid: [] };
  const base: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    seen.push({ url, headers: new Headers(init?.headers), signal: init?.signal });
    return respond(url, init);
  };
  const http = createSyncFetch({
    collection: 'tickets',
    username: 'tg1001',
    password: 'pässword',
    signal: controller.signal,
    fetch: base,
    events: {
      answered: (status) => recorded.answered.push(status),
      unreachable: (detail) => recorded.unreachable.push(detail),
      rejected: (status, reason) => recorded.rejected.push([status, reason]),
      refused: (refusals) => recorded.refused.push(...refusals),
      invalid: (id, issues) => recorded.invalid.push([id, issues]),
    },
  });
  return { http, seen, recorded, controller };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const DB = 'http://127.0.0.1:5984/td-acme-tickets/';

describe('createSyncFetch', () => {
  it('tops up a first-pull page that lost its design document, so RxDB does not stop after one page', async () => {
    // A server holding the design document first, then five tickets; RxDB asks for pages of 3.
    const rows = [
      { id: '_design/topicdesk', seq: 1, doc: { _id: '_design/topicdesk', _rev: '1-a' } },
      ...[1, 2, 3, 4, 5].map((n) => ({ id: `t${n}`, seq: n + 1, doc: { ...newTicket({ id: `t${n}`, subject: 's', createdAt: 1 }), _id: `t${n}`, _rev: '1-a' } })),
    ];
    const { http } = setup((url) => {
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const page = rows.filter((row) => row.seq > since).slice(0, limit);
      return json(200, { results: page, last_seq: page.at(-1)?.seq ?? since });
    });
    const first = (await (await http.fetch(`${DB}_changes?feed=normal&include_docs=true&since=0&limit=3`)).json()) as { results: { id: string }[]; last_seq: number };
    // At least a full page (RxDB takes a short one for the end), and the checkpoint past all of it.
    expect(first.results.map((r) => r.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(first.last_seq).toBe(6);
    const second = (await (await http.fetch(`${DB}_changes?feed=normal&include_docs=true&since=6&limit=3`)).json()) as { results: { id: string }[] };
    expect(second.results).toEqual([]);
  });

  it('sends Basic auth (UTF-8) and JSON accept on every request, and reports the answer', async () => {
    const { http, seen, recorded } = setup(() => json(200, { ok: true }));
    await http.fetch(`${DB}_all_docs`, { method: 'POST', body: '{}' });
    expect(seen[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from('tg1001:pässword', 'utf8').toString('base64')}`);
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(recorded.answered).toEqual([200]);
  });

  it('reports an unreachable server and rethrows, so RxDB retries', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { http, recorded } = setup(() => Promise.reject(refused));
    await expect(http.fetch(`${DB}_changes?feed=normal`)).rejects.toBe(refused);
    expect(recorded.unreachable).toEqual(['Cannot reach the sync server (connection refused).']);
  });

  it('treats a 5xx as unreachable and a 401 or 403 as refused, throwing instead of handing RxDB an error body', async () => {
    const answers = [json(503, { error: 'db_setup_failed', reason: 'Could not prepare td-acme-tickets; try again.' }), json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }), json(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' })];
    const { http, recorded } = setup(() => answers.shift() ?? json(500, {}));
    await expect(http.fetch(`${DB}_changes?feed=longpoll&since=now`)).rejects.toThrow(SyncHttpError);
    await expect(http.fetch(`${DB}_changes?feed=longpoll&since=now`)).rejects.toMatchObject({ status: 401 });
    await expect(http.fetch(`${DB}_all_docs`)).rejects.toMatchObject({ status: 403 });
    expect(recorded.unreachable).toEqual(['The sync server is having trouble (HTTP 503: Could not prepare td-acme-tickets; try again.).']);
    expect(recorded.rejected).toEqual([
      [401, 'Name or password is incorrect.'],
      [403, 'You are not allowed to access this db.'],
    ]);
  });

  it('takes refused documents out of a push answer and reports them, keeping conflicts for RxDB', async () => {
    const { http, recorded, seen } = setup((url) => {
      if (url.pathname.endsWith('/_bulk_docs')) {
        return json(201, [
          { ok: true, id: 'tg:1:1', rev: '2-a' },
          { id: 'tg:1:2', error: 'forbidden', reason: 'A ticket cannot move from in_progress to closed; allowed next: open, waiting_on_customer, resolved.' },
          { id: 'tg:1:3', error: 'conflict', reason: 'Document update conflict.' },
        ]);
      }
      // The refused ticket is still at the revision the push was based on: a real refusal.
      return json(200, { _id: 'tg:1:2', _rev: '4-b' });
    });
    const body = JSON.stringify({ docs: [{ _id: 'tg:1:1', _rev: '1-a' }, { _id: 'tg:1:2', _rev: '4-b' }, { _id: 'tg:1:3' }] });
    const answer = await http.fetch(`${DB}_bulk_docs?`, { method: 'POST', body });
    expect(await answer.json()).toEqual([
      { ok: true, id: 'tg:1:1', rev: '2-a' },
      { id: 'tg:1:3', error: 'conflict', reason: 'Document update conflict.' },
    ]);
    expect(recorded.refused).toEqual([
      { docId: 'tg:1:2', error: 'forbidden', reason: 'A ticket cannot move from in_progress to closed; allowed next: open, waiting_on_customer, resolved.' },
    ]);
    expect(seen.map((request) => request.url.pathname)).toEqual(['/td-acme-tickets/_bulk_docs', '/td-acme-tickets/tg%3A1%3A2']);
  });

  it('answers a refusal of a document someone else wrote meanwhile as the conflict it is', async () => {
    const { http, recorded } = setup((url) => {
      if (url.pathname.endsWith('/_bulk_docs')) {
        return json(201, [
          { id: 'esc:t1:1', error: 'forbidden', reason: 'Events are append-only: esc:t1:1 already exists with other content.' },
          { id: 'template:x', error: 'forbidden', reason: 'Only leads and admins may change config.' },
        ]);
      }
      // Another app wrote the event first; the template was never on the server.
      return url.pathname.endsWith('esc%3At1%3A1') ? json(200, { _id: 'esc:t1:1', _rev: '1-other' }) : json(404, { error: 'not_found' });
    });
    const body = JSON.stringify({ docs: [{ _id: 'esc:t1:1' }, { _id: 'template:x' }] });
    const answer = await http.fetch(`${DB}_bulk_docs?`, { method: 'POST', body });
    expect(await answer.json()).toEqual([{ id: 'esc:t1:1', error: 'conflict', reason: 'Document update conflict.' }]);
    expect(recorded.refused.map((refusal) => refusal.docId)).toEqual(['template:x']);
  });

  it('leaves design documents and documents that break the contract out of pulled changes', async () => {
    const good = { _id: 'tg:1:1', _rev: '1-a', ...newTicket({ id: 'tg:1:1', subject: 'Hi', createdAt: 1 }) };
    const { id: _id, ...goodFields } = good;
    const results = [
      { id: '_design/topicdesk', seq: 1, doc: { _id: '_design/topicdesk', _rev: '1-d', validate_doc_update: 'function(){}' } },
      { id: 'tg:1:1', seq: 2, doc: goodFields },
      { id: 'tg:1:2', seq: 3, doc: { _id: 'tg:1:2', _rev: '1-b', subject: 'no status' } },
      { id: 'tg:1:3', seq: 4, doc: { _id: 'tg:1:3', _rev: '2-c', _deleted: true } },
    ];
    const { http, recorded } = setup(() => json(200, { results, last_seq: 4 }));
    const answer = (await (await http.fetch(`${DB}_changes?feed=normal&since=0`)).json()) as { results: Array<{ id: string }>; last_seq: number };
    expect(answer.results.map((row) => row.id)).toEqual(['tg:1:1', 'tg:1:3']);
    expect(answer.last_seq).toBe(4);
    expect(recorded.invalid.map(([id]) => id)).toEqual(['tg:1:2']);
    expect(recorded.invalid[0]?.[1].join(' ')).toContain('status');
  });

  it('stops quietly: aborting the replication or restarting long-polls is not reported as a lost server', async () => {
    const { http, recorded, controller, seen } = setup(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const longPoll = http.fetch(`${DB}_changes?feed=longpoll&since=now`);
    const push = http.fetch(`${DB}_all_docs`, { method: 'POST', body: '{}' });
    await Promise.resolve();
    http.abortLongPolls();
    await expect(longPoll).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[1]?.signal?.aborted).toBe(false); // only the long-poll was restarted
    controller.abort(new DOMException('Sync stopped.', 'AbortError'));
    await expect(push).rejects.toMatchObject({ name: 'AbortError' });
    expect(recorded.unreachable).toEqual([]);
  });
});
