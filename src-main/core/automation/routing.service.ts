// Routes new and returned tickets (appearing, reopening or losing their owner while nobody
// chose that): the routing rules decide, and the claim is written first-claim-wins, so with
// several agents' apps running the same rules each ticket is assigned once and logged once.
// Main process.
import type { Ticket } from '../../../src-preload/contract';
import type { RoutingCondition, RoutingRule } from '../../../src-preload/contract/config.contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { assignmentPatch, isExplicitReassign, isManuallyAssigned } from '../rules/assignment.marks';
import { routeTicket, type RouteDecision } from '../rules/routing.decision';
import { isAvailable } from '../rules/routing.strategies';
import type { InboxIndex } from '../tickets/inbox.index';
import { patchTicket } from '../tickets/ticket.patch';
import { recordOnce } from './activity.once';
import type { AgentLoads } from './agent.loads';
import type { AgentsRoster } from './agents.roster';
import type { ConfigStore } from './config.store';
import { modifyTicket } from './ticket.writer';
import { KeyedWorkQueue } from './work.queue';

export interface OrderContext {
  /** The linked order's total in the store currency; null when there is none. */
  orderValue: number | null;
  tier: string;
}
export type OrderContextLookup = (ticket: Ticket) => Promise<OrderContext>;

export const defaultOrderContext: OrderContextLookup = async (ticket) => ({ orderValue: null, tier: ticket.customer.tier });

export interface RoutingServiceDeps {
  db: TopicdeskDatabase;
  inbox: InboxIndex;
  config: ConfigStore;
  agents: AgentsRoster;
  loads: AgentLoads;
  clock: () => number;
  me: () => Me | null;
  log: (message: string, error?: unknown) => void;
  orderContext: OrderContextLookup;
}

/** How many customer messages (besides the subject) keyword and pattern rules read. */
export const FIRST_MESSAGES = 3;
/** Decisions made again after losing a capacity race, before the ticket is left to the next change. */
const MAX_ATTEMPTS = 5;

const isDone = (t: Pick<Ticket, 'status'>): boolean => t.status === 'resolved' || t.status === 'closed';

/** Unfinished, unowned, and not left unowned by a person on purpose. */
export function isRoutable(ticket: Ticket): boolean {
  return !isDone(ticket) && ticket.assigneeId === null && !isManuallyAssigned(ticket);
}

/**
 * When the ticket last became unowned: every app sees the same value for the same state, so it
 * makes the routing event ids deterministic (one decision per ticket per unowned spell).
 */
export function unassignedSince(ticket: Ticket): number {
  return ticket.fieldTimes.assigneeId ?? ticket.createdAt;
}

export const routeEventId = (ticketId: string, since: number): string => `route:${ticketId}:${since}`;
export const queueEventId = (ticketId: string, since: number): string => `queue:${ticketId}:${since}`;

const needs = (rules: readonly RoutingRule[], kinds: RoutingCondition['kind'][]): boolean =>
  rules.some((rule) => rule.enabled && rule.conditions.some((c) => kinds.includes(c.kind)));

type Attempt = 'done' | 'retry';

/** What this app's routing did since start (diagnostics; races are normal with several apps). */
export interface RoutingStats {
  assigned: number;
  queued: number;
  /** Another writer (a person, another app) owned the ticket by the time our claim was written. */
  claimTaken: number;
  /** The chosen agent filled up before our claim was written; decided again. */
  capacityLost: number;
  /** Our claim landed in the same write batch as another app's and overfilled the agent; given back. */
  released: number;
}

export class RoutingService {
  private readonly routable = new Set<string>();
  /** Routable tickets that had no customer message yet when last seen (text rules may match later). */
  private readonly silent = new Set<string>();
  private readonly queue: KeyedWorkQueue;
  readonly stats: RoutingStats = { assigned: 0, queued: 0, claimTaken: 0, capacityLost: 0, released: 0 };

