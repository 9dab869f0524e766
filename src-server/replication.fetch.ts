// The `fetch` to hand RxDB's `replicateCouchDB` when it replicates with this server (or Apache
// CouchDB): Basic auth on every request (Node's fetch refuses `http://user:pw@host` URLs), and
// design documents dropped from pulled `_changes` (members may read `_design/topicdesk`, and
// RxDB would otherwise store it as a document of the collection). Runs in the app's core;
// plain fetch and zod only, no Node APIs. Kept beside the server whose behaviour it answers.
import { z } from 'zod';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ReplicationFetchOptions {
  username: string;
  password: string;
  /** The fetch underneath (default: the global one). */
  fetch?: FetchLike;
}

const ChangesBody = z.object({ results: z.array(z.object({ id: z.string() }).passthrough()) }).passthrough();

function basic(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function urlOf(input: string | URL | Request): URL {
  return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

export function createReplicationFetch(options: ReplicationFetchOptions): FetchLike {
  const base = options.fetch ?? ((input, init) => fetch(input, init));
  const authorization = basic(options.username, options.password);

  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', authorization);
    headers.set('accept', 'application/json');
    const response = await base(input, { ...init, headers });
    if (!response.ok || !urlOf(input).pathname.endsWith('/_changes')) return response;

    const parsed = ChangesBody.safeParse(await response.json());
    if (!parsed.success) throw new Error('The sync server answered _changes with something that is not a changes feed.');
    const results = parsed.data.results.filter((row) => !row.id.startsWith('_design/'));
    const replyHeaders = new Headers(response.headers);
    replyHeaders.delete('content-length');
    replyHeaders.delete('content-encoding');
    replyHeaders.set('content-type', 'application/json');
    return new Response(JSON.stringify({ ...parsed.data, results }), {
      status: response.status,
      statusText: response.statusText,
      headers: replyHeaders,
    });
  };
}
