// The live queries of the contract: each an observable that emits the current value at
// once and again whenever it changes.
import { auditTime, distinctUntilChanged, map, merge, startWith, type Observable } from 'rxjs';
import type { Agent, LiveQueryResult, ThreadPage } from '../../src-preload/contract';
import type { AppStatusStore } from './app/app-status';
import type { Me } from './app/me';
import type { TopicdeskDatabase } from './db/database';
import { fromMessageDoc } from './db/schemas/messages.schema';
import { compareThreadMessages } from './messages/thread.order';
import type { LiveQueryHandlers } from './dispatcher';
import { statusChoices } from './rules/status.transitions';
import type { TelegramAccountService } from './telegram-sync/telegram-account.service';
import type { InboxIndex } from './tickets/inbox.index';

export interface LiveQueryDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  status: AppStatusStore;
  me: () => Me | null;
  telegram: TelegramAccountService;
  /** Message text changed: searches that look into messages must run again. */
  searchChanges: Observable<void>;
}

/** Inbox lists are recomputed at most this often while tickets stream in. */
const LIST_BATCH_MS = 30;

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** The live queries of the core itself; Shopline, automation and the shell add theirs. */
export type CoreLiveQueries = Pick<
  LiveQueryHandlers,
  'app.status' | 'telegram.account' | 'tickets.list' | 'tickets.counts' | 'tickets.get' | 'messages.thread' | 'agents.list'
>;

export function createLiveQueries({ db, inbox, status, me, telegram, searchChanges }: LiveQueryDeps): CoreLiveQueries {
  const inboxChanges = inbox.changed$.pipe(auditTime(LIST_BATCH_MS), startWith(undefined));
  // `me` changes on sign-in: views that depend on it must recompute then too.
  const meChanges = status.changes.pipe(map((s) => s.me?.agentId ?? null), distinctUntilChanged());
  const onInboxOrMe = merge(inboxChanges, meChanges);

  return {
    'app.status': () => status.changes,
    'telegram.account': () => telegram.account,
    'tickets.list': (params) =>
      (params.search ? merge(onInboxOrMe, searchChanges.pipe(auditTime(LIST_BATCH_MS))) : onInboxOrMe).pipe(
        map(() => inbox.list(params, me()?.agentId ?? null)),
        distinctUntilChanged(sameJson),
      ),
    'tickets.counts': () =>
      onInboxOrMe.pipe(
        map(() => inbox.counts(me()?.agentId ?? null)),
        distinctUntilChanged(sameJson),
      ),
    'tickets.get': ({ ticketId }) =>
      db.tickets.findOne(ticketId).$.pipe(
        map((doc) => {
          if (!doc) return null;
          const ticket = doc.toMutableJSON();
          return { ...ticket, allowedStatuses: statusChoices(ticket.status) };
        }),
      ),
    'messages.thread': ({ ticketId, limit }): Observable<ThreadPage> =>
      db.messages
        .find({
          selector: { ticketId, deliveryState: { $ne: 'replaced' } },
          sort: [{ sentAt: 'desc' }],
          limit: limit + 1,
        })
        .$.pipe(
          map((docs) => {
            const items = docs.slice(0, limit).map((doc) => fromMessageDoc(doc.toMutableJSON()));
            return { items: items.sort(compareThreadMessages), hasMore: docs.length > limit } satisfies LiveQueryResult<'messages.thread'>;
          }),
        ),
    'agents.list': () =>
      db.agents.find({ sort: [{ id: 'asc' }] }).$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as Agent))),
  };
}