  constructor(private readonly deps: RoutingServiceDeps) {
    this.queue = new KeyedWorkQueue((id) => this.route(id), deps.log, 'routing');
  }

  get work(): KeyedWorkQueue {
    return this.queue;
  }

  /** Any ticket change; at start, every ticket (so tickets that came in while the app was off get a decision). */
  onTicket(ticket: Ticket): void {
    const now = isRoutable(ticket);
    const was = this.routable.has(ticket.id);
    const firstWords =
      this.silent.has(ticket.id) && ticket.lastCustomerAt !== null && needs(this.deps.config.list('routingRules'), ['keywords', 'pattern']);
    if (!now) {
      this.routable.delete(ticket.id);
      this.silent.delete(ticket.id);
      return;
    }
    this.routable.add(ticket.id);
    if (ticket.lastCustomerAt === null) this.silent.add(ticket.id);
    else this.silent.delete(ticket.id);
    // A queued ticket is tried again when its first customer message arrives: keyword and
    // pattern rules read it, and the topic often reaches us before its first message.
    if (!was || firstWords) this.queue.add(ticket.id);
  }

  onRemoved(ticketId: string): void {
    this.routable.delete(ticketId);
    this.silent.delete(ticketId);
  }

  private async route(ticketId: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if ((await this.attempt(ticketId)) === 'done') return;
    }
    this.deps.log(`routing: ${ticketId} lost ${MAX_ATTEMPTS} capacity races in a row; it waits for its next change`);
  }

  private async attempt(ticketId: string): Promise<Attempt> {
    const { inbox, config } = this.deps;
    const initial = inbox.get(ticketId);
    if (!initial || !isRoutable(initial)) return 'done';
    const rules = config.list('routingRules');
    // Only read what some rule looks at: a message query or a Shopline lookup per ticket adds up in a burst.
    const text = needs(rules, ['keywords', 'pattern']) ? await this.firstMessagesText(ticketId) : '';
    const order = needs(rules, ['order_value', 'tier']) ? await this.orderContext(initial) : { orderValue: null, tier: initial.customer.tier };
    const ticket = inbox.get(ticketId);
    if (!ticket || !isRoutable(ticket)) return 'done';
    const now = this.deps.clock();
    const decision = routeTicket({
      ticket: order.tier === ticket.customer.tier ? ticket : { ...ticket, customer: { ...ticket.customer, tier: order.tier } },
      firstMessagesText: text,
      orderValue: order.orderValue,
      rules,
      agents: this.deps.agents.list,
      loads: this.deps.loads.all,
      cursors: config.cursorsSnapshot(),
      settings: config.routingSettings,
      now,
    });
    switch (decision.kind) {
      case 'skip':
        return 'done';
      case 'assign':
        return this.claim(ticket, decision, rules, now);
      case 'queue':
        return this.enqueue(ticket, decision, now);
    }
  }

  private async claim(ticket: Ticket, decision: Extract<RouteDecision, { kind: 'assign' }>, rules: readonly RoutingRule[], now: number): Promise<Attempt> {
    const { db, agents, loads } = this.deps;
    const since = unassignedSince(ticket);
    const { agentId } = decision;
    let capacityLost = false;
    const write = await modifyTicket(db, ticket.id, (current) => {
      capacityLost = false;
      // First claim wins: whoever assigned it meanwhile (a person, another app) keeps it.
      if (!isRoutable(current) || unassignedSince(current) !== since) return null;
      // Loads include every claim stored so far, so two apps cannot both fill the last place.
      const agent = agents.get(agentId);
      if (!agent || !isAvailable(agent, loads.all)) {
        capacityLost = true;
        return null;
      }
      return { ...current, ...assignmentPatch(current, agentId, 'auto', now) };
    });
    if (capacityLost) {
      this.stats.capacityLost++;
      return 'retry';
    }
    if (!write?.changed) {
      this.stats.claimTaken++;
      return 'done';
    }
    if (decision.cursor) await this.deps.config.setCursor(decision.cursor.ruleId, decision.cursor.value);
    if (this.overCapacity(agentId, ticket.id)) {
      // Two claims stored in the same batch can overfill an agent; the later one gives way and
      // the change that unassigns it brings it back here.
      this.stats.released++;
      await this.release(ticket.id, agentId, this.deps.clock());
      return 'done';
    }
    this.stats.assigned++;
    const rule = rules.find((r) => r.id === decision.ruleId);
    await recordOnce(
      db,
      {
        id: routeEventId(ticket.id, since),
        type: 'ticket.assigned',
        ticketId: ticket.id,
        actorId: null,
        at: now,
        data: {
          from: null,
          to: agentId,
          by: 'routing',
          ruleId: decision.ruleId,
          reason: decision.reason,
          languageFallback: decision.languageFallback,
          app: this.deps.me()?.agentId ?? null,
        },
      },
      `Routed to ${agents.get(agentId)?.name ?? agentId}${rule ? ` by the rule “${rule.name}”` : ''}`,
    );
    return 'done';
  }

  private async enqueue(ticket: Ticket, decision: Extract<RouteDecision, { kind: 'queue' }>, now: number): Promise<Attempt> {
    const { db } = this.deps;
    const since = unassignedSince(ticket);
    if (ticket.queue !== decision.queue) {
      await modifyTicket(db, ticket.id, (current) =>
        isRoutable(current) && current.queue !== decision.queue ? patchTicket(current, { queue: decision.queue }, now) : null,
      );
    }
    const latest = this.deps.inbox.get(ticket.id);
    if (!latest || !isRoutable(latest)) return 'done';
    this.stats.queued++;
    await recordOnce(db, {
      id: queueEventId(ticket.id, since),
      type: 'ticket.routed',
      ticketId: ticket.id,
      actorId: null,
      at: now,
      data: { queue: decision.queue, by: 'routing', ruleId: decision.ruleId, reason: decision.reason, app: this.deps.me()?.agentId ?? null },
    });
    return 'done';
  }

  /**
   * Whether this ticket is one of the agent's surplus automatic assignments: the latest ones
   * (by assignment time, then id), so every app picks the same tickets to give back.
   */
  private overCapacity(agentId: string, ticketId: string): boolean {
    const agent = this.deps.agents.get(agentId);
    const load = this.deps.loads.of(agentId);
    if (!agent || load <= agent.capacity) return false;
    const automatic = [...this.deps.inbox.all()]
      .filter((t) => t.assigneeId === agentId && !isDone(t) && !isManuallyAssigned(t) && !isExplicitReassign(t))
      .sort((a, b) => (b.fieldTimes.assigneeId ?? 0) - (a.fieldTimes.assigneeId ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return automatic.slice(0, load - agent.capacity).some((t) => t.id === ticketId);
  }

  private async release(ticketId: string, agentId: string, now: number): Promise<void> {
    await modifyTicket(this.deps.db, ticketId, (current) =>
      current.assigneeId === agentId && !isManuallyAssigned(current) && !isExplicitReassign(current)
        ? { ...current, ...assignmentPatch(current, null, 'auto', now) }
        : null,
    );
  }

  private async firstMessagesText(ticketId: string): Promise<string> {
    const docs = await this.deps.db.messages
      .find({ selector: { ticketId, kind: 'customer' }, sort: [{ sentAt: 'asc' }], limit: FIRST_MESSAGES })
      .exec();
    return docs.map((doc) => doc.text).join('\n');
  }

  private async orderContext(ticket: Ticket): Promise<OrderContext> {
    try {
      return await this.deps.orderContext(ticket);
    } catch (error) {
      // Shopline may be down: route on what the ticket itself says rather than not at all.
      this.deps.log(`routing: order lookup for ${ticket.id} failed; routing without it`, error);
      return { orderValue: null, tier: ticket.customer.tier };
    }
  }
}
