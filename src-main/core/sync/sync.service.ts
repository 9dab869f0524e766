// Team sync from the core: every shared collection replicates live with the team's
// CouchDB-compatible server (`<server>/td-<workspace>-<collection>/`) through RxDB's CouchDB
// replication, with retry and backoff, resuming from RxDB's checkpoints after restarts and network
// loss. Keeps `status.sync` (state, pending local changes, a plain detail) and the Settings view
// current, and repairs documents the server's rules refused. Runs in the core (main process or
// headless host); the server address and user name live in LocalState, the password in the
// SecretStore.
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { z } from 'zod';
import type { RxCollection } from 'rxdb';
import { couchDBDocToRxDocData, replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { CommandError } from '../../../src-preload/contract';
import type { SyncRefusal, SyncSettings } from '../../../src-preload/contract/sync.contract';
import type { AppStatusStore } from '../app/app-status';
import { sharedCollections, type SharedCollection, type TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import type { SecretStore } from '../secrets/secret.store';
import { PendingTracker, type SyncedDoc } from './pending.tracker';
import { mayPush } from './push.permissions';
import { checkPulledDocument, CouchDocument } from './pulled.documents';
import { MAX_REPAIRS, repairedDocument } from './refusal.repair';
import { basicAuthorization, createSyncFetch, SyncHttpError, type FetchLike, type Refusal, type SyncFetch } from './sync.fetch';
import { initialSyncFacts, refusalText, rejectionText, syncStatusOf, type SyncFacts, type SyncStatus } from './sync.status';
import {
  collectionDatabaseUrl,
  displayAddress,
  replicationIdentifierFor,
  SyncAddressError,
  syncCredentialsFrom,
  type SyncCredentials,
} from './sync.url';

export const SYNC_SETTINGS_KEY = 'sync.settings';
export const SYNC_PASSWORD_SECRET = 'sync.password';

/** `roles`: what the server last said this user is (decides what is sent); absent until it answered. */
const StoredSettings = z.object({ enabled: z.boolean(), url: z.string(), username: z.string(), roles: z.array(z.string()).nullable().optional() });
type StoredSettings = z.infer<typeof StoredSettings>;

const Session = z.object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) });

const MAX_REFUSALS_SHOWN = 20;

/** Timing and sizes; the defaults suit the app, tests shrink them. */
export interface SyncTuning {
  /** The fetch underneath every request (tests). */
  fetch?: FetchLike;
  /** First retry delay after a failure; doubles per failure up to maxRetryMs, back to this after a success. */
  retryMs?: number;
  maxRetryMs?: number;
  pushBatchSize?: number;
  pullBatchSize?: number;
  /** Heartbeat of the `_changes` long-poll. */
  heartbeatMs?: number;
  /** How long `configure` waits for the server to check the password. */
  verifyTimeoutMs?: number;
}

export interface SyncServiceDeps {
  db: TopicdeskDatabase;
  status: AppStatusStore;
  local: LocalState;
  secrets: SecretStore;
  clock: () => number;
  log?: (message: string, error?: unknown) => void;
  tuning?: SyncTuning;
}

export interface SyncService {
  /** The Settings view: current value at once, then every change. */
  readonly settings$: Observable<SyncSettings>;
  readonly settings: SyncSettings;
  /** Loads the saved server and starts replicating if sync is on. Does not wait for the network. */
  start(): Promise<void>;
  /** Saves and uses a server (checking the password when the server answers), or switches sync off (null). */
  configure(config: { url: string; username?: string | null; password?: string | null } | null): Promise<SyncSettings>;
  /** After wake or a network change, or "Sync now": retry at once and clear a shown refusal. */
  resume(): void;
  dispose(): Promise<void>;
}

interface Runner {
  name: SharedCollection;
  collection: RxCollection<SyncedDoc>;
  dbUrl: string;
  http: SyncFetch;
  replication: RxCouchDBReplicationState<SyncedDoc>;
  tracker: PendingTracker;
  active: boolean;
  lastError: string | null;
  subscriptions: Subscription[];
}

