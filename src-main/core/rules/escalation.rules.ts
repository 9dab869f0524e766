// Escalation: which levels of a policy fire now (each once per ticket, with a deterministic
// event id), what they change on the ticket, when the next one is due, and the lead
// notification cooldown (pure; core escalation service).
import type { Agent, Priority, Ticket } from '../../../src-preload/contract';
import { priorities } from '../../../src-preload/contract';
import type { EscalationAction, EscalationPolicy, EscalationTrigger } from '../../../src-preload/contract/config.contract';
import { assignmentPatch } from './assignment.marks';
import { chooseAgent } from './routing.strategies';
import { clockReachesFractionAt, slaStatus } from './sla.deadlines';
import type { SlaClock, SlaInput, SlaStatus } from './sla.deadlines';

const MINUTE = 60_000;
const DONE = new Set<Ticket['status']>(['resolved', 'closed']);
/** Idle counts only while the ball is in the team's court. */
const IDLE_STATUSES = new Set<Ticket['status']>(['open', 'in_progress']);

export interface EscalationFiring {
  level: number;
  /** `esc:<ticketId>:<level>`: every app produces the same event, so it is written once. */
  eventId: string;
  trigger: EscalationTrigger;
  actions: EscalationAction[];
}

export function escalationEventId(ticketId: string, level: number): string {
  return `esc:${ticketId}:${level}`;
}

