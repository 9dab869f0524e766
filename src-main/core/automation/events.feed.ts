// Feeds activity-log events of some types to in-memory histories: every stored one once at
// start, then each new one as it is written here or arrives by replication. Main process.
import type { Subscription } from 'rxjs';
import type { ActivityEvent } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { scanDocuments } from '../db/document.scan';

export interface EventsFeed {
  ready: Promise<void>;
  subscription: Subscription;
}

/**
 * One handler per event type. A handler may see an event twice (initial read racing a write):
 * consumers dedupe by id. Each event goes to its type's handler only, so a history never
 * parses (and rejects) the other types' events: at start that is tens of thousands of them.
 */
export type EventHandlers = Readonly<Record<string, (event: unknown, initial: boolean) => void>>;

export function followEvents(db: TopicdeskDatabase, handlers: EventHandlers, log: (message: string, error?: unknown) => void): EventsFeed {
  const handlerOf = (event: ActivityEvent) => (Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined);
  const subscription = db.events.$.subscribe((change) => {
    if (change.operation === 'DELETE') return;
    const data = change.documentData as ActivityEvent;
    handlerOf(data)?.(data, false);
  });
  // Read once: the log is append-only and only these types matter here. Scanned, not queried:
  // the collection has no index on `type` (adding one takes a schema version, whose migration
  // RxDB runs at ~4 ms a document before the database opens), most of the log is of these types,
  // and a query reads each document with its own storage call (see scanDocuments).
  const ready = (async () => {
    for await (const page of scanDocuments<ActivityEvent>(db.events)) {
      for (const event of page) handlerOf(event)?.(event, true);
    }
  })().catch((error: unknown) => log('automation: cannot read the activity log', error));
  return { ready, subscription };
}
