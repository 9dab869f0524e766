// Fires escalation levels: each level once per ticket across every app (its deterministic event
// `esc:<ticketId>:<level>` is the claim), carrying out its actions (reassign, raise priority,
// notify the lead, with the notification cooldown), and one timer for the next level due.
// Lead notifications come from the log, so a lead's app hears escalations fired elsewhere.
// Main process.
import { Subject, type Observable } from 'rxjs';
import type { Ticket } from '../../../src-preload/contract';
import type { AutomationNotification } from '../../../src-preload/contract/automation.contract';
import type { EscalationAction, EscalationPolicy } from '../../../src-preload/contract/config.contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import {
  applyEscalationActions,
  dueEscalations,
  nextEscalationAt,
  selectEscalationPolicy,
  shouldNotify,
  type EscalationFiring,
} from '../rules/escalation.rules';
import { slaStatus } from '../rules/sla.deadlines';
import type { InboxIndex } from '../tickets/inbox.index';
import { recordOnce } from './activity.once';
import type { AgentLoads } from './agent.loads';
import type { AgentsRoster } from './agents.roster';
import type { ConfigStore } from './config.store';
import { DeadlineScheduler } from './deadline.scheduler';
import { ESCALATED, EscalationHistory } from './escalation.history';
import type { SlaInputs } from './sla.inputs';
import { modifyTicket } from './ticket.writer';
import type { Timers } from './timers';
import { KeyedWorkQueue } from './work.queue';

export interface EscalationServiceDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  config: ConfigStore;
  inputs: SlaInputs;
  agents: AgentsRoster;
  loads: AgentLoads;
  clock: () => number;
  timers: Timers;
  me: () => Me | null;
  log: (message: string, error?: unknown) => void;
}

/** Notifications older than this when they reach us (a long offline spell) are not raised. */
export const NOTIFICATION_FRESH_MS = 15 * 60_000;
const RECENT_NOTIFICATIONS = 100;

const isDone = (t: Pick<Ticket, 'status'>): boolean => t.status === 'resolved' || t.status === 'closed';

const reasonText: Record<EscalationFiring['trigger']['kind'], string> = {
  first_response_breached: 'first response overdue',
  resolution_breached: 'resolution overdue',
  fraction_elapsed: 'SLA time running out',
  idle: 'no activity',
};

function actionText(action: EscalationAction, notified: boolean): string {
  switch (action.kind) {
    case 'raise_priority':
      return 'priority raised';
    case 'reassign':
      return 'reassigned';
    case 'notify_lead':
      return notified ? 'lead notified' : 'lead already notified recently';
  }
}

export class EscalationService {
  readonly history = new EscalationHistory();
  private readonly queue: KeyedWorkQueue;
  private readonly scheduler: DeadlineScheduler;
  private readonly notifications = new Subject<AutomationNotification>();
  private readonly recent: AutomationNotification[] = [];
  private readonly recentChanges = new Subject<void>();
  /** Escalation events read at start are history, not news. */
  private live = false;

  readonly notifications$: Observable<AutomationNotification> = this.notifications.asObservable();
  readonly recentChanged$: Observable<void> = this.recentChanges.asObservable();

  constructor(private readonly deps: EscalationServiceDeps) {
    this.queue = new KeyedWorkQueue((id) => this.evaluate(id), deps.log, 'escalation');
    this.scheduler = new DeadlineScheduler(deps.timers, deps.clock, (ids) => ids.forEach((id) => this.queue.add(id)));
  }

  get work(): KeyedWorkQueue {
    return this.queue;
  }

  wakeAt(ticketId: string): number | undefined {
    return this.scheduler.dueAt(ticketId);
  }

  /** Start raising notifications for escalation events seen from now on. */
  goLive(): void {
    this.live = true;
  }

  /** One `ticket.escalated` event from the log (written here or replicated). */
  onEvent(raw: unknown): void {
    const event = this.history.add(raw);
    if (!event || !this.live) return;
    // Another app's firing may change what is due next here.
    this.queue.add(event.ticketId);
    if (!event.data.notify || event.at < this.deps.clock() - NOTIFICATION_FRESH_MS) return;
    const ticket = this.deps.inbox.get(event.ticketId);
    const notification: AutomationNotification = {
      id: event.id,
      ticketId: event.ticketId,
      subject: ticket?.subject ?? event.ticketId,
      level: event.data.level,
      reason: event.data.reason,
      priority: ticket?.priority ?? 'normal',
      assigneeId: ticket?.assigneeId ?? null,
      at: event.at,
    };
    this.recent.unshift(notification);
    this.recent.length = Math.min(this.recent.length, RECENT_NOTIFICATIONS);
    this.notifications.next(notification);
    this.recentChanges.next();
  }

