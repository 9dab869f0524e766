// The team server's CouchDB-compatible sync endpoint: express-pouchdb over PouchDB on LevelDB,
// wrapped so that it requires a user for everything but the welcome, creates workspace databases
// on demand with their security and permission rules, and validates writes like CouchDB.
// Runs in Node (`npm run sync-server`, tests start it in-process on port 0).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import { resolveAdmin, type AdminCredentials, type AdminSource } from './admin.credentials';
import { couchUserOf, createAuthGate, type SessionAuthority } from './auth.gate';
import { createCouchDbClient } from './couchdb.client';
import { isMemberRole } from './permissions.design';
import { loadOrCreateServerIdentity } from './server.identity';
import { installValidateDocUpdate, type ValidatableDatabase } from './validation.wrapper';
import { createOnDemandDatabases, ensureWorkspaceDatabase } from './workspace.databases';

export interface SyncServerOptions {
  /** 0 picks a free port (tests). Default 5984. */
  port?: number;
  /** Default 127.0.0.1: the sync endpoint is not exposed unless asked. */
  host?: string;
  dataDir: string;
  /** Default: the admin stored in `<dataDir>/admin.json`, generated on first start. */
  admin?: AdminCredentials;
  /** Where operational problems go (failed on-demand setup). Default console.error. */
  log?: (message: string) => void;
}

export interface SyncServer {
  /** e.g. `http://127.0.0.1:5984/` (no credentials; always ends in `/`). */
  url: string;
  admin: AdminCredentials & { source: AdminSource };
  close(): Promise<void>;
}

/** The CouchDB version whose HTTP API we answer like (single node, no partitions). */
export const COMPATIBLE_COUCHDB_VERSION = '2.3.1';

export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** The express-pouchdb parts we serve. Left out on purpose: fauxton, `_replicate` and the
 *  replicator daemon (server-side replication to arbitrary URLs), `_config`, vhosts/rewrites,
 *  show/list/update functions, the test-auth backdoor, gzip `compression` (it buffers long-poll
 *  `_changes`, so heartbeats would not reach the client) and `validation` (see validation.wrapper.ts). */
const EXPRESS_POUCHDB_PARTS = [
  'config-infrastructure',
  'logging-infrastructure',
  'routes/authentication',
  'routes/authorization',
  'routes/session',
  'routes/db',
  'routes/security',
  'routes/all-dbs',
  'routes/all-docs',
  'routes/bulk-docs',
  'routes/bulk-get',
  'routes/changes',
  'routes/revs-diff',
  'routes/documents',
  'routes/attachments',
  'routes/compact',
  'routes/uuids',
  'routes/find',
  'routes/views',
  'routes/ddoc-info',
  'routes/404',
];

/** The users database as pouchdb-auth extends it. */
type UsersDatabase = SessionAuthority & { close(): Promise<void> };

function isUsersDatabase(value: unknown): value is UsersDatabase {
  if (typeof value !== 'object' || value === null) return false;
  return ['multiUserLogIn', 'multiUserSession', 'close'].every(
    (method) => typeof (value as Record<string, unknown>)[method] === 'function',
  );
}

