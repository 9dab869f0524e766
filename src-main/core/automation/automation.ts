// Builds the automation services (routing, unassigned flags, SLA timers, escalation,
// auto-close, reports) over one database and the inbox's in-memory tickets, wires them to the
// ticket, log and config change streams, and exposes the contract's automation endpoints.
// Main process (plain Node).
import { map, merge, skip, startWith, type Observable, type Subscription } from 'rxjs';
import type { z } from 'zod';
import type { Ticket } from '../../../src-preload/contract';
import type { AutomationNotification, automationCommands, automationLiveQueries } from '../../../src-preload/contract/automation.contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { withoutStorageFields } from '../db/document.scan';
import type { InboxIndex } from '../tickets/inbox.index';
import { AgentLoads } from './agent.loads';
import { AgentsRoster } from './agents.roster';
import { AutoCloseService } from './auto-close.service';
import { machineTimeZone, seedDefaults } from './config.seed';
import { ConfigStore, type ConfigKind } from './config.store';
import { ESCALATED } from './escalation.history';
import { EscalationService } from './escalation.service';
import { followEvents } from './events.feed';
import { ReportsService } from './reports.service';
import { defaultOrderContext, RoutingService, type OrderContextLookup } from './routing.service';
import { SlaInputs } from './sla.inputs';
import { SlaService } from './sla.service';
import { STATUS_CHANGED, StatusHistory } from './status.history';
import { realTimers, type Timers } from './timers';
import { UnassignedFlagService } from './unassigned-flag.service';
import type { KeyedBatchQueue } from './work.queue';

type Endpoints = Record<string, { params: z.ZodType; result: z.ZodType }>;
type CommandHandlersOf<E extends Endpoints> = {
  [N in keyof E]: (params: z.output<E[N]['params']>) => Promise<z.output<E[N]['result']>>;
};
type LiveQueryHandlersOf<E extends Endpoints> = {
  [N in keyof E]: (params: z.output<E[N]['params']>) => Observable<z.output<E[N]['result']>>;
};
export type AutomationCommandHandlers = CommandHandlersOf<typeof automationCommands>;
export type AutomationLiveQueryHandlers = LiveQueryHandlersOf<typeof automationLiveQueries>;

export interface AutomationDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  clock: () => number;
  /** setTimeout/clearTimeout (Node's by default); tests pass hand-driven ones. */
  timers?: Timers;
  me: () => Me | null;
  log?: (message: string, error?: unknown) => void;
  /** Order value and customer tier for routing conditions (Shopline); default: no order, the ticket's tier. */
  orderContext?: OrderContextLookup;
  /** The team's zone for report days and the seeded office-hours calendar; default: this machine's. */
  timeZone?: string;
  /** Seed default configuration into empty collections at start (default true). */
  seed?: boolean;
  reportIntervalMs?: number;
  queueIntervalMs?: number;
}

export interface Automation {
  /** Seeds, loads config and history, then evaluates every ticket once and follows changes. */
  start(): Promise<void>;
  /** Stops timers and subscriptions; waits for the write in progress. */
  dispose(): Promise<void>;
  /** Resolves when no automation work is pending (tests, orderly shutdown). */
  idle(): Promise<void>;
  /** Escalations the lead should hear about, fired here or by another app (from the log). */
  readonly notifications$: Observable<AutomationNotification>;
  readonly commands: AutomationCommandHandlers;
  readonly liveQueries: AutomationLiveQueryHandlers;
  readonly config: ConfigStore;
  readonly loads: AgentLoads;
  readonly sla: SlaService;
  readonly escalation: EscalationService;
  readonly routing: RoutingService;
  readonly autoClose: AutoCloseService;
  readonly unassignedFlag: UnassignedFlagService;
}

export const REPORT_INTERVAL_MS = 5_000;
export const QUEUE_INTERVAL_MS = 1_000;