  recentNotifications(limit: number): AutomationNotification[] {
    return this.recent.slice(0, limit);
  }

  touch(ticketId: string): void {
    this.queue.add(ticketId);
  }

  touchAllActive(): void {
    for (const ticket of this.deps.inbox.all()) if (!isDone(ticket)) this.queue.add(ticket.id);
  }

  onRemoved(ticketId: string): void {
    this.scheduler.delete(ticketId);
  }

  dispose(): Promise<void> {
    this.scheduler.dispose();
    this.notifications.complete();
    this.recentChanges.complete();
    return this.queue.stop();
  }

  private async evaluate(ticketId: string): Promise<void> {
    const { inbox, inputs, config, clock } = this.deps;
    const ticket = inbox.get(ticketId);
    if (!ticket || isDone(ticket)) return this.scheduler.delete(ticketId);
    const input = inputs.inputFor(ticket);
    const policy = selectEscalationPolicy(input.policy?.id ?? null, config.list('escalationPolicies'));
    if (!policy) return this.scheduler.delete(ticketId);
    const now = clock();
    const sla = slaStatus(input, now);
    const due = dueEscalations(ticket, sla, policy, this.history.firedLevels(ticketId), now);
    if (due.length === 0) {
      this.scheduler.set(ticketId, nextEscalationAt(input, policy, this.history.firedLevels(ticketId), now, sla));
      return;
    }
    await this.fire(ticket, due, policy, now);
    const latest = inbox.get(ticketId) ?? ticket;
    this.scheduler.set(ticketId, isDone(latest) ? null : nextEscalationAt(inputs.inputFor(latest), policy, this.history.firedLevels(ticketId), now));
  }

  private async fire(ticket: Ticket, due: EscalationFiring[], policy: EscalationPolicy, now: number): Promise<void> {
    const { db } = this.deps;
    // One notification however many levels fire together: on the highest level that asks for it.
    const notifying = due.filter((f) => f.actions.some((a) => a.kind === 'notify_lead'));
    const notifyLevel =
      notifying.length > 0 && shouldNotify(this.history.lastNotifiedAt(ticket.id), now, policy.notifyCooldownMins)
        ? Math.max(...notifying.map((f) => f.level))
        : null;

    const won: EscalationFiring[] = [];
    for (const firing of due) {
      const notify = firing.level === notifyLevel;
      const summary = firing.actions.map((a) => actionText(a, notify || notifyLevel !== null)).join(', ');
      const recorded = await recordOnce(
        db,
        {
          id: firing.eventId,
          type: ESCALATED,
          ticketId: ticket.id,
          actorId: null,
          at: now,
          data: {
            level: firing.level,
            reason: firing.trigger.kind,
            actions: firing.actions.map((a) => a.kind).join(','),
            notify,
            policyId: policy.id,
            app: this.deps.me()?.agentId ?? null,
          },
        },
        `Escalated (level ${firing.level}, ${reasonText[firing.trigger.kind]}): ${summary}`,
      );
      // A level another app recorded first is theirs to carry out.
      if (recorded) won.push(firing);
    }
    if (won.length === 0) return;

    const write = await modifyTicket(db, ticket.id, (current) => {
      if (isDone(current)) return null;
      const outcome = applyEscalationActions(current, won, {
        agents: this.deps.agents.list,
        loads: this.deps.loads.all,
        now,
        lastNotifiedAt: null,
        notifyCooldownMins: policy.notifyCooldownMins,
      });
      return Object.keys(outcome.patch).length > 0 ? { ...current, ...outcome.patch } : null;
    });
    if (!write?.changed) return;
    const { before, after } = write;
    const top = Math.max(...won.map((f) => f.level));
    if (before.assigneeId !== after.assigneeId) {
      await recordOnce(db, {
        id: `esc:${ticket.id}:${top}:assign`,
        type: 'ticket.assigned',
        ticketId: ticket.id,
        actorId: null,
        at: now,
        data: { from: before.assigneeId, to: after.assigneeId, by: 'escalation', level: top },
      });
    }
    if (before.priority !== after.priority) {
      await recordOnce(db, {
        id: `esc:${ticket.id}:${top}:priority`,
        type: 'ticket.priority_changed',
        ticketId: ticket.id,
        actorId: null,
        at: now,
        data: { from: before.priority, to: after.priority, by: 'escalation', level: top },
      });
    }
  }
}
