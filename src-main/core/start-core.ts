// Starts Topicdesk's core in the main process (or the headless host): opens the database,
// builds every service, and exposes the contract through one dispatcher. Plain Node.
import { distinctUntilChanged, map, of, type Observable } from 'rxjs';
import { CommandError, type Agent, type UiRequestEnvelope } from '../../src-preload/contract';
import { AgentsService } from './agents/agents.service';
import { AppStatusStore } from './app/app-status';
import { createAutomation, type Automation } from './automation/automation';
import { createComposer } from './composer/composer.setup';
import { openDatabase, type StorageOption, type TopicdeskDatabase } from './db/database';
import { LocalState } from './db/local-state';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createLiveQueries } from './live-queries';
import { createMessagesService } from './messages/messages.service';
import { startShopline, type ShoplineSetup } from './orders/orders.setup';
import { OutboxService } from './outbox/outbox.service';
import { MemorySecretStore, type SecretStore } from './secrets/secret.store';
import { syncHandlers } from './sync/sync.handlers';
import { createSyncService, type SyncService, type SyncTuning } from './sync/sync.service';
import type { TelegramGateway } from './telegram/telegram.gateway';
import { agentIdOf, TelegramAccountService } from './telegram-sync/telegram-account.service';
import { displayName } from './telegram-sync/telegram.ingest';
import { createTelegramReplySender } from './telegram-sync/telegram.reply-sender';
import { InboxIndex } from './tickets/inbox.index';
import { MessageTextIndex } from './tickets/message-text.index';
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
  /** Where the Telegram session and other secrets are kept (memory when not given). */
  secrets?: SecretStore;
  /** Builds a Telegram gateway for a session string; null when Telegram is not configured. */
  createTelegramGateway?: ((session: string) => TelegramGateway) | null;
  /** The desktop shell's requests to the UI (open a ticket from a notification, menu commands). */
  uiRequests?: () => Observable<UiRequestEnvelope | null>;
  /** Replication timings (tests shorten them). */
  syncTuning?: SyncTuning;
}

export interface Core {
  /** Resolves once the stored Telegram session has been resumed (or found missing or unusable). */
  readonly started: Promise<void>;
  readonly db: TopicdeskDatabase;
  readonly dispatcher: Dispatcher;
  readonly status: AppStatusStore;
  readonly inbox: InboxIndex;
  readonly telegram: TelegramAccountService;
  readonly outbox: OutboxService;
  readonly local: LocalState;
  readonly shopline: ShoplineSetup;
  readonly automation: Automation;
  readonly sync: SyncService;
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

  const local = new LocalState(db, clock);
  const secrets = options.secrets ?? new MemorySecretStore();
  const shopline = await startShopline({ db, local, secrets, clock, log, demo: options.demo ?? false });
  const sync = createSyncService({ db, status, local, secrets, clock, log, tuning: options.syncTuning });
  const syncApi = syncHandlers(sync);
  const agentNames = new Map<string, string>();
  const agentTgIds = new Set<string>();
  const agentsSubscription = db.agents.find().$.subscribe((docs) => {
    agentNames.clear();
    agentTgIds.clear();
    for (const doc of docs) {
      const agent = doc.toJSON() as Agent;
      agentNames.set(agent.id, agent.name);
      agentTgIds.add(agent.tgUserId);
    }
  });

  const messageText = new MessageTextIndex();
  const inbox = new InboxIndex(messageText.lookup);
  await inbox.load(db);
  messageText.start(db, log);

  const automation = createAutomation({ db, inbox, clock, me, log, orderContext: (ticket) => shopline.orders.orderContextFor(ticket) });

