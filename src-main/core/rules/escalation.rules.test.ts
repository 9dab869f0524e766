// Tests for escalation: triggers, once-only firing, scheduling, actions and the notify cooldown.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { EscalationPolicy, defaultEscalationPolicy, defaultSlaPolicy } from '../../../src-preload/contract/config.contract';
import type { SlaPolicy } from '../../../src-preload/contract/config.contract';
import { REASSIGN_MARK, isExplicitReassign, isManuallyAssigned } from './assignment.marks';
import {
  applyEscalationActions,
  dueEscalations,
  escalationEventId,
  nextEscalationAt,
  selectEscalationPolicy,
  shouldNotify,
} from './escalation.rules';
import type { EscalationContext, EscalationFiring } from './escalation.rules';
import { slaStatus } from './sla.deadlines';
import type { SlaInput } from './sla.deadlines';
import { HOUR, MIN, makeAgent, makeTicket } from './rules.fixtures';

const T0 = 1_800_000_000_000;
const slaPolicy: SlaPolicy = {
  ...defaultSlaPolicy('sla-1', 0),
  targets: {
    ...defaultSlaPolicy('sla-1', 0).targets,
    normal: { firstResponseMins: 60, nextResponseMins: 30, resolutionMins: 480 },
  },
};
const policy = defaultEscalationPolicy('esc-1', 0); // 1: 75% → notify; 2: FR breached → raise + notify; 3: resolution breached → notify

function ticketAt(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({ id: 'tg:1:2', createdAt: T0, updatedAt: T0, lastMessageAt: T0, lastCustomerAt: T0, ...overrides });
}

function input(ticket: Ticket, sla: SlaPolicy | null = slaPolicy): SlaInput {
  return { ticket, statusChanges: [], policy: sla, calendar: null };
}

function due(ticket: Ticket, fired: number[], now: number, esc: EscalationPolicy = policy): number[] {
  return dueEscalations(ticket, slaStatus(input(ticket), now), esc, fired, now).map((f) => f.level);
}

describe('dueEscalations', () => {
  const t = ticketAt();

  it('fires each level when its trigger holds, lowest first, with a deterministic event id', () => {
    expect(due(t, [], T0 + 10 * MIN)).toEqual([]);
    expect(due(t, [], T0 + 45 * MIN)).toEqual([1]);
    expect(due(t, [], T0 + HOUR)).toEqual([1, 2]);
    expect(due(t, [], T0 + 8 * HOUR)).toEqual([1, 2, 3]);
    const [firing] = dueEscalations(t, slaStatus(input(t), T0 + HOUR), policy, [], T0 + HOUR);
    expect(firing?.eventId).toBe('esc:tg:1:2:1');
    expect(escalationEventId('tg:1:2', 3)).toBe('esc:tg:1:2:3');
  });

  it('fires each level once: fired levels and levels at or below the ticket level are skipped', () => {
    expect(due(t, [1], T0 + 50 * MIN)).toEqual([]);
    expect(due(t, [1], T0 + HOUR)).toEqual([2]);
    expect(due(t, [2, 1], T0 + 2 * HOUR)).toEqual([]);
    expect(due(ticketAt({ escalationLevel: 2 }), [], T0 + 8 * HOUR)).toEqual([3]);
  });

  it('stops once the trigger no longer holds or the ticket is finished', () => {
    const answered = ticketAt({ firstResponseAt: T0 + 50 * MIN, lastAgentAt: T0 + 50 * MIN, lastMessageAt: T0 + 50 * MIN });
    expect(due(answered, [1], T0 + 2 * HOUR)).toEqual([]); // first response met: level 2 never fires
    expect(due(ticketAt({ status: 'resolved', resolvedAt: T0 + HOUR }), [], T0 + 9 * HOUR)).toEqual([]);
    expect(due(ticketAt({ status: 'closed' }), [], T0 + 9 * HOUR)).toEqual([]);
  });

  it('needs an SLA for SLA triggers', () => {
    const none = dueEscalations(t, slaStatus(input(t, null), T0 + 9 * HOUR), policy, [], T0 + 9 * HOUR);
    expect(none).toEqual([]);
  });

  it('fires an idle level only while the ticket waits on the team', () => {
    const idle = EscalationPolicy.parse({
      id: 'idle',
      name: 'Idle',
      slaPolicyId: null,
      levels: [{ level: 1, trigger: { kind: 'idle', minutes: 120 }, actions: [{ kind: 'notify_lead' }] }],
      updatedAt: 0,
    });
    const active = ticketAt({ status: 'in_progress', lastMessageAt: T0 + HOUR });
    expect(due(active, [], T0 + 3 * HOUR - 1, idle)).toEqual([]);
    expect(due(active, [], T0 + 3 * HOUR, idle)).toEqual([1]);
    expect(due({ ...active, status: 'waiting_on_customer' }, [], T0 + 5 * HOUR, idle)).toEqual([]);
  });
});

