// Starts Topicdesk's core in the main process (or the headless host): opens the database,
// builds every service, and exposes the contract through one dispatcher. Plain Node.
import { CommandError, type Agent } from '../../src-preload/contract';
import { AppStatusStore } from './app/app-status';
import type { Me } from './app/me';
import { openDatabase, type StorageOption, type TopicdeskDatabase } from './db/database';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createLiveQueries } from './live-queries';
import { createMessagesService } from './messages/messages.service';
import { InboxIndex } from './tickets/inbox.index';
import { createTicketsService } from './tickets/tickets.service';

export interface CoreOptions {
  workspace: string;
  storage: StorageOption;
  demo?: boolean;
  version?: string;
  clock?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Validate every write against its schema (tests). */
  validate?: boolean;
}

export interface Core {
  readonly db: TopicdeskDatabase;
  readonly dispatcher: Dispatcher;
  readonly status: AppStatusStore;
  readonly inbox: InboxIndex;
  /** Sets who is signed in (Telegram sign-in or the demo's agent). */
  setMe(me: Me | null): void;
  dispose(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((message, error) => console.error(`[core] ${message}`, error ?? ''));
  const db = await openDatabase({ workspace: options.workspace, storage: options.storage, validate: options.validate });
  const status = new AppStatusStore({
    workspace: options.workspace,
    demo: options.demo ?? false,
    version: options.version ?? '0.0.0',
    me: null,
    telegram: { state: 'signed_out', detail: null },
    backfill: null,
    sync: { state: 'off', pending: 0, detail: null },
  });
  const me = () => status.value.me;

  const agentNames = new Map<string, string>();
  const agentsSubscription = db.agents.find().$.subscribe((docs) => {
    agentNames.clear();
    for (const doc of docs) agentNames.set(doc.id, (doc.toJSON() as Agent).name);
  });

  const inbox = new InboxIndex();
  await inbox.load(db);

  const tickets = createTicketsService({ db, clock, me, agentName: (id) => agentNames.get(id) ?? id });
  const messages = createMessagesService({ db, clock, me });

  const dispatcher = createDispatcher(
    {
      commands: {
        'app.ping': async () => ({ now: clock() }),
        'tickets.setStatus': tickets.setStatus,
        'tickets.assign': tickets.assign,
        'tickets.setPriority': tickets.setPriority,
        'tickets.setTags': tickets.setTags,
        'tickets.markRead': tickets.markRead,
        'messages.send': messages.send,
        'messages.retry': messages.retry,
        'messages.edit': messages.edit,
        'agents.setAvailability': async ({ agentId, availability }) => {
          const doc = await db.agents.findOne(agentId).exec();
          if (!doc) throw new CommandError('not_found', `Agent ${agentId} does not exist.`);
          const updated = await doc.incrementalPatch({ availability, updatedAt: clock() });
          return updated.toMutableJSON() as Agent;
        },
      },
      liveQueries: createLiveQueries({ db, inbox, status, me }),
    },
    log,
  );

  return {
    db,
    dispatcher,
    status,
    inbox,
    setMe: (value) => status.update({ me: value }),
    async dispose() {
      agentsSubscription.unsubscribe();
      inbox.dispose();
      status.dispose();
      await db.close();
    },
  };
}
