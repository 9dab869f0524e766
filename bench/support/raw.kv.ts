// The storage engine underneath RxDB's DenoKV storage, used directly: @deno/kv's SQLite implementation
// with plain `atomic().set()` batches, no RxDB. The limit our ingest and sync figures are read against.
// Bench only; plain Node.
import { openKv } from '@deno/kv';

/** RxDB's DenoKV storage commits at most this many documents per atomic write (src-main/core/db/denokv.storage.ts). */
export const RAW_BATCH = 500;

/** Writes every document under `['raw', collection, id]`, `batch` per atomic commit; returns documents per second. */
export async function rawKvWriteRate(
  file: string,
  collection: string,
  docs: readonly { id: string }[],
  batch = RAW_BATCH,
  clock: () => number = () => performance.now(),
): Promise<number> {
  const kv = await openKv(file, { implementation: 'sqlite' });
  try {
    const started = clock();
    for (let at = 0; at < docs.length; at += batch) {
      let tx = kv.atomic();
      for (const doc of docs.slice(at, at + batch)) tx = tx.set(['raw', collection, doc.id], doc);
      const result = await tx.commit();
      if (!result.ok) throw new Error('raw KV commit failed');
    }
    return docs.length / ((clock() - started) / 1000);
  } finally {
    kv.close();
  }
}

/** The fields RxDB adds to every stored document, so the raw write carries the same bytes. */
export function withRxdbMeta<T extends object>(doc: T, lwt: number): T & { _deleted: false; _attachments: object; _meta: { lwt: number }; _rev: string } {
  return { ...doc, _deleted: false, _attachments: {}, _meta: { lwt }, _rev: '1-benchrawkvrevision' };
}
