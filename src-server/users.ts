// Sync users (agents, leads, admins) in CouchDB's `_users` database, managed over the CouchDB
// HTTP API, so the same calls work on the embedded server and on Apache CouchDB.
// Runs in Node (users CLI). An agent's user name is `tg<telegram user id>` (see agent.identity.ts).
import { z } from 'zod';
import { tgUserIdOfSyncUser } from './agent.identity';
import { CouchDbError, docPath, type CouchDbClient } from './couchdb.client';
import { isMemberRole, memberRoles, type MemberRole } from './permissions.design';

export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const USER_PREFIX = 'org.couchdb.user:';

export interface SyncUser {
  name: string;
  roles: string[];
  /** Set for agent users (`tg<id>`): whose agent document they may update. */
  tgUserId: string | null;
}

export interface NewSyncUser {
  name: string;
  password: string;
  roles: MemberRole[];
}

const UserDoc = z.object({ _rev: z.string(), name: z.string(), roles: z.array(z.string()) }).passthrough();
const AllUsers = z.object({
  rows: z.array(z.object({ id: z.string(), doc: z.object({ name: z.string(), roles: z.array(z.string()) }).passthrough().nullish() })),
});

export function validateNewUser(user: NewSyncUser): void {
  if (!USER_NAME.test(user.name)) throw new Error(`A user name is letters, digits and . _ @ - (up to 64), not "${user.name}".`);
  if (user.password.length < 8) throw new Error('A password needs at least 8 characters.');
  if (user.roles.length === 0) throw new Error(`A user needs a role: ${memberRoles.join(', ')}.`);
  for (const role of user.roles) {
    if (!isMemberRole(role)) throw new Error(`Unknown role "${role}" (${memberRoles.join(', ')}).`);
  }
}

const userPath = (name: string) => docPath('_users', `${USER_PREFIX}${name}`);

/** Creates the user, or sets the password and roles of an existing one. */
export async function putUser(client: CouchDbClient, user: NewSyncUser): Promise<{ created: boolean }> {
  validateNewUser(user);
  const existing = await client.request('GET', userPath(user.name));
  if (existing.status !== 200 && existing.status !== 404) throw CouchDbError.from(existing, `read user ${user.name}`);
  const rev = existing.status === 200 ? UserDoc.parse(existing.body)._rev : undefined;
  const tgUserId = tgUserIdOfSyncUser(user.name);
  const doc = {
    _id: `${USER_PREFIX}${user.name}`,
    ...(rev ? { _rev: rev } : {}),
    type: 'user',
    name: user.name,
    roles: [...new Set(user.roles)],
    password: user.password,
    ...(tgUserId ? { tgUserId } : {}),
  };
  const put = await client.request('PUT', userPath(user.name), doc);
  if (put.status !== 201 && put.status !== 202) throw CouchDbError.from(put, `write user ${user.name}`);
  return { created: rev === undefined };
}

export async function listUsers(client: CouchDbClient): Promise<SyncUser[]> {
  const query = new URLSearchParams({
    include_docs: 'true',
    startkey: JSON.stringify(USER_PREFIX),
    endkey: JSON.stringify(`${USER_PREFIX}\ufff0`),
  });
  const response = await client.request('GET', `_users/_all_docs?${query}`);
  if (response.status !== 200) throw CouchDbError.from(response, 'list users');
  return AllUsers.parse(response.body).rows.flatMap((row) =>
    row.doc ? [{ name: row.doc.name, roles: row.doc.roles, tgUserId: tgUserIdOfSyncUser(row.doc.name) }] : [],
  );
}

/** Removes the user; false if there was none. */
export async function removeUser(client: CouchDbClient, name: string): Promise<boolean> {
  const existing = await client.request('GET', userPath(name));
  if (existing.status === 404) return false;
  if (existing.status !== 200) throw CouchDbError.from(existing, `read user ${name}`);
  const rev = UserDoc.parse(existing.body)._rev;
  const removed = await client.request('DELETE', `${userPath(name)}?rev=${encodeURIComponent(rev)}`);
  if (removed.status !== 200 && removed.status !== 202) throw CouchDbError.from(removed, `remove user ${name}`);
  return true;
}
