// Feeds activity-log events of some types to in-memory histories: every stored one once at
// start, then each new one as it is written here or arrives by replication. Main process.
import type { Subscription } from 'rxjs';
import type { ActivityEvent } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';

export interface EventsFeed {
  ready: Promise<void>;
  subscription: Subscription;
}

/** `onEvent` may see an event twice (initial read racing a write): consumers dedupe by id. */
export function followEvents(
  db: TopicdeskDatabase,
  types: readonly string[],
  onEvent: (event: unknown, initial: boolean) => void,
  log: (message: string, error?: unknown) => void,
): EventsFeed {
  const wanted = new Set(types);
  const subscription = db.events.$.subscribe((change) => {
    if (change.operation === 'DELETE') return;
    const data = change.documentData as ActivityEvent;
    if (wanted.has(data.type)) onEvent(data, false);
  });
  // Read once, filtered in storage: the log is append-only and only these types matter here.
  const ready = db.events
    .find({ selector: { type: { $in: [...types] } } })
    .exec()
    .then(
      (docs) => docs.forEach((doc) => onEvent(doc.toMutableJSON(), true)),
      (error: unknown) => log('automation: cannot read the activity log', error),
    );
  return { ready, subscription };
}
