// A small HTTP client for the CouchDB API (Apache CouchDB 3 or our embedded server), used by
// setup, the users CLI and on-demand database creation. Runs in Node (global fetch).
// Node's fetch refuses URLs with credentials in them, so `https://user:pw@host` is split into a
// base URL and a Basic Authorization header here.
import { z } from 'zod';

export interface CouchResponse {
  status: number;
  /** The parsed JSON body (CouchDB answers JSON everywhere we call it), or null if empty/not JSON. */
  body: unknown;
}

export interface CouchDbClient {
  /** The server's base URL, without credentials, ending in `/`. */
  readonly baseUrl: string;
  /** `path` is relative to the base URL and already encoded, e.g. `td-acme-tickets/_security`. */
  request(method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD', path: string, body?: unknown): Promise<CouchResponse>;
}

export interface CouchDbClientOptions {
  /** Server URL; may carry `user:password@` (decoded here). */
  url: string;
  username?: string;
  password?: string;
  /** Extra headers on every request. */
  headers?: Readonly<Record<string, string>>;
}

const CouchErrorBody = z.object({ error: z.string(), reason: z.string().optional() });

/** A CouchDB answer we did not expect, with CouchDB's own error and reason when it gave them. */
export class CouchDbError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly what: string,
  ) {
    super(`${what}: HTTP ${status} ${error}${reason ? ` (${reason})` : ''}`);
    this.name = 'CouchDbError';
  }

  static from(response: CouchResponse, what: string): CouchDbError {
    const parsed = CouchErrorBody.safeParse(response.body);
    return parsed.success
      ? new CouchDbError(response.status, parsed.data.error, parsed.data.reason ?? '', what)
      : new CouchDbError(response.status, 'unexpected_response', '', what);
  }
}

export interface ParsedCouchUrl {
  baseUrl: string;
  username: string | null;
  password: string | null;
}

/** Splits the credentials out of a server URL; the base URL keeps any path prefix and ends in `/`. */
export function parseCouchUrl(url: string): ParsedCouchUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a URL: "${url}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`Not an http(s) URL: "${url}".`);
  const username = parsed.username ? decodeURIComponent(parsed.username) : null;
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  const baseUrl = parsed.toString();
  return { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, username, password };
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export function createCouchDbClient(options: CouchDbClientOptions): CouchDbClient {
  const { baseUrl, username: urlUser, password: urlPassword } = parseCouchUrl(options.url);
  const username = options.username ?? urlUser;
  const password = options.password ?? urlPassword ?? '';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (username !== null) headers.authorization = basicAuthorization(username, password);

  return {
    baseUrl,
    async request(method, path, body) {
      const requestHeaders = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: requestHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = method === 'HEAD' ? '' : await response.text();
      let parsed: unknown = null;
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
      }
      return { status: response.status, body: parsed };
    },
  };
}

/** Encodes a document id for a URL path, keeping the `_design/` and `_local/` prefixes readable. */
export function docPath(db: string, id: string): string {
  for (const prefix of ['_design/', '_local/']) {
    if (id.startsWith(prefix)) return `${encodeURIComponent(db)}/${prefix}${encodeURIComponent(id.slice(prefix.length))}`;
  }
  return `${encodeURIComponent(db)}/${encodeURIComponent(id)}`;
}