describe('nextEscalationAt', () => {
  it('lets a scheduler fire every level exactly once at its exact instant', () => {
    let ticket = ticketAt();
    const fired: number[] = [];
    const log: Array<[number, number]> = [];
    let now = T0;
    for (let guard = 0; guard < 10; guard++) {
      for (const f of dueEscalations(ticket, slaStatus(input(ticket), now), policy, fired, now)) {
        fired.push(f.level);
        log.push([f.level, now - T0]);
      }
      const next = nextEscalationAt(input(ticket), policy, fired, now);
      if (next === null) break;
      expect(next).toBeGreaterThan(now);
      now = next;
    }
    expect(log).toEqual([
      [1, 45 * MIN],
      [2, HOUR],
      [3, 8 * HOUR],
    ]);
    ticket = { ...ticket, escalationLevel: 3 };
    expect(nextEscalationAt(input(ticket), policy, [], now)).toBeNull();
  });

  it('uses the fraction of whichever clock gets there first, and nothing while paused or finished', () => {
    const half = EscalationPolicy.parse({
      id: 'half',
      name: 'Half',
      slaPolicyId: null,
      levels: [{ level: 1, trigger: { kind: 'fraction_elapsed', fraction: 0.5 }, actions: [{ kind: 'notify_lead' }] }],
      updatedAt: 0,
    });
    expect(nextEscalationAt(input(ticketAt()), half, [], T0)).toBe(T0 + 30 * MIN);
    const answered = ticketAt({ firstResponseAt: T0 + 5 * MIN, lastAgentAt: T0 + 5 * MIN });
    expect(nextEscalationAt(input(answered), half, [], T0 + 10 * MIN)).toBe(T0 + 4 * HOUR);
    const paused: SlaInput = { ...input(ticketAt({ status: 'waiting_on_customer' })), statusChanges: [{ status: 'waiting_on_customer', at: T0 + MIN }] };
    expect(nextEscalationAt(paused, half, [], T0 + 2 * MIN)).toBeNull();
    expect(nextEscalationAt(input(ticketAt({ status: 'resolved' })), half, [], T0)).toBeNull();
  });

  it('answers the same when the caller passes the SLA status it already has', () => {
    const tickets = [ticketAt(), ticketAt({ firstResponseAt: T0 + 5 * MIN, lastAgentAt: T0 + 5 * MIN }), ticketAt({ lastMessageAt: T0 + HOUR })];
    for (const ticket of tickets) {
      for (const now of [T0, T0 + 50 * MIN, T0 + 2 * HOUR, T0 + 9 * HOUR]) {
        for (const fired of [[], [1], [1, 2]]) {
          const known = slaStatus(input(ticket), now);
          expect(nextEscalationAt(input(ticket), policy, fired, now, known)).toBe(nextEscalationAt(input(ticket), policy, fired, now));
        }
      }
    }
  });

  it('schedules idle levels from the last message', () => {
    const idle = EscalationPolicy.parse({
      id: 'idle',
      name: 'Idle',
      slaPolicyId: null,
      levels: [{ level: 1, trigger: { kind: 'idle', minutes: 90 }, actions: [{ kind: 'notify_lead' }] }],
      updatedAt: 0,
    });
    expect(nextEscalationAt(input(ticketAt({ lastMessageAt: T0 + HOUR })), idle, [], T0 + HOUR)).toBe(T0 + HOUR + 90 * MIN);
  });
});

describe('selectEscalationPolicy', () => {
  it('prefers the one for the SLA policy, then a general one', () => {
    const general = { ...policy, id: 'general' };
    const vip = { ...policy, id: 'vip', slaPolicyId: 'sla-vip' };
    expect(selectEscalationPolicy('sla-vip', [general, vip])?.id).toBe('vip');
    expect(selectEscalationPolicy('sla-other', [general, vip])?.id).toBe('general');
    expect(selectEscalationPolicy(null, [vip])).toBeNull();
  });
});