/** The policy dedicated to the ticket's SLA policy, else a general one (slaPolicyId null); ties by id. */
export function selectEscalationPolicy(slaPolicyId: string | null, policies: readonly EscalationPolicy[]): EscalationPolicy | null {
  const byId = [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (
    (slaPolicyId !== null ? byId.find((p) => p.slaPolicyId === slaPolicyId) : undefined) ??
    byId.find((p) => p.slaPolicyId === null) ??
    null
  );
}

/** Last message either way, or creation. */
function idleSince(ticket: Pick<Ticket, 'lastMessageAt' | 'createdAt'>): number {
  return Math.max(ticket.lastMessageAt, ticket.createdAt);
}

function pendingClocks(sla: SlaStatus): SlaClock[] {
  const { firstResponse, nextResponse, resolution } = sla.clocks;
  return [firstResponse, nextResponse, resolution].filter((c): c is SlaClock => c !== null && c.state !== 'met');
}

export function triggerHolds(trigger: EscalationTrigger, ticket: Ticket, sla: SlaStatus, now: number): boolean {
  switch (trigger.kind) {
    case 'first_response_breached':
      return sla.clocks.firstResponse?.state === 'breached';
    case 'resolution_breached':
      return sla.clocks.resolution?.state === 'breached';
    case 'fraction_elapsed':
      return sla.state !== 'none' && sla.state !== 'met' && sla.fractionElapsed >= trigger.fraction;
    case 'idle':
      return IDLE_STATUSES.has(ticket.status) && now - idleSince(ticket) >= trigger.minutes * MINUTE;
  }
}

/** Levels at or below the ticket's escalation level count as fired, even if their event has not synced yet. */
function alreadyFired(ticket: Ticket, firedLevels: Iterable<number>): (level: number) => boolean {
  const fired = new Set(firedLevels);
  return (level) => fired.has(level) || level <= ticket.escalationLevel;
}

/**
 * The levels whose trigger holds at `now` and that have not fired yet, lowest first. Nothing
 * fires on a resolved or closed ticket.
 */
export function dueEscalations(
  ticket: Ticket,
  sla: SlaStatus,
  policy: EscalationPolicy,
  firedLevels: Iterable<number>,
  now: number,
): EscalationFiring[] {
  if (DONE.has(ticket.status)) return [];
  const fired = alreadyFired(ticket, firedLevels);
  return policy.levels
    .filter((l) => !fired(l.level) && triggerHolds(l.trigger, ticket, sla, now))
    .sort((a, b) => a.level - b.level)
    .map((l) => ({ level: l.level, eventId: escalationEventId(ticket.id, l.level), trigger: l.trigger, actions: l.actions }));
}

/**
 * The earliest instant after `now` at which a level not yet fired becomes due, assuming
 * nothing else happens (so a scheduler can sleep until then); null if none will by time alone.
 * `known` is `slaStatus(input, now)` when the caller has it already.
 */
export function nextEscalationAt(
  input: SlaInput,
  policy: EscalationPolicy,
  firedLevels: Iterable<number>,
  now: number,
  known?: SlaStatus,
): number | null {
  const { ticket } = input;
  if (DONE.has(ticket.status)) return null;
  const sla = known ?? slaStatus(input, now);
  const fired = alreadyFired(ticket, firedLevels);
  const pending = pendingClocks(sla);
  const future = (t: number | null | undefined): number | null => (t !== null && t !== undefined && t > now ? t : null);
  let best: number | null = null;
  const consider = (t: number | null): void => {
    if (t !== null && (best === null || t < best)) best = t;
  };
  for (const { level, trigger } of policy.levels) {
    if (fired(level)) continue;
    switch (trigger.kind) {
      case 'first_response_breached':
        if (sla.clocks.firstResponse?.state !== 'met') consider(future(sla.clocks.firstResponse?.dueAt));
        break;
      case 'resolution_breached':
        if (sla.clocks.resolution?.state !== 'met') consider(future(sla.clocks.resolution?.dueAt));
        break;
      case 'fraction_elapsed':
        for (const clock of pending) consider(future(clockReachesFractionAt(input, clock.kind, trigger.fraction, now)));
        break;
      case 'idle':
        if (IDLE_STATUSES.has(ticket.status)) consider(future(idleSince(ticket) + trigger.minutes * MINUTE));
        break;
    }
  }
  return best;
}

/** Lead notifications for a ticket are at least `cooldownMins` apart. */
export function shouldNotify(lastNotifiedAt: number | null, now: number, cooldownMins: number): boolean {
  if (lastNotifiedAt === null) return true;
  const cooldown = cooldownMins * MINUTE;
  // A stamp further ahead than one cooldown comes from a skewed clock; don't let it mute us.
  if (lastNotifiedAt > now + cooldown) return true;
  return now - lastNotifiedAt >= cooldown;
}

export interface EscalationContext {
  agents: readonly Agent[];
  /** Open tickets per agent id, for a reassign to a skill group. */
  loads: Readonly<Record<string, number>>;
  now: number;
  /** When the lead was last notified about this ticket (null = never). */
  lastNotifiedAt: number | null;
  notifyCooldownMins: number;
}

export interface EscalationOutcome {
  /** Fields to write on the ticket (empty when nothing changes). */
  patch: Partial<Ticket>;
  /** Events to record, one per level, with their deterministic ids. */
  eventIds: string[];
  /** A notify action fired and the cooldown allows it. */
  notifyLead: boolean;
  reassignedTo: string | null;
  /** Actions that could not be carried out, for the activity log. */
  skipped: string[];
}

function raised(priority: Priority, steps: number): Priority {
  const index = Math.min(priorities.indexOf(priority) + steps, priorities.length - 1);
  return priorities[index] ?? priority;
}

/** What firing these levels does to the ticket: level, priority, assignee, notification. */
export function applyEscalationActions(ticket: Ticket, firings: readonly EscalationFiring[], ctx: EscalationContext): EscalationOutcome {
  const { now } = ctx;
  const outcome: EscalationOutcome = { patch: {}, eventIds: [], notifyLead: false, reassignedTo: null, skipped: [] };
  if (firings.length === 0) return outcome;
  const ordered = [...firings].sort((a, b) => a.level - b.level);
  const fieldTimes: Record<string, number> = { ...ticket.fieldTimes };
  let changed = false;

  const topLevel = Math.max(ticket.escalationLevel, ...ordered.map((f) => f.level));
  if (topLevel !== ticket.escalationLevel) {
    outcome.patch.escalationLevel = topLevel;
    fieldTimes.escalationLevel = now;
    changed = true;
  }

  const actions = ordered.flatMap((f) => f.actions);
  const steps = actions.filter((a) => a.kind === 'raise_priority').length;
  const priority = raised(ticket.priority, steps);
  if (priority !== ticket.priority) {
    outcome.patch.priority = priority;
    fieldTimes.priority = now;
    changed = true;
  }

  // The highest level's reassign is the one that stands.
  const reassign = actions.filter((a) => a.kind === 'reassign').at(-1);
  if (reassign) {
    let target: string | null = null;
    if (reassign.agentId !== undefined) {
      // A named person (usually a lead) gets it even when away: that is the point of escalating.
      if (ctx.agents.some((a) => a.id === reassign.agentId)) target = reassign.agentId;
      else outcome.skipped.push(`reassign: unknown agent ${reassign.agentId}`);
    } else if (reassign.skill !== undefined) {
      const choice = chooseAgent({
        candidates: ctx.agents,
        loads: ctx.loads,
        strategy: 'least_loaded',
        cursor: null,
        requiredSkill: reassign.skill,
        language: ticket.customer.language,
        exclude: ticket.assigneeId !== null ? [ticket.assigneeId] : [],
      });
      target = choice.agentId;
      if (target === null) outcome.skipped.push(`reassign: nobody with skill ${reassign.skill} can take it (${choice.reason})`);
    }
    if (target !== null && target !== ticket.assigneeId) {
      const assignment = assignmentPatch({ fieldTimes }, target, 'escalation', now);
      Object.assign(fieldTimes, assignment.fieldTimes);
      outcome.patch.assigneeId = target;
      outcome.reassignedTo = target;
      changed = true;
    }
  }

  if (actions.some((a) => a.kind === 'notify_lead')) {
    outcome.notifyLead = shouldNotify(ctx.lastNotifiedAt, now, ctx.notifyCooldownMins);
  }
  if (changed) {
    outcome.patch.fieldTimes = fieldTimes;
    outcome.patch.updatedAt = now;
  }
  outcome.eventIds = ordered.map((f) => f.eventId);
  return outcome;
}
