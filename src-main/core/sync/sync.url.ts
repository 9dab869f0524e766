// Where the team's sync server is, as the core uses it: normalises the address people type,
// splits `http://user:pass@host:port/` credentials out of it (Node's fetch refuses such URLs),
// and names each collection's database and replication. Pure; runs in the core and the host.
import type { SharedCollection } from '../db/database';

export interface SyncCredentials {
  /** The server's base address: http(s), no credentials, no query, ends in `/`. */
  url: string;
  username: string;
  password: string;
}

export class SyncAddressError extends Error {
  override readonly name = 'SyncAddressError';
}

export interface SplitSyncUrl {
  url: string;
  username: string | null;
  password: string | null;
}

function decoded(part: string): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `http://ann:pw@host:5984/couch` → `{ url: 'http://host:5984/couch/', username: 'ann', password: 'pw' }`. */
export function splitSyncUrl(input: string): SplitSyncUrl {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new SyncAddressError(`"${input}" is not an address; enter one like http://127.0.0.1:5984/.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SyncAddressError('The sync server address starts with http:// or https://.');
  }
  const username = decoded(parsed.username);
  const password = decoded(parsed.password);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  // Database names are appended to the base, so it must read as a folder.
  if (!parsed.pathname.endsWith('/')) parsed.pathname = `${parsed.pathname}/`;
  return { url: parsed.href, username, password };
}

/** Credentials from a form or the command line; the explicit username and password win over the URL's. */
export function syncCredentialsFrom(input: { url: string; username?: string | null; password?: string | null }): SyncCredentials {
  const split = splitSyncUrl(input.url);
  const username = input.username?.trim() || split.username;
  const password = input.password || split.password;
  if (!username) throw new SyncAddressError('The sync server needs a user name.');
  if (!password) throw new SyncAddressError(`The sync server needs the password of ${username}.`);
  return { url: split.url, username, password };
}

/**
 * The headless host's `--sync-url`: credentials in the URL (`http://user:pass@host:port/`), or
 * TOPICDESK_SYNC_USER / TOPICDESK_SYNC_PASSWORD when the URL has none.
 */
export function commandLineSyncCredentials(syncUrl: string, env: Readonly<Record<string, string | undefined>>): SyncCredentials {
  const split = splitSyncUrl(syncUrl);
  return syncCredentialsFrom({
    url: split.url,
    username: split.username ?? env.TOPICDESK_SYNC_USER ?? null,
    password: split.password ?? env.TOPICDESK_SYNC_PASSWORD ?? null,
  });
}

/** Same shape as the host's `--workspace` and the server's workspace slugs. */
const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `td-<workspace>-<collection>`, as the team server names (and creates on demand) its databases
 * (src-server/workspace.databases.ts, which the core's TypeScript project cannot import).
 */
export function workspaceDatabaseName(workspace: string, collection: SharedCollection): string {
  if (!WORKSPACE_SLUG.test(workspace)) throw new SyncAddressError(`Not a workspace name (a-z, 0-9, -): "${workspace}".`);
  return `td-${workspace}-${collection}`;
}

/** `http://host:5984/` + acme + tickets → `http://host:5984/td-acme-tickets/` (RxDB wants the trailing slash). */
export function collectionDatabaseUrl(baseUrl: string, workspace: string, collection: SharedCollection): string {
  return new URL(`${encodeURIComponent(workspaceDatabaseName(workspace, collection))}/`, baseUrl).href;
}

/** Stable per server and database, so RxDB finds its checkpoints again after a restart. */
export function replicationIdentifierFor(baseUrl: string, workspace: string, collection: SharedCollection): string {
  return `topicdesk-sync|${collectionDatabaseUrl(baseUrl, workspace, collection)}`;
}

/** The address without anything secret, for status lines and logs. */
export function displayAddress(baseUrl: string): string {
  const parsed = new URL(baseUrl);
  return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}
