// Test helper (vitest only): the real team server (`npm run sync-server`) in its own process on a
// loopback port, so a test can kill it mid-push (SIGKILL, no clean shutdown) and start it again on
// the same data dir and port; plus the few admin calls tests need, over the CouchDB HTTP API.
// Runs in the test process; the server runs under Node with tsx, as `npm run sync-server` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { basicAuthorization } from '../sync.fetch';

export const TEST_ADMIN = { name: 'admin', password: 'admin-password' } as const;
export const TEST_PASSWORD = 'password-123';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const serverMain = fileURLToPath(new URL('../../../../src-server/main.ts', import.meta.url));

export interface ServerProcess {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGKILL: the server dies mid-whatever, as in a crash or power loss. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerProcess(options: { dataDir: string; port?: number }): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', serverMain, '--port', String(options.port ?? 0), '--data', options.dataDir, '--admin', `${TEST_ADMIN.name}:${TEST_ADMIN.password}`],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The sync server did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /sync server on (http:\/\/\S+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The sync server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  // Keep reading, so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url,
    port: Number(new URL(url).port),
    dataDir: options.dataDir,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** A CouchDB call as the server admin; the body parsed as JSON (null when there is none). */
export async function asAdmin(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      authorization: basicAuthorization(TEST_ADMIN.name, TEST_ADMIN.password),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Creates (or updates) a sync user, as `npm run sync-server -- users add` does. */
export async function addSyncUser(url: string, name: string, roles: string[], password: string = TEST_PASSWORD): Promise<void> {
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await asAdmin(url, 'GET', path);
  const rev = existing.status === 200 ? z.object({ _rev: z.string() }).parse(existing.body)._rev : undefined;
  const put = await asAdmin(url, 'PUT', path, { _id: `org.couchdb.user:${name}`, ...(rev ? { _rev: rev } : {}), type: 'user', name, roles, password });
  if (put.status !== 201 && put.status !== 202) throw new Error(`Could not add ${name}: ${JSON.stringify(put.body)}`);
}

const AllDocs = z.object({
  total_rows: z.number(),
  rows: z.array(z.object({ id: z.string(), doc: z.looseObject({ _rev: z.string(), _conflicts: z.array(z.string()).optional() }).optional() })),
});

/** The documents of one workspace database on the server (design documents left out), with their conflicts. */
export async function serverDocuments(url: string, db: string): Promise<Array<{ id: string; doc: Record<string, unknown> & { _rev: string; _conflicts?: string[] } }>> {
  const answer = await asAdmin(url, 'GET', `${db}/_all_docs?include_docs=true&conflicts=true`);
  if (answer.status !== 200) throw new Error(`Could not list ${db}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return AllDocs.parse(answer.body)
    .rows.filter((row) => !row.id.startsWith('_design/'))
    .flatMap((row) => (row.doc ? [{ id: row.id, doc: row.doc }] : []));
}
