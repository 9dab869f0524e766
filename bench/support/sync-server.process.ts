// The team server as its own process (`npm run sync-server`: src-server/main.ts under tsx) on a loopback
// port, plus the admin and member calls the sync scenarios need over the CouchDB HTTP API: users, and
// seeding a workspace's databases with `_bulk_docs`. Bench only.
import { join } from 'node:path';
import { z } from 'zod';
import { startChild, cleanEnv, type ChildHandle } from './child.processes';

export const BENCH_ADMIN = { name: 'admin', password: 'bench-admin-password' } as const;
export const BENCH_PASSWORD = 'bench-password-123';

export interface SyncServerProcess {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  child: ChildHandle;
}

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

export async function startSyncServerProcess(repoRoot: string, dataDir: string): Promise<SyncServerProcess> {
  const child = startChild(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src-server', 'main.ts'), '--port', '0', '--data', dataDir, '--admin', `${BENCH_ADMIN.name}:${BENCH_ADMIN.password}`],
    { cwd: repoRoot, env: cleanEnv() },
  );
  try {
    const match = await child.waitFor(/sync server on (http:\/\/127\.0\.0\.1:\d+\/)/, 60_000);
    return { url: match[1] as string, child };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

export async function couchCall(
  url: string,
  user: { name: string; password: string },
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { authorization: basic(user.name, user.password), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** Adds a sync user with these roles (as `npm run sync-server -- users add`). */
export async function addSyncUser(url: string, name: string, roles: string[]): Promise<{ name: string; password: string }> {
  const id = `org.couchdb.user:${name}`;
  const put = await couchCall(url, BENCH_ADMIN, 'PUT', `_users/${encodeURIComponent(id)}`, { _id: id, type: 'user', name, roles, password: BENCH_PASSWORD });
  if (put.status !== 201 && put.status !== 202) throw new Error(`could not add sync user ${name}: ${put.status} ${JSON.stringify(put.body)}`);
  return { name, password: BENCH_PASSWORD };
}

const BulkAnswer = z.array(z.looseObject({ id: z.string(), error: z.string().optional(), reason: z.string().optional() }));

/** Writes documents (`id` becomes `_id`) as a member, 1,000 per request; the server's rules check each one. */
export async function seedDatabase(url: string, member: { name: string; password: string }, db: string, docs: readonly { id: string }[]): Promise<void> {
  for (let at = 0; at < docs.length; at += 1_000) {
    const batch = docs.slice(at, at + 1_000).map(({ id, ...fields }) => ({ _id: id, ...fields }));
    const answer = await couchCall(url, member, 'POST', `${encodeURIComponent(db)}/_bulk_docs`, { docs: batch });
    if (answer.status !== 201) throw new Error(`seeding ${db} failed: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    const refused = BulkAnswer.parse(answer.body).filter((row) => row.error !== undefined);
    if (refused.length) throw new Error(`the server refused ${refused.length} documents of ${db}, e.g. ${refused[0]?.id}: ${refused[0]?.reason}`);
  }
}

const DesignDoc = z.looseObject({ _id: z.string(), _rev: z.string() });

/**
 * Writes the design document of `db` again, unchanged, so its row is the newest in `_changes`. A page of
 * `_changes` that contains it comes back to RxDB one row short (the replication fetch drops design documents),
 * and RxDB ends an initial pull at the first short page: with the design document first, a fresh core pulls only
 * the first page (see the README's findings). Moving it last lets the pull run to the end; the sync scenarios
 * measure the real pull that way and report the early stop separately.
 */
export async function moveDesignDocLast(url: string, db: string): Promise<void> {
  const path = `${encodeURIComponent(db)}/_design/topicdesk`;
  const current = await couchCall(url, BENCH_ADMIN, 'GET', path);
  if (current.status === 404) return;
  const doc = DesignDoc.parse(current.body);
  const put = await couchCall(url, BENCH_ADMIN, 'PUT', path, doc);
  if (put.status !== 201 && put.status !== 202) throw new Error(`could not rewrite ${db}/_design/topicdesk: ${put.status}`);
}
