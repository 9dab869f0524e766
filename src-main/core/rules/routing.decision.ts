// Where a new or unowned ticket goes: rules → target → strategy, else the fallback queue;
// plus the "unassigned too long" flag (pure; core routing service).
import type { Agent, Ticket } from '../../../src-preload/contract';
import type { RoutingRule, RoutingSettings } from '../../../src-preload/contract/config.contract';
import { assignmentPatch, isManuallyAssigned } from './assignment.marks';
import { firstMatchingRule } from './routing.rules';
import { chooseAgent, isAvailable } from './routing.strategies';
import type { ChooseReason } from './routing.strategies';

const MINUTE = 60_000;

export interface RouteInput {
  ticket: Ticket;
  firstMessagesText: string;
  orderValue: number | null;
  rules: readonly RoutingRule[];
  agents: readonly Agent[];
  /** Open tickets per agent id. */
  loads: Readonly<Record<string, number>>;
  /** Round-robin cursor per rule id (see `chooseAgent`); missing = start of the rotation. */
  cursors: Readonly<Record<string, string | null>>;
  settings: RoutingSettings;
  now: number;
}

export type SkipReason = 'manual_assignment' | 'already_assigned' | 'not_open';
export type QueueReason = 'no_rule_matched' | 'queue_target' | 'agent_unavailable' | 'unknown_agent' | ChooseReason;

export type RouteDecision =
  | { kind: 'skip'; reason: SkipReason }
  | {
      kind: 'assign';
      agentId: string;
      ruleId: string;
      reason: 'direct' | ChooseReason;
      languageFallback: boolean;
      /** Round-robin position to store for the rule; null when it does not move. */
      cursor: { ruleId: string; value: string } | null;
      patch: Partial<Ticket>;
    }
  | { kind: 'queue'; queue: string; ruleId: string | null; reason: QueueReason; patch: Partial<Ticket> };

const DONE = new Set<Ticket['status']>(['resolved', 'closed']);

function queuePatch(ticket: Ticket, queue: string, now: number): Partial<Ticket> {
  if (ticket.queue === queue) return {};
  return { queue, fieldTimes: { ...ticket.fieldTimes, queue: now }, updatedAt: now };
}

/**
 * Decide for one ticket. Never touches a ticket a person assigned (or unassigned), one that
 * already has an assignee, or one that is resolved or closed. Several apps may run this at
 * once: the merge's first-claim-wins keeps one assignment.
 */
export function routeTicket(input: RouteInput): RouteDecision {
  const { ticket, agents, loads, settings, now } = input;
  if (DONE.has(ticket.status)) return { kind: 'skip', reason: 'not_open' };
  if (isManuallyAssigned(ticket)) return { kind: 'skip', reason: 'manual_assignment' };
  if (ticket.assigneeId !== null) return { kind: 'skip', reason: 'already_assigned' };

  const fallback = (reason: QueueReason, ruleId: string | null) =>
    ({ kind: 'queue', queue: settings.fallbackQueue, ruleId, reason, patch: queuePatch(ticket, settings.fallbackQueue, now) }) as const;

  const rule = firstMatchingRule(input, input.rules);
  if (!rule) return fallback('no_rule_matched', null);
  const { target } = rule;

  switch (target.kind) {
    case 'queue':
      return { kind: 'queue', queue: target.queue, ruleId: rule.id, reason: 'queue_target', patch: queuePatch(ticket, target.queue, now) };
    case 'agent': {
      const agent = agents.find((a) => a.id === target.agentId);
      if (!agent) return fallback('unknown_agent', rule.id);
      if (!isAvailable(agent, loads)) return fallback('agent_unavailable', rule.id);
      return {
        kind: 'assign',
        agentId: agent.id,
        ruleId: rule.id,
        reason: 'direct',
        languageFallback: false,
        cursor: null,
        patch: assignmentPatch(ticket, agent.id, 'auto', now),
      };
    }
    case 'skill': {
      const choice = chooseAgent({
        candidates: agents,
        loads,
        strategy: rule.strategy,
        cursor: input.cursors[rule.id] ?? null,
        requiredSkill: target.skill,
        language: ticket.customer.language,
      });
      if (choice.agentId === null) return fallback(choice.reason, rule.id);
      return {
        kind: 'assign',
        agentId: choice.agentId,
        ruleId: rule.id,
        reason: choice.reason,
        languageFallback: choice.languageFallback,
        cursor: choice.nextCursor !== null && rule.strategy === 'round_robin' ? { ruleId: rule.id, value: choice.nextCursor } : null,
        patch: assignmentPatch(ticket, choice.agentId, 'auto', now),
      };
    }
  }
}

/**
 * When an unowned, unfinished ticket gets flagged: `unassignedFlagMins` after it was created
 * or last lost its assignee; null if it has one or is resolved/closed.
 */
export function unassignedFlagAt(ticket: Ticket, settings: RoutingSettings): number | null {
  if (ticket.assigneeId !== null || DONE.has(ticket.status)) return null;
  const since = Math.max(ticket.createdAt, ticket.fieldTimes.assigneeId ?? ticket.createdAt);
  return since + settings.unassignedFlagMins * MINUTE;
}

export function unassignedTooLong(ticket: Ticket, now: number, settings: RoutingSettings): boolean {
  const flagAt = unassignedFlagAt(ticket, settings);
  return flagAt !== null && now >= flagAt;
}