interface Run {
  credentials: SyncCredentials;
  controller: AbortController;
  runners: Map<SharedCollection, Runner>;
  repairs: Promise<void>;
  /** The user's roles were asked for in this run. */
  rolesAsked: boolean;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : '';
    return `${code}${error.message.split('\n')[0] ?? ''}`;
  }
  return String(error);
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { db, status, local, secrets, clock } = deps;
  const log = deps.log ?? (() => {});
  const tuning = deps.tuning ?? {};
  const retryMs = tuning.retryMs ?? 1_000;
  const maxRetryMs = tuning.maxRetryMs ?? 30_000;
  const workspace = status.value.workspace;

  let stored: StoredSettings | null = null;
  let hasPassword = false;
  let facts: SyncFacts = initialSyncFacts;
  let run: Run | null = null;
  let disposed = false;
  let refusals: SyncRefusal[] = [];
  /** Refusals per document in this session, so repairs stop instead of looping. */
  const repairAttempts = new Map<string, number>();
  /** Documents not sent because the user's role may not change them, said once each. */
  const withheld = new Set<string>();

  const settingsSubject = new BehaviorSubject<SyncSettings>(currentSettings());

  function currentSettings(): SyncSettings {
    return {
      enabled: stored?.enabled ?? false,
      url: stored?.url ?? null,
      username: stored?.username ?? null,
      hasPassword,
      secretStorage: secrets.description,
      secretWarning: secrets.persistent ? null : 'The password is kept in memory only: enter it again after a restart.',
      status: syncStatusOf(facts),
      refusals,
    };
  }

  let lastStatus: SyncStatus | null = null;
  function publish(): void {
    if (disposed) return;
    const next = syncStatusOf(facts);
    if (!lastStatus || lastStatus.state !== next.state || lastStatus.pending !== next.pending || lastStatus.detail !== next.detail) {
      lastStatus = next;
      status.update({ sync: next });
    }
    settingsSubject.next(currentSettings());
  }

  function setFacts(patch: Partial<SyncFacts>): void {
    facts = { ...facts, ...patch };
    publish();
  }

  function recount(current: Run): void {
    if (run !== current) return;
    let pending = 0;
    let active = false;
    for (const runner of current.runners.values()) {
      pending += runner.tracker.pending;
      active ||= runner.active;
    }
    if (pending !== facts.pending || active !== facts.active) setFacts({ pending, active });
  }

  function resetBackoff(current: Run): void {
    for (const runner of current.runners.values()) runner.replication.retryTime = retryMs;
  }

  function backOff(runner: Runner): void {
    runner.replication.retryTime = Math.min(maxRetryMs, Math.max(retryMs, (runner.replication.retryTime ?? retryMs) * 2));
  }

  function recordRefusal(name: SharedCollection, refusal: Refusal): void {
    refusals = [{ collection: name, docId: refusal.docId, reason: refusal.reason, at: clock() }, ...refusals].slice(0, MAX_REFUSALS_SHOWN);
    log(`sync: the server refused ${name}/${refusal.docId}: ${refusal.reason}`);
    setFacts({ refusal: refusalText(refusal.reason) });
  }

  /** Puts the server's copy (or, for a ticket the first time, a merge with it) in place of a refused document. */
  async function repair(current: Run, runner: Runner, refusal: Refusal): Promise<void> {
    const key = `${runner.name}/${refusal.docId}`;
    const attempt = (repairAttempts.get(key) ?? 0) + 1;
    repairAttempts.set(key, attempt);
    if (attempt > MAX_REPAIRS) {
      log(`sync: ${key} keeps being refused; it stays as it is on this device`);
      return;
    }
    // Let RxDB finish the push that reported the refusal before we write over the document.
    await runner.replication.internalReplicationState?.streamQueue.up;
    if (run !== current) return;
    let serverCopy: CouchDocument | null;
    try {
      const response = await runner.http.fetch(`${runner.dbUrl}${encodeURIComponent(refusal.docId)}`);
      serverCopy = CouchDocument.parse(await response.json());
    } catch (error) {
      if (!(error instanceof SyncHttpError && error.status === 404)) {
        log(`sync: could not read the server's copy of ${key}`, error);
        return;
      }
      serverCopy = null;
    }
    if (serverCopy === null || serverCopy._deleted === true) {
      // Nothing to go back to: the document stays on this device only.
      log(`sync: the server has no ${key}; it stays on this device only`);
      return;
    }
    const check = checkPulledDocument(runner.name, serverCopy);
    if (!check.ok) {
      log(`sync: the server's copy of ${key} is not a valid document: ${check.issues.join('; ')}`);
      return;
    }
    const server: SyncedDoc = couchDBDocToRxDocData(runner.collection.schema.primaryPath, serverCopy);
    const mine = await runner.collection.findOne(refusal.docId).exec();
    if (run !== current) return;
    await runner.collection.upsert(repairedDocument(runner.name, mine ? mine.toMutableJSON() : null, server, attempt));
  }

  function startRunner(current: Run, name: SharedCollection): Runner {
    const { credentials } = current;
    // Every shared collection has its own document type; the sync code treats them alike.
    const collection = db[name] as unknown as RxCollection<SyncedDoc>;
    const dbUrl = collectionDatabaseUrl(credentials.url, workspace, name);
    const runnerRef: { runner: Runner | null } = { runner: null };
    const live = () => run === current && !disposed;

    const http = createSyncFetch({
      collection: name,
      username: credentials.username,
      password: credentials.password,
      signal: current.controller.signal,
      fetch: tuning.fetch,
      events: {
        answered(httpStatus) {
          if (!live()) return;
          if (httpStatus >= 200 && httpStatus < 300) {
            resetBackoff(current);
            // Configured while offline: learn what this user may change as soon as the server answers.
            if (!current.rolesAsked && (stored?.roles ?? null) === null) {
              current.rolesAsked = true;
              void refreshRoles(current);
            }
            if (runnerRef.runner) runnerRef.runner.lastError = null;
            if (facts.connection !== 'online' || facts.rejection !== null) setFacts({ connection: 'online', offlineDetail: null, rejection: null });
          } else if (facts.connection !== 'online') setFacts({ connection: 'online', offlineDetail: null });
        },
        unreachable(detail) {
          if (!live()) return;
          if (runnerRef.runner) backOff(runnerRef.runner);
          if (facts.connection !== 'offline' || facts.offlineDetail !== detail) setFacts({ connection: 'offline', offlineDetail: detail });
        },
        rejected(httpStatus, reason) {
          if (!live()) return;
          if (runnerRef.runner) backOff(runnerRef.runner);
          const text = rejectionText(httpStatus, reason);
          if (facts.rejection !== text) setFacts({ rejection: text });
        },
        refused(found) {
          if (!live()) return;
          for (const refusal of found) {
            recordRefusal(name, refusal);
            const runner = runnerRef.runner;
            if (runner) {
              current.repairs = current.repairs
                .then(() => repair(current, runner, refusal))
                .catch((error: unknown) => log(`sync: could not repair ${name}/${refusal.docId}`, error));
            }
          }
        },
        invalid(docId, issues) {
          log(`sync: left out ${name}/${docId} from the server, it is not a valid document: ${issues.join('; ')}`);
        },
      },
    });

    const replication = replicateCouchDB<SyncedDoc>({
      replicationIdentifier: replicationIdentifierFor(credentials.url, workspace, name),
      collection,
      url: dbUrl,
      fetch: http.fetch,
      live: true,
      retryTime: retryMs,
      waitForLeadership: false,
      autoStart: true,
      pull: { batchSize: tuning.pullBatchSize ?? 100, heartbeat: tuning.heartbeatMs ?? 30_000 },
      push: {
        batchSize: tuning.pushBatchSize ?? 50,
        // What the rules would refuse for this role is not sent: RxDB then records it as settled,
        // and the team's version replaces it when one arrives (e.g. each app's seeded defaults).
        modifier: (doc) => {
          if (mayPush({ collection: name, doc, username: credentials.username, roles: stored?.roles ?? null })) return doc;
          const key = `${name}/${String(doc[collection.schema.primaryPath])}`;
          if (!withheld.has(key)) {
            withheld.add(key);
            log(`sync: not sending ${key}: ${credentials.username} may not change it (only leads and admins)`);
          }
          return null;
        },
      },
    });

    const tracker = new PendingTracker(collection, replication, () => recount(current), log);
    const runner: Runner = { name, collection, dbUrl, http, replication, tracker, active: false, lastError: null, subscriptions: [] };
    runnerRef.runner = runner;
    runner.subscriptions.push(
      replication.active$.subscribe((active) => {
        runner.active = active;
        recount(current);
      }),
      replication.error$.subscribe((error) => {
        // Retries repeat the same error; say it once until something succeeds.
        const text = errorText(error);
        if (live() && facts.connection !== 'offline' && runner.lastError !== text) {
          runner.lastError = text;
          log(`sync: ${name}: ${text}`);
        }
      }),
    );
    tracker.start().catch((error: unknown) => {
      if (live()) log(`sync: could not count pending ${name} changes`, error);
    });
    return runner;
  }

  async function stopRun(): Promise<void> {
    const current = run;
    run = null;
    if (!current) return;
    current.controller.abort(new DOMException('Sync stopped.', 'AbortError'));
    const cancels: Promise<unknown>[] = [];
    for (const runner of current.runners.values()) {
      for (const subscription of runner.subscriptions) subscription.unsubscribe();
      runner.tracker.dispose();
      cancels.push(runner.replication.cancel());
    }
    await Promise.allSettled(cancels);
  }

  async function startRun(credentials: SyncCredentials): Promise<void> {
    await stopRun();
    if (disposed) return;
    const current: Run = { credentials, controller: new AbortController(), runners: new Map(), repairs: Promise.resolve(), rolesAsked: false };
    run = current;
    facts = { ...initialSyncFacts, running: true, refusal: facts.refusal };
    for (const name of sharedCollections) current.runners.set(name, startRunner(current, name));
    log(`sync: replicating with ${displayAddress(credentials.url)} as ${credentials.username}`);
    publish();
  }

  /**
   * Asks the server who these credentials are: refuses a wrong password; an unreachable server is
   * fine (offline). Returns the user's roles, or null when the server did not say.
   */
  async function verify(credentials: SyncCredentials): Promise<string[] | null> {
    const request = tuning.fetch ?? ((input, init) => fetch(input, init));
    let response: Response;
    let body: unknown;
    try {
      response = await request(`${credentials.url}_session`, {
        headers: { authorization: basicAuthorization(credentials.username, credentials.password), accept: 'application/json' },
        signal: AbortSignal.timeout(tuning.verifyTimeoutMs ?? 5_000),
      });
      body = await response.json().catch(() => null);
    } catch {
      return null;
    }
    if (response.status === 401) throw new CommandError('unauthorized', `The sync server refused the password of ${credentials.username}.`);
    if (response.status === 404) throw new CommandError('not_found', `No CouchDB-compatible sync server answers at ${displayAddress(credentials.url)}.`);
    if (!response.ok) return null;
    const session = Session.safeParse(body);
    if (!session.success) throw new CommandError('not_found', `${displayAddress(credentials.url)} does not answer like a CouchDB-compatible sync server.`);
    if (session.data.userCtx.name === null) throw new CommandError('unauthorized', `The sync server did not accept ${credentials.username}.`);
    return session.data.userCtx.roles;
  }

  /** Roles change on the server (a lead promotes an agent): ask again at every start, quietly. */
  async function refreshRoles(current: Run): Promise<void> {
    const roles = await verify(current.credentials).catch(() => null);
    if (roles === null || run !== current || !stored) return;
    if (JSON.stringify(roles) !== JSON.stringify(stored.roles ?? null)) await save({ ...stored, roles });
  }

  async function save(next: StoredSettings): Promise<void> {
    stored = next;
    await local.set(SYNC_SETTINGS_KEY, next);
  }

  function clearRefusals(): void {
    refusals = [];
    repairAttempts.clear();
    facts = { ...facts, refusal: null };
  }

  return {
    get settings$() {
      return settingsSubject.asObservable();
    },
    get settings() {
      return settingsSubject.value;
    },

    async start() {
      stored = await local.get<StoredSettings | null>(SYNC_SETTINGS_KEY, StoredSettings.nullable(), null);
      const password = stored?.enabled ? await secrets.get(SYNC_PASSWORD_SECRET) : null;
      hasPassword = password !== null;
      if (!stored?.enabled) return publish();
      if (password === null) return setFacts({ setupProblem: 'Enter the sync password again: it was not kept after the last restart.' });
      await startRun({ url: stored.url, username: stored.username, password });
      if (run) {
        run.rolesAsked = true;
        void refreshRoles(run);
      }
    },

    async configure(config) {
      if (disposed) throw new CommandError('unavailable', 'The app is shutting down.');
      if (config === null) {
        await stopRun();
        if (stored) await save({ ...stored, enabled: false });
        await secrets.delete(SYNC_PASSWORD_SECRET);
        hasPassword = false;
        clearRefusals();
        facts = initialSyncFacts;
        publish();
        return currentSettings();
      }
      let credentials: SyncCredentials;
      try {
        credentials = syncCredentialsFrom(config);
      } catch (error) {
        if (error instanceof SyncAddressError) throw new CommandError('invalid_params', error.message);
        throw error;
      }
      const sameUser = stored?.url === credentials.url && stored.username === credentials.username;
      // Offline the server cannot say; what it said last about the same user still holds.
      const roles = (await verify(credentials)) ?? (sameUser ? (stored?.roles ?? null) : null);
      await save({ enabled: true, url: credentials.url, username: credentials.username, roles });
      await secrets.set(SYNC_PASSWORD_SECRET, credentials.password);
      hasPassword = true;
      clearRefusals();
      facts = { ...facts, setupProblem: null };
      await startRun(credentials);
      return currentSettings();
    },

    resume() {
      const current = run;
      if (!current || disposed) return;
      clearRefusals();
      resetBackoff(current);
      for (const runner of current.runners.values()) {
        runner.http.abortLongPolls();
        runner.replication.reSync();
      }
      publish();
    },

    async dispose() {
      if (disposed) return;
      await stopRun();
      disposed = true;
      settingsSubject.complete();
    },
  };
}
