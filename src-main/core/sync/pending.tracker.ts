// Counts one collection's local changes that the sync server does not have yet. Core only.
//
// A document is pending when this device's copy differs from what RxDB's replication last knew
// the server to hold for it (the "assumed master state" it keeps in the replication's meta
// instance and updates after every successful push, pull or resolved conflict), or when the
// server never had it: the test RxDB's own upstream makes before it pushes. Checking every
// document would be a full scan, so only candidates are checked: documents written here since
// start (the collection's change stream, minus writes the downstream made from pulled data),
// plus, at start, everything changed since the upstream's checkpoint (writes from before a
// restart that never got pushed). The count is redone when a candidate changes or the meta
// instance changes (a push or pull completed), with runs coalesced.
import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  writeDocToDocState,
  type RxCollection,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { Subscription } from 'rxjs';

/** Documents as the sync code handles them: any collection's, by field name. */
export type SyncedDoc = Record<string, unknown>;

/** RxDB's downstream writes pulled documents with this context (plus its checkpoint key). */
const DOWNSTREAM_CONTEXT = 'replication-downstream-';
const SCAN_BATCH = 200;

export class PendingTracker {
  /** Candidate id → the write sequence when it last changed, so a stale check never drops a newer write. */
  private readonly candidates = new Map<string, number>();
  private readonly subscriptions: Subscription[] = [];
  private sequence = 0;
  private state: RxStorageInstanceReplicationState<SyncedDoc> | null = null;
  private running = false;
  private dirty = false;
  private disposed = false;
  private counted = 0;

  constructor(
    private readonly collection: RxCollection<SyncedDoc>,
    private readonly replication: RxCouchDBReplicationState<SyncedDoc>,
    private readonly onCount: (pending: number) => void,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context.startsWith(DOWNSTREAM_CONTEXT)) return;
        for (const event of bulk.events) this.candidates.set(event.documentId, ++this.sequence);
        this.schedule();
      }),
    );
  }

  get pending(): number {
    return this.counted;
  }

  /** Waits for the replication to start, finds unpushed writes from before it, and counts. */
  async start(): Promise<void> {
    await this.replication.startPromise;
    const state = this.replication.internalReplicationState;
    if (!state || this.disposed) return;
    this.subscriptions.push(
      state.input.metaInstance.changeStream().subscribe(() => {
        if (this.candidates.size > 0) this.schedule();
      }),
    );
    let checkpoint = await this.upstreamCheckpoint(state);
    for (;;) {
      if (this.disposed) return;
      const changed = await getChangedDocumentsSince(state.input.forkInstance, SCAN_BATCH, checkpoint);
      for (const doc of changed.documents) {
        const id = doc[state.primaryPath];
        if (typeof id === 'string' && !this.candidates.has(id)) this.candidates.set(id, ++this.sequence);
      }
      if (changed.documents.length < SCAN_BATCH) break;
      checkpoint = changed.checkpoint;
    }
    this.state = state;
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** Read without RxDB's getLastCheckpointDoc, which also caches what it reads in the replication's state. */
  private async upstreamCheckpoint(state: RxStorageInstanceReplicationState<SyncedDoc>): Promise<unknown> {
    const meta = state.input.metaInstance;
    const id = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: 'up' });
    const [doc] = await meta.findDocumentsById([id], false);
    return doc?.checkpointData;
  }

  private schedule(): void {
    if (this.disposed || this.state === null) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.running = true;
    void this.countUntilSettled();
  }

  private async countUntilSettled(): Promise<void> {
    try {
      do {
        this.dirty = false;
        await this.count();
      } while (this.dirty && !this.disposed);
    } catch (error) {
      // The storage closes under us when the core stops; anything else is worth a line.
      if (!this.disposed && !this.collection.closed) this.log(`sync: could not count pending ${this.collection.name} changes`, error);
    } finally {
      this.running = false;
    }
  }

  private async count(): Promise<void> {
    const state = this.state;
    if (!state || this.disposed) return;
    const seen = new Map(this.candidates);
    const ids = [...seen.keys()];
    if (ids.length > 0) {
      const [forkDocs, assumed] = await Promise.all([state.input.forkInstance.findDocumentsById(ids, true), getAssumedMasterState(state, ids)]);
      const forkById = new Map(forkDocs.map((doc) => [doc[state.primaryPath], doc]));
      const { isEqual } = state.input.conflictHandler;
      for (const id of ids) {
        const fork = forkById.get(id);
        const master = assumed[id];
        const settled = !fork || (master !== undefined && isEqual(master.docData, writeDocToDocState(fork, false, false), 'topicdesk-pending-count'));
        if (settled && this.candidates.get(id) === seen.get(id)) this.candidates.delete(id);
      }
    }
    if (this.disposed) return;
    if (this.candidates.size !== this.counted) {
      this.counted = this.candidates.size;
      this.onCount(this.counted);
    }
  }
}
