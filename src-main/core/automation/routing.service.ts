// Routes new and returned tickets (appearing, reopening or losing their owner while nobody
// chose that): the routing rules decide, and the claim is written first-claim-wins, so with
// several agents' apps running the same rules each ticket is assigned once and logged once.
// Tickets that wait together (a burst of new topics, every ticket at start) are decided
// together in memory, as one after another would be, and written with a few bulk writes.
// Main process.
import type { Ticket } from '../../../src-preload/contract';
import type { RoutingCondition, RoutingRule } from '../../../src-preload/contract/config.contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { assignmentPatch, isExplicitReassign, isManuallyAssigned } from '../rules/assignment.marks';
import { routeBatch } from '../rules/routing.batch';
import type { RouteDecision } from '../rules/routing.decision';
import { isAvailable } from '../rules/routing.strategies';
import type { InboxIndex } from '../tickets/inbox.index';
import { patchTicket } from '../tickets/ticket.patch';
import { recordAll, type Recording } from './activity.once';
import type { AgentLoads } from './agent.loads';
import type { AgentsRoster } from './agents.roster';
import type { ConfigStore } from './config.store';
import { firstCustomerTexts } from './first-messages';
import { modifyTicket, modifyTickets, type TicketChange } from './ticket.writer';
import { KeyedBatchQueue } from './work.queue';

export { FIRST_MESSAGES } from './first-messages';

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

/**
 * Tickets decided and written together at most. The storage commits ~100 documents at a time
 * anyway; more would only delay the first ticket of a burst.
 */
export const ROUTING_BATCH = 100;
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

