// How a bench core replicates with the team server. `serviceDriver` uses the core's SyncService (built into
// the core once startCore has it, else created on the core's database as the sync tests do);
// `rxdbDriver` runs RxDB's replicateCouchDB on the core's shared collections directly with the service's own
// fetch and batch sizes. SYNC_DRIVER picks one: switching is that one line. Bench only.
import type { RxCollection } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { sharedCollections } from '../../src-main/core/db/database';
import type { SecretStore } from '../../src-main/core/secrets/secret.store';
import type { Core } from '../../src-main/core/start-core';
import { createSyncFetch } from '../../src-main/core/sync/sync.fetch';
import { createSyncService, type SyncService } from '../../src-main/core/sync/sync.service';
import { collectionDatabaseUrl, replicationIdentifierFor } from '../../src-main/core/sync/sync.url';

export interface SyncTarget {
  core: Core;
  secrets: SecretStore;
  workspace: string;
  url: string;
  username: string;
  password: string;
  /** What the sync code logged or its replications reported as errors (retries included). */
  onError?(message: string): void;
}

export interface SyncDriver {
  readonly label: string;
  start(target: SyncTarget): Promise<{ stop(): Promise<void> }>;
}

/** The core's SyncService: `configure` with the server, as the Settings screen does. */
export const serviceDriver: SyncDriver = {
  label: 'the core\'s SyncService (src-main/core/sync/sync.service.ts)',
  async start({ core, secrets, url, username, password, onError }) {
    const builtIn = (core as Core & { sync?: SyncService }).sync;
    const log = (message: string, error?: unknown) => {
      if (/^sync: replicating with/.test(message)) return;
      onError?.(`${message}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ''}`);
    };
    const sync = builtIn ?? createSyncService({ db: core.db, status: core.status, local: core.local, secrets, clock: Date.now, log });
    if (!builtIn) await sync.start();
    await sync.configure({ url, username, password });
    return {
      async stop() {
        if (builtIn) await sync.configure(null);
        else await sync.dispose();
      },
    };
  },
};

/** RxDB's CouchDB replication on every shared collection, with the sync service's fetch and batch sizes. */
export const rxdbDriver: SyncDriver = {
  label: 'RxDB replicateCouchDB on the core\'s collections (the sync service\'s fetch and batch sizes)',
  async start({ core, workspace, url, username, password, onError }) {
    const controller = new AbortController();
    const quiet = { answered() {}, unreachable() {}, rejected() {}, refused() {}, invalid() {} };
    const states: RxCouchDBReplicationState<object>[] = sharedCollections.map((name) =>
      replicateCouchDB<object>({
        replicationIdentifier: replicationIdentifierFor(url, workspace, name),
        collection: core.db[name] as unknown as RxCollection<object>,
        url: collectionDatabaseUrl(url, workspace, name),
        fetch: createSyncFetch({ collection: name, username, password, signal: controller.signal, events: quiet }).fetch,
        live: true,
        retryTime: 1_000,
        waitForLeadership: false,
        autoStart: true,
        pull: { batchSize: 100, heartbeat: 30_000 },
        push: { batchSize: 50 },
      }),
    );
    const subscriptions = states.map((state) => state.error$.subscribe((error) => onError?.(error instanceof Error ? error.message : String(error))));
    return {
      async stop() {
        subscriptions.forEach((subscription) => subscription.unsubscribe());
        controller.abort();
        await Promise.allSettled(states.map((state) => state.cancel()));
      },
    };
  },
};

/** The driver the sync scenarios use. */
export const SYNC_DRIVER: SyncDriver = serviceDriver;
