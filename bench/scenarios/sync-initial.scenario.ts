// sync.initial_docs_per_s: a fresh core pulls the workspace from the team server (its own process on
// loopback) until every document is stored; sync.pouchdb_docs_per_s: PouchDB's own replication
// (`replicate.from` into fresh LevelDB databases) of the same databases from the same server, in the same
// run; sync.vs_pouchdb_ratio: the two divided; sync.initial_completeness: the share of the workspace a fresh
// core has stored when its pull goes quiet, with the databases laid out as a real workspace has them.
// Bench only.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { RxCollection } from 'rxdb';
import type { SharedCollection } from '../../src-main/core/db/database';
import { MemorySecretStore } from '../../src-main/core/secrets/secret.store';
import { workspaceDatabaseName } from '../../src-main/core/sync/sync.url';
import type { Sample, Scenario, Trial } from '../scenario';
import { startBenchCore, type BenchCore } from '../support/bench.core';
import { SYNC_DRIVER } from '../support/sync.drivers';
import { startSyncWorkspace, SYNC_WORKSPACE, type SyncWorkspace } from '../support/sync.workspace';
import { makeTempDir, removeDir } from '../support/temp.dirs';

const SIZES = { full: 20_000, quick: 2_000 } as const;

/**
 * The little of PouchDB this peer measurement uses. Loaded untyped on purpose: @types/pouchdb
 * declares a global Buffer that breaks Node's Buffer types everywhere else in this project.
 */
interface PouchPeer {
  replicate: { from(remote: PouchPeer): Promise<{ docs_written: number }> };
  close(): Promise<void>;
}
type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchPeer;
const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;
/** A pull that stores nothing new for this long has stopped (RxDB retries a failed write every second). */
const QUIET_MS = 8_000;

export interface PullOutcome {
  stored: number;
  total: number;
  /** Start of the pull → the last workspace document stored (or the last progress before it went quiet). */
  seconds: number;
  complete: boolean;
  firstError: string | null;
}

/** Counts the workspace's documents as the core stores them (its own writes, e.g. activity notes, are not counted). */
function watchPulled(bench: BenchCore, ids: SyncWorkspace['ids']) {
  const seen = new Set<string>();
  let lastAt = performance.now();
  const subscriptions = (Object.entries(ids) as [SharedCollection, Set<string>][]).map(([name, expected]) =>
    // Every shared collection has its own document type; only the id and the change kind matter here.
    (bench.core.db[name] as unknown as RxCollection<object>).$.subscribe((event) => {
      if (event.operation === 'DELETE' || !expected.has(event.documentId)) return;
      const key = `${name}/${event.documentId}`;
      if (seen.has(key)) return;
      seen.add(key);
      lastAt = performance.now();
    }),
  );
  return { stored: () => seen.size, lastAt: () => lastAt, stop: () => subscriptions.forEach((s) => s.unsubscribe()) };
}

/** A fresh core pulls until it has every workspace document or stores nothing new for QUIET_MS. */
export async function corePull(workspace: SyncWorkspace, dir: string, log: (message: string) => void): Promise<PullOutcome> {
  const user = workspace.users[0] as { name: string; password: string };
  const secrets = new MemorySecretStore();
  const bench = await startBenchCore(join(dir, 'core'), { workspace: SYNC_WORKSPACE, secrets });
  const watch = watchPulled(bench, workspace.ids);
  let firstError: string | null = null;
  let sync: { stop(): Promise<void> } | null = null;
  try {
    const started = performance.now();
    sync = await SYNC_DRIVER.start({
      core: bench.core,
      secrets,
      workspace: SYNC_WORKSPACE,
      url: workspace.server.url,
      username: user.name,
      password: user.password,
      onError: (message) => void (firstError ??= message.split('\n')[0] ?? message),
    });
    let reported = performance.now();
    while (watch.stored() < workspace.total && performance.now() - watch.lastAt() < QUIET_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (performance.now() - reported > 30_000) {
        reported = performance.now();
        log(`sync_initial: ${watch.stored()}/${workspace.total} stored`);
      }
    }
    return { stored: watch.stored(), total: workspace.total, seconds: (watch.lastAt() - started) / 1000, complete: watch.stored() >= workspace.total, firstError };
  } finally {
    watch.stop();
    await sync?.stop();
    await bench.dispose();
  }
}