type Assign = Extract<RouteDecision, { kind: 'assign' }>;
type Enqueue = Extract<RouteDecision, { kind: 'queue' }>;
interface Decided {
  ticket: Ticket;
  decision: RouteDecision;
}

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
  private readonly queue: KeyedBatchQueue;
  readonly stats: RoutingStats = { assigned: 0, queued: 0, claimTaken: 0, capacityLost: 0, released: 0 };

  constructor(private readonly deps: RoutingServiceDeps) {
    this.queue = new KeyedBatchQueue((ids) => this.route(ids), deps.log, 'routing', ROUTING_BATCH);
  }

  get work(): KeyedBatchQueue {
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

  private async route(ticketIds: readonly string[]): Promise<void> {
    let pending = ticketIds;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) pending = await this.routeRound(pending);
    for (const ticketId of pending) {
      this.deps.log(`routing: ${ticketId} lost ${MAX_ATTEMPTS} capacity races in a row; it waits for its next change`);
    }
  }

  /** The tickets, as they are now, that still need a decision. */
  private routableNow(ticketIds: readonly string[]): Ticket[] {
    return ticketIds.flatMap((id) => {
      const ticket = this.deps.inbox.get(id);
      return ticket && isRoutable(ticket) ? [ticket] : [];
    });
  }

  /** Decides the tickets at once and writes the decisions; resolves those to decide again (capacity lost). */
  private async routeRound(ticketIds: readonly string[]): Promise<string[]> {
    const { config } = this.deps;
    const rules = config.list('routingRules');
    const initial = this.routableNow(ticketIds);
    if (initial.length === 0) return [];
    // Only read what some rule looks at: message reads and Shopline lookups add up in a burst.
    const texts = needs(rules, ['keywords', 'pattern']) ? await firstCustomerTexts(this.deps.db, initial.map((t) => t.id)) : null;
    const orders = needs(rules, ['order_value', 'tier']) ? await this.orderContexts(initial) : null;
    // Others may have written meanwhile: decide on the tickets as they are now.
    const tickets = this.routableNow(initial.map((t) => t.id));
    const now = this.deps.clock();
    const decisions = routeBatch({
      items: tickets.map((ticket) => {
        const order = orders?.get(ticket.id) ?? { orderValue: null, tier: ticket.customer.tier };
        return {
          ticket: order.tier === ticket.customer.tier ? ticket : { ...ticket, customer: { ...ticket.customer, tier: order.tier } },
          firstMessagesText: texts?.get(ticket.id) ?? '',
          orderValue: order.orderValue,
        };
      }),
      rules,
      agents: this.deps.agents.list,
      loads: this.deps.loads.all,
      cursors: config.cursorsSnapshot(),
      settings: config.routingSettings,
      now,
    });
    return this.write(
      tickets.map((ticket, i) => ({ ticket, decision: decisions[i] as RouteDecision })),
      rules,
      now,
    );
  }

  /**
   * Claims and queue moves in one batch of ticket writes, then the round-robin cursors, then
   * the log: one bulk insert of events, one of thread lines.
   */
  private async write(decided: readonly Decided[], rules: readonly RoutingRule[], now: number): Promise<string[]> {
    const { db, inbox } = this.deps;
    // Claims accepted at write time and not stored yet: they count against capacity like stored ones.
    const claims = new Map<string, string>();
    const capacityLost = new Set<string>();
    const changes = new Map<string, TicketChange>();
    for (const { ticket, decision } of decided) {
      if (decision.kind === 'assign') changes.set(ticket.id, this.claimChange(ticket, decision.agentId, now, claims, capacityLost));
      if (decision.kind === 'queue' && ticket.queue !== decision.queue) {
        changes.set(ticket.id, (current) =>
          isRoutable(current) && current.queue !== decision.queue ? patchTicket(current, { queue: decision.queue }, now) : null,
        );
      }
    }
    const { written, failed } = await modifyTickets(db, changes);
    for (const [ticketId, error] of failed) this.deps.log(`routing: ${ticketId} could not be written; it waits for its next change`, error);

    const retry: string[] = [];
    const claimed: { ticket: Ticket; decision: Assign }[] = [];
    const recordings: Recording[] = [];
    const cursors = new Map<string, string>();
    for (const { ticket, decision } of decided) {
      if (failed.has(ticket.id)) continue;
      if (decision.kind === 'queue') {
        const latest = inbox.get(ticket.id);
        if (!latest || !isRoutable(latest)) continue;
        this.stats.queued++;
        recordings.push(this.queueRecording(ticket, decision, now));
      } else if (decision.kind === 'assign') {
        if (capacityLost.has(ticket.id)) {
          this.stats.capacityLost++;
          retry.push(ticket.id);
        } else if (!written.get(ticket.id)?.changed) {
          this.stats.claimTaken++;
        } else {
          claimed.push({ ticket, decision });
          // In decision order, so the last claim written per rule is where its rotation stands.
          if (decision.cursor) cursors.set(decision.cursor.ruleId, decision.cursor.value);
        }
      }
    }
    if (cursors.size > 0) await this.deps.config.setCursors(cursors);
    for (const { ticket, decision } of claimed) {
      if (this.overCapacity(decision.agentId, ticket.id)) {
        // Two apps' claims stored in the same write can overfill an agent; the later one gives
        // way and the change that unassigns it brings it back here.
        this.stats.released++;
        await this.release(ticket.id, decision.agentId, this.deps.clock());
      } else {
        this.stats.assigned++;
        recordings.push(this.routeRecording(ticket, decision, rules, now));
      }
    }
    await recordAll(db, recordings);
    return retry;
  }

  /** The claim, decided again on the stored ticket when it is written. */
  private claimChange(ticket: Ticket, agentId: string, now: number, claims: Map<string, string>, capacityLost: Set<string>): TicketChange {
    const since = unassignedSince(ticket);
    return (current) => {
      // RxDB runs this again after a write conflict: nothing from an earlier run holds.
      claims.delete(ticket.id);
      capacityLost.delete(ticket.id);
      // First claim wins: whoever assigned it meanwhile (a person, another app) keeps it.
      if (!isRoutable(current) || unassignedSince(current) !== since) return null;
      // The load counts every claim stored so far plus this batch's claims written alongside,
      // so an agent's last place goes to one claim only.
      const agent = this.deps.agents.get(agentId);
      if (!agent || !isAvailable(agent, { [agentId]: this.deps.loads.ofWith(agentId, claims) })) {
        capacityLost.add(ticket.id);
        return null;
      }
      claims.set(ticket.id, agentId);
      return { ...current, ...assignmentPatch(current, agentId, 'auto', now) };
    };
  }

  private routeRecording(ticket: Ticket, decision: Assign, rules: readonly RoutingRule[], now: number): Recording {
    const { agentId } = decision;
    const rule = rules.find((r) => r.id === decision.ruleId);
    return {
      event: {
        id: routeEventId(ticket.id, unassignedSince(ticket)),
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
      threadText: `Routed to ${this.deps.agents.get(agentId)?.name ?? agentId}${rule ? ` by the rule “${rule.name}”` : ''}`,
    };
  }

  private queueRecording(ticket: Ticket, decision: Enqueue, now: number): Recording {
    return {
      event: {
        id: queueEventId(ticket.id, unassignedSince(ticket)),
        type: 'ticket.routed',
        ticketId: ticket.id,
        actorId: null,
        at: now,
        data: { queue: decision.queue, by: 'routing', ruleId: decision.ruleId, reason: decision.reason, app: this.deps.me()?.agentId ?? null },
      },
    };
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

  /** One ticket after another: Shopline is an outside service with its own rate limits. */
  private async orderContexts(tickets: readonly Ticket[]): Promise<Map<string, OrderContext>> {
    const contexts = new Map<string, OrderContext>();
    for (const ticket of tickets) contexts.set(ticket.id, await this.orderContext(ticket));
    return contexts;
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
