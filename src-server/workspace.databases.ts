// The workspace databases: one per collection per workspace, named `td-<workspace>-<collection>`,
// each with the members-only `_security` object and the `_design/topicdesk` permission rules.
// Names are pure; `ensureWorkspaceDatabase` makes one ready over the CouchDB HTTP API (so the
// same code serves Apache CouchDB setup and the embedded server's on-demand creation).
// Runs in Node (team server and CLI).
import { isDeepStrictEqual } from 'node:util';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { CouchDbError, docPath, type CouchDbClient } from './couchdb.client';
import { DESIGN_DOC_ID, memberRoles, permissionsDesignDoc } from './permissions.design';

export const workspaceCollections = [
  'tickets',
  'messages',
  'agents',
  'config',
  'events',
] as const;
export type WorkspaceCollection = (typeof workspaceCollections)[number];

/** Same shape as the app's `--workspace`: lower-case letters, digits and dashes. */
export const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const DATABASE_NAME = new RegExp(`^td-([a-z0-9][a-z0-9-]{0,62})-(${workspaceCollections.join('|')})$`);

export function isWorkspaceCollection(value: string): value is WorkspaceCollection {
  return (workspaceCollections as readonly string[]).includes(value);
}

export function isWorkspaceSlug(value: string): boolean {
  return WORKSPACE_SLUG.test(value);
}

export function workspaceDatabaseName(workspace: string, collection: WorkspaceCollection): string {
  if (!isWorkspaceSlug(workspace)) throw new Error(`Not a workspace slug (a-z, 0-9, -): "${workspace}".`);
  return `td-${workspace}-${collection}`;
}

export function workspaceDatabaseNames(workspace: string): string[] {
  return workspaceCollections.map((collection) => workspaceDatabaseName(workspace, collection));
}

/** `td-acme-tickets` → `{ workspace: 'acme', collection: 'tickets' }`; null for any other name. */
export function parseWorkspaceDatabaseName(name: string): { workspace: string; collection: WorkspaceCollection } | null {
  const match = DATABASE_NAME.exec(name);
  const workspace = match?.[1];
  const collection = match?.[2];
  if (!workspace || !collection || !isWorkspaceCollection(collection)) return null;
  return { workspace, collection };
}

/** Members are the three Topicdesk roles; database admins are server admins only (they alone may
 *  change the design document, i.e. the rules). */
export const workspaceSecurity = {
  admins: { names: [] as string[], roles: [] as string[] },
  members: { names: [] as string[], roles: [...memberRoles] as string[] },
};

export interface EnsureReport {
  db: string;
  created: boolean;
  securityUpdated: boolean;
  designUpdated: boolean;
}

const DesignDocOnServer = z.object({ _rev: z.string() }).passthrough();

function expect(response: { status: number; body: unknown }, ok: readonly number[], what: string): void {
  if (!ok.includes(response.status)) throw CouchDbError.from(response, what);
}

/** Creates the database if missing and brings its `_security` and design document up to date.
 *  Idempotent: a second run changes nothing; a changed rule set updates the design doc in place. */
export async function ensureWorkspaceDatabase(client: CouchDbClient, db: string): Promise<EnsureReport> {
  const parsed = parseWorkspaceDatabaseName(db);
  if (!parsed) throw new Error(`Not a Topicdesk workspace database name: "${db}".`);
  const dbPath = encodeURIComponent(db);

  const info = await client.request('GET', dbPath);
  let created = false;
  if (info.status === 404) {
    const put = await client.request('PUT', dbPath);
    // 202: a cluster accepted it without quorum yet; 412: someone created it meanwhile.
    expect(put, [201, 202, 412], `create ${db}`);
    created = put.status !== 412;
  } else {
    expect(info, [200], `read ${db}`);
  }

  const security = await client.request('GET', `${dbPath}/_security`);
  expect(security, [200], `read ${db}/_security`);
  let securityUpdated = false;
  if (!isDeepStrictEqual(security.body, workspaceSecurity)) {
    expect(await client.request('PUT', `${dbPath}/_security`, workspaceSecurity), [200, 201], `write ${db}/_security`);
    securityUpdated = true;
  }

  const designUpdated = await ensureDesignDoc(client, db, parsed.collection);
  return { db, created, securityUpdated, designUpdated };
}

async function ensureDesignDoc(client: CouchDbClient, db: string, collection: WorkspaceCollection): Promise<boolean> {
  const desired = permissionsDesignDoc(collection);
  const path = docPath(db, DESIGN_DOC_ID);
  // A concurrent setup (another server, another process) may win the race: re-read and retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await client.request('GET', path);
    let rev: string | undefined;
    if (current.status === 200) {
      const { _rev, ...onServer } = DesignDocOnServer.parse(current.body);
      if (isDeepStrictEqual(onServer, desired)) return false;
      rev = _rev;
    } else {
      expect(current, [404], `read ${db}/${DESIGN_DOC_ID}`);
    }
    const put = await client.request('PUT', path, rev === undefined ? desired : { ...desired, _rev: rev });
    if (put.status === 409) continue;
    expect(put, [200, 201, 202], `write ${db}/${DESIGN_DOC_ID}`);
    return true;
  }
  throw new Error(`Could not update ${db}/${DESIGN_DOC_ID}: it kept changing under us.`);
}

export interface OnDemandOptions {
  /** Makes a database ready (normally `ensureWorkspaceDatabase` with admin credentials). */
  ensure: (db: string) => Promise<unknown>;
  /** Whether this request may trigger creation (authenticated member, not our own admin calls). */
  mayCreate: (req: Parameters<RequestHandler>[0]) => boolean;
  onError?: (db: string, error: unknown) => void;
}

/** Express middleware: the first request that touches `td-<workspace>-<collection>` in this
 *  process makes that database ready before the request goes on, so a fresh app can replicate
 *  at once. Concurrent first requests share one setup; a failed setup is retried next time. */
export function createOnDemandDatabases(options: OnDemandOptions): RequestHandler {
  const ready = new Set<string>();
  const pending = new Map<string, Promise<unknown>>();

  return (req, res, next) => {
    const first = req.path.split('/')[1] ?? '';
    let db: string;
    try {
      db = decodeURIComponent(first);
    } catch {
      next();
      return;
    }
    if (ready.has(db) || !parseWorkspaceDatabaseName(db) || !options.mayCreate(req)) {
      next();
      return;
    }
    let setup = pending.get(db);
    if (!setup) {
      setup = options.ensure(db).finally(() => pending.delete(db));
      pending.set(db, setup);
    }
    setup.then(
      () => {
        ready.add(db);
        next();
      },
      (error: unknown) => {
        options.onError?.(db, error);
        res.status(503).json({ error: 'db_setup_failed', reason: `Could not prepare ${db}; try again.` });
      },
    );
  };
}