export function createAutomation(deps: AutomationDeps): Automation {
  const { db, inbox, clock, me } = deps;
  const timers = deps.timers ?? realTimers;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(`[automation] ${message}`, error ?? ''));
  const timeZone = deps.timeZone ?? machineTimeZone();

  const config = new ConfigStore({ db, clock, log });
  const agents = new AgentsRoster();
  const loads = new AgentLoads();
  const history = new StatusHistory();
  const inputs = new SlaInputs(config, history, log);
  const settings = () => config.routingSettings;

  const routing = new RoutingService({ db, inbox, config, agents, loads, clock, me, log, orderContext: deps.orderContext ?? defaultOrderContext });
  const sla = new SlaService({ db, inbox, inputs, clock, timers, log });
  const escalation = new EscalationService({ db, inbox, config, inputs, agents, loads, clock, timers, me, log });
  const autoClose = new AutoCloseService({ db, inbox, settings, clock, timers, log });
  const unassignedFlag = new UnassignedFlagService({ db, inbox, settings, clock, timers, log });
  const reports = new ReportsService({
    inbox,
    agents,
    clock,
    timers,
    timeZone,
    reportIntervalMs: deps.reportIntervalMs ?? REPORT_INTERVAL_MS,
    queueIntervalMs: deps.queueIntervalMs ?? QUEUE_INTERVAL_MS,
  });
  const queues: KeyedBatchQueue[] = [routing.work, sla.work, escalation.work, autoClose.work, unassignedFlag.work];
  const subscriptions: Subscription[] = [];
  let started = false;
  let disposed = false;

  function onTicket(ticket: Ticket): void {
    loads.apply(ticket);
    routing.onTicket(ticket);
    sla.touch(ticket.id);
    escalation.touch(ticket.id);
    autoClose.onTicket(ticket);
    unassignedFlag.onTicket(ticket);
  }

  function onRemoved(ticketId: string): void {
    loads.remove(ticketId);
    routing.onRemoved(ticketId);
    sla.onRemoved(ticketId);
    escalation.onRemoved(ticketId);
    autoClose.onRemoved(ticketId);
    unassignedFlag.onRemoved(ticketId);
  }

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    if (deps.seed ?? true) {
      // Without defaults the app still works (no SLA, no escalation): never fail start over them.
      await seedDefaults(db, clock(), timeZone).catch((error: unknown) => log('automation: could not seed the default configuration', error));
    }
    const feed = followEvents(db, { [STATUS_CHANGED]: (event) => history.add(event), [ESCALATED]: (event) => escalation.onEvent(event) }, log);
    subscriptions.push(feed.subscription);
    await Promise.all([config.start(), agents.start(db, log), feed.ready]);
    if (disposed) return;

    subscriptions.push(
      // The inbox (subscribed earlier) has already taken the change when this runs.
      db.tickets.$.subscribe((event) => {
        if (event.operation === 'DELETE' || event.documentData._deleted) onRemoved(event.documentId);
        else onTicket(withoutStorageFields<Ticket>(event.documentData));
      }),
      history.changed$.subscribe((ticketId) => {
        sla.touch(ticketId);
        escalation.touch(ticketId);
      }),
      merge(config.changes('slaPolicies').pipe(skip(1)), config.changes('calendars').pipe(skip(1))).subscribe(() => {
        sla.touchAllActive();
        escalation.touchAllActive();
      }),
      config.changes('escalationPolicies').pipe(skip(1)).subscribe(() => escalation.touchAllActive()),
      config.routingSettings$.pipe(skip(1)).subscribe(() => {
        autoClose.onSettings();
        unassignedFlag.onSettings();
      }),
    );
    const tickets = [...inbox.all()];
    loads.load(tickets);
    for (const ticket of tickets) onTicket(ticket);
    escalation.goLive();
  }

  async function idle(): Promise<void> {
    // Work begets work (a write comes back as a change): wait until a full pass finds none.
    for (;;) {
      await Promise.all(queues.map((q) => q.idle()));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (queues.every((q) => q.isIdle)) return;
    }
  }

  async function dispose(): Promise<void> {
    if (disposed) return;
    disposed = true;
    subscriptions.splice(0).forEach((s) => s.unsubscribe());
    await Promise.all([sla.dispose(), escalation.dispose(), autoClose.dispose(), unassignedFlag.dispose(), routing.work.stop()]);
    history.dispose();
    config.dispose();
    agents.dispose();
  }

  const list = <K extends ConfigKind>(kind: K) => () => config.changes(kind);
  const save = <K extends ConfigKind>(kind: K) => (params: unknown) => config.save(kind, params);
  const remove = (kind: ConfigKind) => ({ id }: { id: string }) => config.remove(kind, id);

  const commands: AutomationCommandHandlers = {
    'config.templates.save': save('templates'),
    'config.templates.delete': remove('templates'),
    'config.slaPolicies.save': save('slaPolicies'),
    'config.slaPolicies.delete': remove('slaPolicies'),
    'config.calendars.save': save('calendars'),
    'config.calendars.delete': remove('calendars'),
    'config.escalationPolicies.save': save('escalationPolicies'),
    'config.escalationPolicies.delete': remove('escalationPolicies'),
    'config.routingRules.save': save('routingRules'),
    'config.routingRules.delete': remove('routingRules'),
    'config.routingSettings.get': async () => config.routingSettings,
    'config.routingSettings.set': (patch) => config.setRoutingSettings(patch),
  };

  const liveQueries: AutomationLiveQueryHandlers = {
    'config.templates': list('templates'),
    'config.slaPolicies': list('slaPolicies'),
    'config.calendars': list('calendars'),
    'config.escalationPolicies': list('escalationPolicies'),
    'config.routingRules': list('routingRules'),
    'config.routingSettings': () => config.routingSettings$,
    'reports.overview': ({ timeZone: zone }) => reports.overview$(zone),
    'reports.tickets': (params) => reports.tickets$(params),
    'queue.overview': () => reports.queue$(),
    'automation.notifications': ({ limit }) =>
      escalation.recentChanged$.pipe(
        startWith(undefined),
        map(() => escalation.recentNotifications(limit)),
      ),
  };

  return {
    start,
    dispose,
    idle,
    notifications$: escalation.notifications$,
    commands,
    liveQueries,
    config,
    loads,
    sla,
    escalation,
    routing,
    autoClose,
    unassignedFlag,
  };
}
