// Keeps a collection's documents in memory from its change stream, after one initial read.
// Change events arrive synchronously with each write, so what a write stored is visible here
// before the write returns (a query's `$` may lag). For small collections: config, agents.
// Main process.
import type { RxCollection, RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import { withoutStorageFields } from '../db/document.scan';

export interface MirroredDoc<T> {
  doc: T;
  /** The storage revision: unchanged documents can keep their parsed form. */
  rev: string;
}

export interface CollectionMirror {
  /** Resolves after the initial read (the first `onChange` has run). */
  ready: Promise<void>;
  subscription: Subscription;
}

export function mirrorCollection<T>(
  collection: RxCollection<T>,
  onChange: (docs: MirroredDoc<T>[]) => void,
  log: (message: string, error?: unknown) => void,
): CollectionMirror {
  const docs = new Map<string, MirroredDoc<T>>();
  let loaded = false;
  const emit = () => onChange([...docs.values()]);
  const subscription = collection.$.subscribe((event) => {
    const data = event.documentData as RxDocumentData<T>;
    if (event.operation === 'DELETE' || data._deleted) docs.delete(event.documentId);
    else docs.set(event.documentId, { doc: withoutStorageFields(data), rev: data._rev });
    if (loaded) emit();
  });
  const ready = collection
    .find()
    .exec()
    .then(
      (found) => {
        for (const d of found) if (!docs.has(d.primary)) docs.set(d.primary, { doc: d.toMutableJSON() as T, rev: d.revision });
      },
      (error: unknown) => log(`cannot read ${collection.name}`, error),
    )
    .then(() => {
      loaded = true;
      emit();
    });
  return { ready, subscription };
}