function isValidatable(value: unknown): value is ValidatableDatabase & { close(): Promise<void> } {
  if (typeof value !== 'object' || value === null) return false;
  return ['bulkDocs', 'allDocs', 'get', 'revsDiff', 'close'].every(
    (method) => typeof (value as Record<string, unknown>)[method] === 'function',
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function setConfig(app: expressPouchDB.App, section: string, key: string, value: unknown): Promise<void> {
  return new Promise((done, fail) => app.couchConfig.set(section, key, value, (error) => (error ? fail(error) : done())));
}

/** PouchDB's constructor events are process-wide; remember ours so close() can remove them. */
function listenerSnapshot(): Map<'created' | 'destroyed', ReturnType<typeof PouchDB.listeners>> {
  return new Map([
    ['created', PouchDB.listeners('created')],
    ['destroyed', PouchDB.listeners('destroyed')],
  ]);
}

/** LevelDB lets one process open a store; say so plainly instead of failing deep inside. */
async function ensureDataDirFree(ServerPouch: ReturnType<typeof PouchDB.defaults>, dataDir: string): Promise<void> {
  const probe = new ServerPouch('_users');
  try {
    await probe.info();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      /lock/i.test(detail)
        ? `${dataDir} is in use by another sync server process (stop it, or use --url against it).`
        : `Cannot open the databases in ${dataDir}: ${detail}`,
    );
  }
  await probe.close();
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const dataDir = resolve(options.dataDir);
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const identity = loadOrCreateServerIdentity(dataDir);
  const admin = resolveAdmin(dataDir, options.admin);
  const log = options.log ?? ((message: string) => console.error(message));
  const internalToken = randomBytes(16).toString('hex');

  const listenersBefore = listenerSnapshot();
  const ServerPouch = PouchDB.defaults({ prefix: `${dbDir}/` });
  await ensureDataDirFree(ServerPouch, dataDir);
  const pouchApp = expressPouchDB({
    mode: 'custom',
    overrideMode: { include: EXPRESS_POUCHDB_PARTS },
    inMemoryConfig: true,
    logPath: join(dataDir, 'sync-server.log'),
  });

  // Every database object express-pouchdb serves passes here once: validate writes (the users
  // database has pouchdb-auth's own rules) and remember it, so close() can close it.
  const opened = new Set<{ close(): Promise<void> }>();
  pouchApp.dbWrapper.registerWrapper((name, db, next) => {
    if (!isValidatable(db)) throw new Error(`express-pouchdb handed over something that is not a database for ${name}.`);
    opened.add(db);
    if (name !== '_users') installValidateDocUpdate(db);
    return next();
  });
  await pouchApp.setPouchDB(ServerPouch);
  await setConfig(pouchApp, 'couchdb', 'uuid', identity.uuid);
  await setConfig(pouchApp, 'couch_httpd_auth', 'secret', identity.cookieSecret);
  await setConfig(pouchApp, 'log', 'level', 'warning');
  // express-pouchdb's limit on a request body (a document or a `_bulk_docs` batch); its default is 4 GB.
  await setConfig(pouchApp, 'couchdb', 'max_document_size', MAX_REQUEST_BYTES);
  await setConfig(pouchApp, 'admins', admin.name, admin.password);

  const wrappedUsers = await pouchApp.dbWrapper.wrap('_users', new ServerPouch('_users'));
  if (!isUsersDatabase(wrappedUsers)) throw new Error('The users database lacks the pouchdb-auth session API.');
  const usersDb: UsersDatabase = wrappedUsers;

  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => {
    // RxDB's CouchDB replication and PouchDB only need a CouchDB-shaped welcome here.
    res.json({
      couchdb: 'Welcome',
      version: COMPATIBLE_COUCHDB_VERSION,
      uuid: identity.uuid,
      features: [],
      vendor: { name: 'Topicdesk sync server', backend: `express-pouchdb 4.2.0, PouchDB ${PouchDB.version}, LevelDB` },
    });
  });
  app.use(createAuthGate(usersDb));

  const isServerAdmin = (req: Parameters<RequestHandler>[0]) => couchUserOf(req)?.roles.includes('_admin') ?? false;
  const adminOnly =
    (status: 401 | 403, reason: string): RequestHandler =>
    (req, res, next) => {
      if (isServerAdmin(req) || req.path === '/_session') next();
      else res.status(status).json({ error: status === 401 ? 'unauthorized' : 'forbidden', reason });
    };
  // CouchDB 3 lists databases to admins only.
  app.get('/_all_dbs', adminOnly(403, 'Only server admins may list databases.'));
  // express-pouchdb answers a non-admin's database creation with an unhandled rejection and never
  // responds; CouchDB answers 401, and so do we (workspace databases appear on demand instead).
  app.put(/^\/[^/]+\/?$/, adminOnly(401, 'You are not a server admin.'));
  app.delete(/^\/[^/]+\/?$/, adminOnly(401, 'You are not a server admin.'));
  // Only server admins read or change `_users`, except that a user may read their own document.
  // (express-pouchdb treats a user touching their own user document as an admin for that request,
  // which would let them grant themselves roles; and its guard on other documents crashes.)
  app.all(/^\/_users(\/.*)?$/, (req, res, next) => {
    const user = couchUserOf(req);
    const own = user !== null && safeDecode(req.path) === `/_users/org.couchdb.user:${user.name}`;
    if (isServerAdmin(req) || (own && (req.method === 'GET' || req.method === 'HEAD'))) next();
    else res.status(403).json({ error: 'forbidden', reason: 'Only server admins may read or change other users.' });
  });

  let url = '';
  const adminClient = () =>
    createCouchDbClient({ url, username: admin.name, password: admin.password, headers: { 'x-topicdesk-internal': internalToken } });
  app.use(
    createOnDemandDatabases({
      ensure: (db) => ensureWorkspaceDatabase(adminClient(), db),
      // App users only: the server admin (setup, our own calls) sees databases as they are.
      mayCreate: (req) =>
        req.get('x-topicdesk-internal') !== internalToken && (couchUserOf(req)?.roles.some(isMemberRole) ?? false),
      onError: (db, error) => log(`sync-server: could not prepare ${db}: ${error instanceof Error ? error.message : String(error)}`),
    }),
  );
  app.use(pouchApp);
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    log(`sync-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) res.status(500).json({ error: 'internal_server_error', reason: 'The sync server failed; see its log.' });
  };
  app.use(onError);

  /** Stops express-pouchdb's daemons, removes its process-wide listeners and closes every store. */
  async function release(): Promise<void> {
    await pouchApp.daemonManager.stop(ServerPouch);
    for (const [event, before] of listenersBefore) {
      for (const listener of PouchDB.listeners(event)) {
        if (!before.includes(listener)) PouchDB.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    // Closing one PouchDB object closes the LevelDB store all objects of that name share;
    // the second close of a store answers "not open", which is fine.
    const allDbs = new ServerPouch('pouch__all_dbs__');
    for (const db of [...opened, usersDb, allDbs]) await db.close().catch(() => undefined);
    const logger: unknown = Reflect.get(pouchApp, 'couchLogger');
    const stream: unknown = typeof logger === 'object' && logger !== null ? Reflect.get(logger, '_stream') : null;
    if (typeof stream === 'object' && stream !== null && 'end' in stream && typeof stream.end === 'function') stream.end();
  }

  const host = options.host ?? '127.0.0.1';
  const server = app.listen(options.port ?? 5984, host);
  try {
    await new Promise<void>((done, fail) => {
      server.once('listening', done);
      server.once('error', fail);
    });
  } catch (error) {
    await release();
    throw error;
  }
  const address = server.address() as AddressInfo;
  // Our own admin calls (on-demand setup) go over loopback when we listen on every interface.
  const callHost = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  url = `http://${callHost.includes(':') ? `[${callHost}]` : callHost}:${address.port}/`;

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    // Long-poll `_changes` requests would otherwise keep the server open for their heartbeat.
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await release();
  }

  return {
    url,
    admin,
    close: () => (closing ??= close()),
  };
}
