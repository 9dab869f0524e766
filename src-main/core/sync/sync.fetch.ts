// The fetch one collection's RxDB CouchDB replication uses, and the network boundary of sync.
// Like the team server's createReplicationFetch (src-server/replication.fetch.ts, which the core's
// TypeScript project cannot import) it sends Basic auth on every request (Node's fetch refuses
// user:pass@ URLs) and drops `_design/` rows from pulled changes. Beyond that it tells the service
// whether the server answers, turns every failed answer into a thrown error (RxDB retries those;
// a failed `_changes` long-poll answer would otherwise crash its loop), takes documents the
// server's rules refused out of `_bulk_docs` answers (RxDB would retry them forever and stall the
// collection), and leaves pulled documents that break the contract unstored. Runs in the core.
import { z } from 'zod';
import type { SharedCollection } from '../db/database';
import { checkPulledDocument, CouchDocument } from './pulled.documents';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** `Basic …` for a user and password (UTF-8, as CouchDB expects). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** A document of a push that the server refused (validate_doc_update, or any per-document error but a conflict). */
export interface Refusal {
  docId: string;
  error: string;
  reason: string;
}

export interface SyncFetchEvents {
  /** The server answered with a status below 500. */
  answered(status: number): void;
  /** No answer (connection refused, reset, DNS…), or a 5xx: the server cannot serve us now. */
  unreachable(detail: string): void;
  /** The whole request was refused: the password (401) or access to the database (403). */
  rejected(status: 401 | 403, reason: string): void;
  refused(refusals: Refusal[]): void;
  /** A pulled document that does not match the contract; it is left out and never stored. */
  invalid(docId: string, issues: string[]): void;
}

export interface SyncFetchOptions {
  collection: SharedCollection;
  username: string;
  password: string;
  /** Aborts every request of this replication (configure, disable, dispose). */
  signal: AbortSignal;
  events: SyncFetchEvents;
  /** The fetch underneath (tests); default the global one. */
  fetch?: FetchLike;
}

export interface SyncFetch {
  fetch: FetchLike;
  /** Ends the waiting `_changes` long-polls, so they start again at once (after a network change). */
  abortLongPolls(): void;
}

export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CouchError = z.object({ error: z.string().optional(), reason: z.string().optional() });
const BulkDocsAnswer = z.array(
  z.looseObject({ id: z.string(), ok: z.boolean().optional(), error: z.string().optional(), reason: z.string().optional() }),
);
const ChangesAnswer = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), doc: z.unknown().optional() })),
  last_seq: z.unknown().optional(),
});
type ChangesAnswer = z.infer<typeof ChangesAnswer>;
const BulkDocsRequest = z.looseObject({ docs: z.array(z.looseObject({ _id: z.string(), _rev: z.string().optional() })) });
const CurrentRevision = z.looseObject({ _rev: z.string() });

type RequestKind = 'longpoll' | 'changes' | 'bulk_docs' | 'other';

