// Test helper (vitest only): an agent's app as the sync tests need it: a real core (startCore)
// with the SyncService built on its database, status and local state, a clock the test sets, and
// short retry timings. Plus a bounded wait. Runs in the test process.
import { vi } from 'vitest';
import type { AppStatus } from '../../../../src-preload/contract';
import type { StorageOption } from '../../db/database';
import { MemorySecretStore, type SecretStore } from '../../secrets/secret.store';
import { startCore, type Core } from '../../start-core';
import { createSyncService, type SyncService, type SyncTuning } from '../sync.service';
import { TEST_PASSWORD } from './sync-server.process';

export const WORKSPACE = 'acme';

/** Fast retries: a restarted server is found again within a few hundred ms. */
export const TEST_TUNING: SyncTuning = { retryMs: 100, maxRetryMs: 400, heartbeatMs: 5_000, pushBatchSize: 50, verifyTimeoutMs: 2_000 };

export interface TestClock {
  (): number;
  /** Later calls return `at`, `at + 1`, … (each write gets its own time). */
  set(at: number): void;
}

export function testClock(start = 1_700_000_000_000): TestClock {
  let now = start;
  const clock = (() => now++) as TestClock;
  clock.set = (at) => {
    now = at;
  };
  return clock;
}

export interface Peer {
  core: Core;
  sync: SyncService;
  secrets: SecretStore;
  clock: TestClock;
  /** `status.sync` as the status line shows it. */
  readonly syncStatus: AppStatus['sync'];
  dispose(): Promise<void>;
}

export interface PeerOptions {
  storage?: StorageOption;
  /** Keep the password across a restart of the same app (the keychain). */
  secrets?: SecretStore;
  tuning?: SyncTuning;
  clock?: TestClock;
  log?: (message: string, error?: unknown) => void;
}

export async function startPeer(options: PeerOptions = {}): Promise<Peer> {
  const clock = options.clock ?? testClock();
  const secrets = options.secrets ?? new MemorySecretStore();
  const log = options.log ?? (() => {});
  const tuning = options.tuning ?? TEST_TUNING;
  // `syncTuning` is for startCore once it builds the SyncService itself (then `core.sync` is used).
  const coreOptions = { workspace: WORKSPACE, storage: options.storage ?? { kind: 'memory' as const }, validate: true, clock, secrets, log, syncTuning: tuning };
  const core = await startCore(coreOptions);
  const builtIn = (core as Core & { sync?: SyncService }).sync;
  const sync = builtIn ?? createSyncService({ db: core.db, status: core.status, local: core.local, secrets, clock, log, tuning });
  if (!builtIn) await sync.start();
  let disposed = false;
  return {
    core,
    sync,
    secrets,
    clock,
    get syncStatus() {
      return core.status.value.sync;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (!builtIn) await sync.dispose();
      await core.dispose();
    },
  };
}

/** Points the peer at the server as `username` (password TEST_PASSWORD). */
export async function connectPeer(peer: Peer, url: string, username: string): Promise<void> {
  await peer.sync.configure({ url, username, password: TEST_PASSWORD });
}

/** Polls until `check` passes (assertions inside), for at most `timeout` ms. */
export function eventually<T>(check: () => T | Promise<T>, timeout = 15_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 50 });
}

export const isUpToDate = (peer: Peer) => peer.syncStatus.state === 'up_to_date' && peer.syncStatus.pending === 0;
