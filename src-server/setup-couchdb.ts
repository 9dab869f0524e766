// Installs a workspace on a CouchDB server (Apache CouchDB 3, a cluster, or our embedded server):
// the `_users` database, every `td-<workspace>-<collection>` database with its `_security`, and
// the `_design/topicdesk` permission rules. Idempotent: re-running changes only what differs
// (e.g. updates the design document in place after an upgrade). Runs in Node (CLI).
import { z } from 'zod';
import { CouchDbError, type CouchDbClient } from './couchdb.client';
import { ensureWorkspaceDatabase, isWorkspaceSlug, workspaceDatabaseNames, type EnsureReport } from './workspace.databases';

export interface SetupReport {
  server: string;
  usersDbCreated: boolean;
  databases: EnsureReport[];
}

const Welcome = z.object({ couchdb: z.literal('Welcome'), version: z.string() }).passthrough();
const Session = z.object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) });

/** Checks that the URL is a CouchDB-compatible server and that we are its admin. */
async function checkServer(client: CouchDbClient): Promise<string> {
  const welcome = await client.request('GET', '');
  const parsed = Welcome.safeParse(welcome.body);
  if (welcome.status !== 200 || !parsed.success) throw new Error(`${client.baseUrl} does not answer like CouchDB.`);
  const session = await client.request('GET', '_session');
  const userCtx = session.status === 200 ? Session.safeParse(session.body) : null;
  if (!userCtx?.success || !userCtx.data.userCtx.roles.includes('_admin')) {
    throw new Error(`Setup needs server admin credentials in the URL (https://ADMIN:PASSWORD@host:5984).`);
  }
  return `CouchDB ${parsed.data.version}`;
}

export async function setupCouchDb(client: CouchDbClient, workspaces: readonly string[]): Promise<SetupReport> {
  if (workspaces.length === 0) throw new Error('Name at least one workspace.');
  for (const workspace of workspaces) {
    if (!isWorkspaceSlug(workspace)) throw new Error(`Not a workspace slug (a-z, 0-9, -): "${workspace}".`);
  }
  const server = await checkServer(client);

  // A fresh Apache CouchDB cluster has no `_users` until someone creates it.
  const users = await client.request('PUT', '_users');
  if (![201, 202, 412].includes(users.status)) throw CouchDbError.from(users, 'create _users');

  const databases: EnsureReport[] = [];
  for (const workspace of workspaces) {
    for (const db of workspaceDatabaseNames(workspace)) databases.push(await ensureWorkspaceDatabase(client, db));
  }
  return { server, usersDbCreated: users.status !== 412, databases };
}