async function pouchPull(workspace: SyncWorkspace, dir: string): Promise<number> {
  const user = workspace.users[0] as { name: string; password: string };
  mkdirSync(dir, { recursive: true });
  const databases = (Object.keys(workspace.counts) as SharedCollection[]).map((name) => {
    const db = workspaceDatabaseName(SYNC_WORKSPACE, name);
    return {
      local: new PouchDB(join(dir, db)),
      remote: new PouchDB(new URL(`${db}/`, workspace.server.url).href, { auth: { username: user.name, password: user.password }, skip_setup: true }),
    };
  });
  try {
    const started = performance.now();
    const results = await Promise.all(databases.map(({ local, remote }) => local.replicate.from(remote)));
    const seconds = (performance.now() - started) / 1000;
    const written = results.reduce((sum, r) => sum + r.docs_written, 0);
    if (written < workspace.total) throw new Error(`PouchDB wrote ${written} of ${workspace.total} documents`);
    return workspace.total / seconds;
  } finally {
    await Promise.all(databases.flatMap(({ local, remote }) => [local.close(), remote.close()]));
  }
}

const describePull = (pull: PullOutcome) =>
  `${pull.stored} of ${pull.total} documents (${((pull.stored / pull.total) * 100).toFixed(1)}%)${pull.firstError ? `; first replication error: ${pull.firstError}` : ''}`;

export const syncInitialScenario: Scenario = {
  id: 'sync_initial',
  figures: [
    { name: 'sync.initial_docs_per_s', unit: 'docs/s', better: 'higher', reference: 'sync.pouchdb_docs_per_s' },
    { name: 'sync.pouchdb_docs_per_s', unit: 'docs/s', better: 'higher' },
    { name: 'sync.vs_pouchdb_ratio', unit: 'ratio', better: 'higher' },
    { name: 'sync.initial_completeness', unit: 'ratio', better: 'higher' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 2 } },
  async setup(context): Promise<Trial> {
    const dir = makeTempDir('sync-initial', context.tmpRoot);
    context.log(`sync_initial: starting the team server and writing ${SIZES[context.mode]} documents`);
    const workspace = await startSyncWorkspace(context.repoRoot, dir, SIZES[context.mode], 1);
    // Once, as a newcomer's app meets a workspace (design documents first in `_changes`): how much arrives.
    context.log('sync_initial: how much of the workspace does a fresh core pull, as the databases are laid out?');
    const layoutDir = makeTempDir('as-laid-out', dir);
    const asLaidOut = await corePull(workspace, layoutDir, context.log);
    removeDir(layoutDir);
    let lastPull: PullOutcome | null = null;
    return {
      async measure() {
        const runDir = makeTempDir('pull', dir);
        try {
          await workspace.designDocsLast();
          // PouchDB first: the core pushes back what its automation writes, which PouchDB would then pull too.
          const pouch = await pouchPull(workspace, join(runDir, 'pouch'));
          const pull = await corePull(workspace, runDir, context.log);
          lastPull = pull;
          const sample: Sample = { 'sync.pouchdb_docs_per_s': pouch, 'sync.initial_completeness': asLaidOut.stored / asLaidOut.total };
          if (pull.complete) {
            const rate = pull.total / pull.seconds;
            Object.assign(sample, { 'sync.initial_docs_per_s': rate, 'sync.vs_pouchdb_ratio': rate / pouch });
          } else context.log(`sync_initial: the pull stopped at ${describePull(pull)}`);
          return sample;
        } finally {
          removeDir(runDir);
        }
      },
      notes: () => [
        `${workspace.total} documents (${Object.entries(workspace.counts).map(([k, v]) => `${v} ${k}`).join(', ')}) in td-${SYNC_WORKSPACE}-* on the team server (src-server/main.ts, own process, loopback, LevelDB).`,
        `Core: ${SYNC_DRIVER.label}, a fresh core on DenoKV each run, clock stopped at the last workspace document stored (its automation runs meanwhile, as in the app); PouchDB: replicate.from with its defaults into fresh LevelDB databases, same user.`,
        `As a real workspace is laid out (design documents first in _changes) a fresh core stored ${describePull(asLaidOut)} and then went quiet (sync.initial_completeness, measured once).`,
        `The timed runs rewrite the design documents first so they are the newest change${lastPull && !lastPull.complete ? `; even so the last run stopped at ${describePull(lastPull)}` : ''}. See bench/README.md, findings.`,
      ],
      async dispose() {
        await workspace.server.child.stop();
        removeDir(dir);
      },
    };
  },
};