describe('applyEscalationActions', () => {
  const lead = makeAgent('agent:lead', { availability: 'away', role: 'lead' });
  const s1 = makeAgent('agent:s1', { skills: ['senior'], languages: ['de'] });
  const s2 = makeAgent('agent:s2', { skills: ['senior'], languages: ['de'] });
  const ctx: EscalationContext = { agents: [lead, s1, s2], loads: { 'agent:s1': 3, 'agent:s2': 1 }, now: T0 + HOUR, lastNotifiedAt: null, notifyCooldownMins: 30 };
  const firing = (level: number, actions: EscalationFiring['actions']): EscalationFiring => ({
    level,
    eventId: escalationEventId('tg:1:2', level),
    trigger: { kind: 'first_response_breached' },
    actions,
  });

  it('raises the level and the priority one step per action, up to urgent', () => {
    const out = applyEscalationActions(ticketAt(), [firing(2, [{ kind: 'raise_priority' }])], ctx);
    expect(out.patch).toMatchObject({ escalationLevel: 2, priority: 'high', updatedAt: T0 + HOUR });
    expect(out.patch.fieldTimes).toMatchObject({ escalationLevel: T0 + HOUR, priority: T0 + HOUR });
    expect(out.eventIds).toEqual(['esc:tg:1:2:2']);
    const twice = applyEscalationActions(ticketAt({ priority: 'high' }), [firing(1, [{ kind: 'raise_priority' }]), firing(2, [{ kind: 'raise_priority' }])], ctx);
    expect(twice.patch.priority).toBe('urgent');
    const capped = applyEscalationActions(ticketAt({ priority: 'urgent', escalationLevel: 5 }), [firing(2, [{ kind: 'raise_priority' }])], ctx);
    expect(capped.patch).toEqual({}); // level stays 5, priority stays urgent
  });

  it('reassigns to a named agent even when away, marked as an explicit (non-manual) reassign', () => {
    const t = ticketAt({ assigneeId: 'agent:s1', fieldTimes: { assigneeId: T0 } });
    const out = applyEscalationActions(t, [firing(3, [{ kind: 'reassign', agentId: 'agent:lead' }])], ctx);
    expect(out.reassignedTo).toBe('agent:lead');
    expect(out.patch.assigneeId).toBe('agent:lead');
    expect(out.patch.fieldTimes?.[REASSIGN_MARK]).toBe(T0 + HOUR);
    const after = { ...t, ...out.patch };
    expect(isExplicitReassign(after)).toBe(true);
    expect(isManuallyAssigned(after)).toBe(false);
    const unknown = applyEscalationActions(t, [firing(3, [{ kind: 'reassign', agentId: 'agent:nobody' }])], ctx);
    expect(unknown.patch.assigneeId).toBeUndefined();
    expect(unknown.skipped).toEqual(['reassign: unknown agent agent:nobody']);
  });

  it('reassigns to the least-loaded available agent with the skill, never the current one', () => {
    const t = ticketAt({ assigneeId: 'agent:s2' });
    expect(applyEscalationActions(t, [firing(2, [{ kind: 'reassign', skill: 'senior' }])], ctx).reassignedTo).toBe('agent:s1');
    expect(applyEscalationActions(ticketAt(), [firing(2, [{ kind: 'reassign', skill: 'senior' }])], ctx).reassignedTo).toBe('agent:s2');
    const nobody = applyEscalationActions(t, [firing(2, [{ kind: 'reassign', skill: 'legal' }])], ctx);
    expect(nobody.reassignedTo).toBeNull();
    expect(nobody.skipped[0]).toContain('no_skill_match');
  });

  it('lets the highest level’s reassign stand', () => {
    const out = applyEscalationActions(
      ticketAt(),
      [firing(3, [{ kind: 'reassign', agentId: 'agent:lead' }]), firing(1, [{ kind: 'reassign', skill: 'senior' }])],
      ctx,
    );
    expect(out.reassignedTo).toBe('agent:lead');
  });

  it('notifies the lead subject to the cooldown', () => {
    const notify = [firing(1, [{ kind: 'notify_lead' }])];
    expect(applyEscalationActions(ticketAt(), notify, ctx).notifyLead).toBe(true);
    expect(applyEscalationActions(ticketAt(), notify, { ...ctx, lastNotifiedAt: T0 + HOUR - 10 * MIN }).notifyLead).toBe(false);
    expect(applyEscalationActions(ticketAt(), [firing(1, [{ kind: 'raise_priority' }])], ctx).notifyLead).toBe(false);
  });

  it('does nothing for no firings', () => {
    expect(applyEscalationActions(ticketAt(), [], ctx)).toEqual({ patch: {}, eventIds: [], notifyLead: false, reassignedTo: null, skipped: [] });
  });
});

describe('shouldNotify', () => {
  it('waits out the cooldown, to the millisecond', () => {
    expect(shouldNotify(null, T0, 30)).toBe(true);
    expect(shouldNotify(T0, T0 + 30 * MIN - 1, 30)).toBe(false);
    expect(shouldNotify(T0, T0 + 30 * MIN, 30)).toBe(true);
    expect(shouldNotify(T0, T0, 0)).toBe(true);
  });

  it('treats a slightly future stamp as recent but ignores one from a badly skewed clock', () => {
    expect(shouldNotify(T0 + 5 * MIN, T0, 30)).toBe(false);
    expect(shouldNotify(T0 + 2 * HOUR, T0, 30)).toBe(true);
  });
});
