// Reads every stored document of a collection, page by page, for the in-memory read models
// (inbox, message search) to load at start. Main process.
import { getChangedDocumentsSince, type RxCollection, type RxDocumentData, type RxStorageInstance } from 'rxdb';

/** A document without the storage's bookkeeping fields: what the contract types describe. */
export function withoutStorageFields<T>(data: RxDocumentData<T> | (T & { _meta?: unknown; _rev?: unknown; _attachments?: unknown; _deleted?: boolean })): T {
  const { _meta, _rev, _attachments, _deleted, ...doc } = data as RxDocumentData<T>;
  return doc as T;
}

/** The parts of rxdb 17.6's DenoKV storage instance a range read needs (see denoKvDocumentRange). */
interface DenoKvInstance {
  kvPromise: Promise<{
    list(selector: { prefix: unknown[] }, options: { batchSize: number }): AsyncIterable<{ value: unknown }>;
  }>;
  keySpace: string;
}
interface WrappedInstance {
  originalStorageInstance?: unknown;
}

/** rxdb's DenoKV storage keeps each document's body under `[keySpace, '||', id]` (denokv-helper.js). */
const DENOKV_DOCUMENT_ROOT = '||';

function denoKvInstance(instance: RxStorageInstance<unknown, unknown, unknown>): DenoKvInstance | null {
  let inner: unknown = instance;
  while ((inner as WrappedInstance).originalStorageInstance) inner = (inner as WrappedInstance).originalStorageInstance;
  const candidate = inner as Partial<DenoKvInstance>;
  return typeof candidate.kvPromise?.then === 'function' && typeof candidate.keySpace === 'string' ? (candidate as DenoKvInstance) : null;
}

/** Whether scanDocuments reads this collection's document range directly (tests check the fast path is taken). */
export const scansDocumentRange = (collection: RxCollection): boolean =>
  denoKvInstance(collection.storageInstance as RxStorageInstance<unknown, unknown, unknown>) !== null;

/**
 * Every live document, in pages of about `pageSize`, in no particular order.
 *
 * On DenoKV this lists the document bodies' key range directly: rxdb's own queries and
 * `getChangedDocumentsSince` list an index and then `get` each document, one native call per
 * document, which made loading 20,000 tickets take 4 s instead of 0.6 s. Pages are not one
 * snapshot: callers subscribe to the collection's changes first and let those win.
 */
export async function* scanDocuments<T>(collection: RxCollection<T>, pageSize = 1_000): AsyncGenerator<T[]> {
  const instance = collection.storageInstance as RxStorageInstance<unknown, unknown, unknown>;
  const kv = denoKvInstance(instance);
  if (kv) {
    let page: T[] = [];
    for await (const entry of (await kv.kvPromise).list({ prefix: [kv.keySpace, DENOKV_DOCUMENT_ROOT] }, { batchSize: pageSize })) {
      const data = entry.value as RxDocumentData<T>;
      if (!data._deleted) page.push(withoutStorageFields(data));
      if (page.length >= pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length) yield page;
    return;
  }
  // Other storages (memory in tests) read by change time, which every storage supports.
  let checkpoint: unknown;
  for (;;) {
    const changed = await getChangedDocumentsSince(collection.storageInstance, pageSize, checkpoint);
    const live = (changed.documents as RxDocumentData<T>[]).filter((doc) => !doc._deleted).map((doc) => withoutStorageFields(doc));
    if (live.length) yield live;
    if (changed.documents.length < pageSize) return;
    checkpoint = changed.checkpoint;
  }
}