function urlOf(input: string | URL | Request): URL {
  return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

function kindOf(url: URL, method: string | undefined): RequestKind {
  if (url.pathname.endsWith('/_changes')) return url.searchParams.get('feed') === 'longpoll' ? 'longpoll' : 'changes';
  if (url.pathname.endsWith('/_bulk_docs') && method?.toUpperCase() === 'POST') return 'bulk_docs';
  return 'other';
}

function reasonOf(body: string, status: number): string {
  try {
    const parsed = CouchError.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data.reason ?? parsed.data.error ?? `HTTP ${status}`;
  } catch {
    // not JSON: say the status
  }
  return `HTTP ${status}`;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection lost';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

function jsonResponse(body: string, from: Response): Response {
  const headers = new Headers(from.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set('content-type', 'application/json');
  return new Response(body, { status: from.status, statusText: from.statusText, headers });
}

export function createSyncFetch(options: SyncFetchOptions): SyncFetch {
  const { events, collection } = options;
  const base = options.fetch ?? ((input, init) => fetch(input, init));
  const longPolls = new Set<AbortController>();

  const authorization = basicAuthorization(options.username, options.password);

  // Every request carries the replication's signal (and a long-poll its own), so stopping never
  // waits for a long-poll to time out.
  async function send(input: string | URL | Request, init: RequestInit | undefined, kind: RequestKind): Promise<{ response: Response; body: string }> {
    const own = kind === 'longpoll' ? new AbortController() : null;
    if (own) longPolls.add(own);
    const signals = [options.signal, ...(own ? [own.signal] : []), ...(init?.signal ? [init.signal] : [])];
    const headers = new Headers(init?.headers);
    headers.set('authorization', authorization);
    headers.set('accept', 'application/json');
    try {
      const response = await base(input, { ...init, headers, signal: AbortSignal.any(signals) });
      // Read the whole answer here, so a connection lost mid-body counts as unreachable too.
      return { response, body: await response.text() };
    } finally {
      if (own) longPolls.delete(own);
    }
  }

  /** The revisions a `_bulk_docs` request was based on (null: sent as new). */
  function sentRevisions(init: RequestInit | undefined): Map<string, string | null> {
    const sent = new Map<string, string | null>();
    if (typeof init?.body !== 'string') return sent;
    const parsed = BulkDocsRequest.safeParse(JSON.parse(init.body));
    if (parsed.success) for (const doc of parsed.data.docs) sent.set(doc._id, doc._rev ?? null);
    return sent;
  }

  async function currentRevision(dbUrl: URL, docId: string, signal: AbortSignal | null | undefined): Promise<string | null> {
    const { response, body } = await send(new URL(encodeURIComponent(docId), dbUrl).href, { signal: signal ?? undefined }, 'other');
    if (response.status === 404) return null;
    if (!response.ok) throw new SyncHttpError(response.status, `The sync server answered ${response.status}: ${reasonOf(body, response.status)}`);
    return CurrentRevision.parse(JSON.parse(body))._rev;
  }

  /**
   * Takes refused documents out of a push answer. A refusal of a document that someone else
   * wrote meanwhile (the server holds another revision than the one we based ours on) is a
   * conflict in CouchDB's terms, and answered as one, so RxDB resolves it: the embedded server
   * validates before it checks revisions, so two apps writing the same new event id at once get
   * "append-only" instead of 409.
   */
  async function settleRefusals(url: URL, init: RequestInit | undefined, body: string): Promise<string> {
    const rows = BulkDocsAnswer.parse(JSON.parse(body));
    if (rows.every((row) => row.error === undefined || row.error === 'conflict')) return body;
    const sent = sentRevisions(init);
    const dbUrl = new URL('./', url);
    const refusals: Refusal[] = [];
    const settled: typeof rows = [];
    for (const row of rows) {
      if (row.error === undefined || row.error === 'conflict') {
        settled.push(row);
        continue;
      }
      const current = await currentRevision(dbUrl, row.id, init?.signal);
      if (current !== null && current !== (sent.get(row.id) ?? null)) {
        settled.push({ id: row.id, error: 'conflict', reason: 'Document update conflict.' });
        continue;
      }
      refusals.push({ docId: row.id, error: row.error, reason: row.reason ?? row.error });
    }
    if (refusals.length > 0) events.refused(refusals);
    return JSON.stringify(settled);
  }

  /** Design documents (members may read the rules) and documents that break the contract stay out. */
  function withoutForeignDocuments(answer: ChangesAnswer): ChangesAnswer {
    const results = answer.results.filter((row) => {
      if (row.id.startsWith('_design/')) return false;
      const doc = CouchDocument.safeParse(row.doc);
      const check = doc.success ? checkPulledDocument(collection, doc.data) : { ok: false as const, issues: ['no document in the change'] };
      if (check.ok) return true;
      events.invalid(row.id, check.issues);
      return false;
    });
    return { ...answer, results };
  }

  /**
   * A pull page with the foreign documents taken out. RxDB ends its first pull at the first
   * page shorter than it asked for, and the design document is first in every database: so a
   * page that lost rows is topped up from where the server's page ended, until it is full or
   * the server has nothing more.
   */
  async function pullPage(url: URL, init: RequestInit | undefined, body: string): Promise<string> {
    const limit = Number(url.searchParams.get('limit'));
    let answer = ChangesAnswer.parse(JSON.parse(body));
    let kept = withoutForeignDocuments(answer);
    if (!Number.isInteger(limit) || limit <= 0 || url.searchParams.get('feed') === 'longpoll') return JSON.stringify(kept);
    const results = [...kept.results];
    while (answer.results.length >= limit && results.length < limit && answer.last_seq !== undefined) {
      const next = new URL(url);
      next.searchParams.set('since', typeof answer.last_seq === 'string' ? answer.last_seq : JSON.stringify(answer.last_seq));
      const page = await send(next.href, init, 'changes');
      if (!page.response.ok) break;
      answer = ChangesAnswer.parse(JSON.parse(page.body));
      kept = withoutForeignDocuments(answer);
      results.push(...kept.results);
    }
    return JSON.stringify({ ...kept, results });
  }

  const syncFetch: FetchLike = async (input, init) => {
    const kind = kindOf(urlOf(input), init?.method);
    let response: Response;
    let body: string;
    try {
      ({ response, body } = await send(input, init, kind));
    } catch (error) {
      // Our own abort (stop, or a long-poll restarted on purpose) says nothing about the server.
      if (!options.signal.aborted && !(init?.signal?.aborted ?? false) && !(error instanceof Error && error.name === 'AbortError')) {
        events.unreachable(`Cannot reach the sync server (${describeNetworkError(error)}).`);
      }
      throw error;
    }
    const { status } = response;
    if (status >= 500) {
      const reason = reasonOf(body, status);
      events.unreachable(`The sync server is having trouble (HTTP ${status}: ${reason}).`);
      throw new SyncHttpError(status, `The sync server answered ${status}: ${reason}`);
    }
    events.answered(status);
    if (status === 401 || status === 403) {
      const reason = reasonOf(body, status);
      events.rejected(status, reason);
      throw new SyncHttpError(status, `The sync server refused the request (${status}): ${reason}`);
    }
    if (!response.ok) throw new SyncHttpError(status, `The sync server answered ${status}: ${reasonOf(body, status)}`);
    if (kind === 'bulk_docs') return jsonResponse(await settleRefusals(urlOf(input), init, body), response);
    if (kind === 'changes' || kind === 'longpoll') return jsonResponse(await pullPage(urlOf(input), init, body), response);
    return jsonResponse(body, response);
  };

  return {
    fetch: syncFetch,
    abortLongPolls() {
      for (const controller of longPolls) controller.abort(new DOMException('The long-poll was restarted.', 'AbortError'));
      longPolls.clear();
    },
  };
}