  const tickets = createTicketsService({ db, clock, me, agentName: (id) => agentNames.get(id) ?? id });
  const messages = createMessagesService({ db, clock, me });
  const composer = createComposer({
    db,
    local,
    clock,
    me,
    meId$: status.changes.pipe(map((s) => s.me?.agentId ?? null), distinctUntilChanged()),
    ticket: (id) => inbox.get(id),
    template: (id) => automation.config.get('templates', id),
    currentOrder: (ticketId) => shopline.orders.currentOrder(ticketId),
    agentName: (id) => agentNames.get(id),
  });
  const agents = new AgentsService({ db, clock });

  const telegram: TelegramAccountService = new TelegramAccountService({
    db,
    local,
    secrets,
    status,
    clock,
    log,
    createGateway: options.createTelegramGateway ?? null,
    authors: {
      isAgent: (tgUserId) => agentTgIds.has(tgUserId) || tgUserId === telegram.current.user?.id,
      agentIdOf,
      nameOf: (tgUserId) => (tgUserId ? (agentNames.get(agentIdOf(tgUserId)) ?? null) : null),
    },
    onSignedIn: (user) => {
      status.update({ me: { agentId: agentIdOf(user.id), name: displayName(user) } });
      outbox.wake();
    },
    onSignedOut: () => status.update({ me: null }),
    ownSendSettled: (ticketId) => outbox.settled(ticketId),
  });
  const outbox = new OutboxService({
    db,
    clock,
    me,
    log,
    sender: createTelegramReplySender({
      gateway: () => telegram.activeGateway,
      forumRef: (chatId) => telegram.activeSync?.forumRef(chatId) ?? null,
      isReady: () => telegram.ready,
    }),
  });
  // Replies queued while offline go out when the connection comes back.
  const connectionSubscription = status.changes.subscribe((s) => {
    if (s.telegram.state === 'connected') outbox.wake();
  });

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
        'telegram.sendCode': ({ phone }) => telegram.sendCode(phone),
        'telegram.signIn': ({ code }) => telegram.signIn(code),
        'telegram.checkPassword': ({ password }) => telegram.checkPassword(password),
        'telegram.startQr': () => telegram.startQr(),
        'telegram.cancel': () => telegram.cancel(),
        'telegram.refreshForums': () => telegram.refreshForums(),
        'telegram.selectForums': ({ chatIds }) => telegram.selectForums(chatIds),
        'telegram.signOut': () => telegram.signOut(),
        ...shopline.commands,
        ...automation.commands,
        ...syncApi.commands,
        ...composer.commands,
        'agents.update': (params) => agents.update(params),
        'agents.setAvailability': async ({ agentId, availability }) => {
          const doc = await db.agents.findOne(agentId).exec();
          if (!doc) throw new CommandError('not_found', `Agent ${agentId} does not exist.`);
          const updated = await doc.incrementalPatch({ availability, updatedAt: clock() });
          return updated.toMutableJSON() as Agent;
        },
      },
      liveQueries: {
        ...createLiveQueries({ db, inbox, status, me, telegram, searchChanges: messageText.changed$ }),
        ...shopline.liveQueries,
        ...automation.liveQueries,
        ...syncApi.liveQueries,
        ...composer.liveQueries,
        'ui.requests': () => options.uiRequests?.() ?? of(null),
      },
    },
    log,
  );

  outbox.start();
  await automation.start();
  // Resuming the Telegram session waits for the network (gramjs retries for tens of seconds
  // offline); the inbox is served meanwhile and the account's state shows "connecting".
  const started = telegram.start().catch((error: unknown) => log('telegram: the stored session could not be resumed', error));
  await sync.start();

  return {
    started,
    db,
    dispatcher,
    status,
    inbox,
    telegram,
    outbox,
    local,
    shopline,
    automation,
    sync,
    async dispose() {
      await sync.dispose();
      connectionSubscription.unsubscribe();
      outbox.dispose();
      await telegram.stop();
      await shopline.dispose();
      agentsSubscription.unsubscribe();
      await automation.dispose();
      messageText.dispose();
      inbox.dispose();
      status.dispose();
      await db.close();
    },
  };
}
