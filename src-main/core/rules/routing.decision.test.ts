// Tests for routeTicket (rules → target → strategy → fallback), manual assignment, the
// unassigned flag, assignment marks and auto-close.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { RoutingRule, defaultRoutingSettings } from '../../../src-preload/contract/config.contract';
import { MANUAL_MARK, REASSIGN_MARK, assignmentPatch, isExplicitReassign, isManuallyAssigned, personAssignMode } from './assignment.marks';
import { autoCloseAt, shouldAutoClose } from './auto.close';
import { routeTicket, unassignedFlagAt, unassignedTooLong } from './routing.decision';
import type { RouteInput } from './routing.decision';
import { MIN, makeAgent, makeTicket } from './rules.fixtures';

const NOW = 1_800_000_000_000;
const settings = defaultRoutingSettings();
const agents = [
  makeAgent('agent:a', { skills: ['billing'], languages: ['de'] }),
  makeAgent('agent:b', { skills: ['billing'], languages: ['en'] }),
  makeAgent('agent:lead', { skills: [], availability: 'away' }),
];
const rules = [
  RoutingRule.parse({
    id: 'billing',
    name: 'Billing',
    order: 1,
    conditions: [{ kind: 'keywords', any: ['invoice', 'refund'] }],
    target: { kind: 'skill', skill: 'billing' },
    strategy: 'round_robin',
    updatedAt: 0,
  }),
  RoutingRule.parse({
    id: 'big-orders',
    name: 'Big orders to the lead',
    order: 2,
    conditions: [{ kind: 'order_value', min: 1000 }],
    target: { kind: 'agent', agentId: 'agent:lead' },
    updatedAt: 0,
  }),
  RoutingRule.parse({
    id: 'vip',
    name: 'VIP queue',
    order: 3,
    conditions: [{ kind: 'tier', in: ['vip'] }],
    target: { kind: 'queue', queue: 'vip' },
    updatedAt: 0,
  }),
  RoutingRule.parse({
    id: 'ghost',
    name: 'To someone who left',
    order: 4,
    conditions: [{ kind: 'keywords', any: ['ghost'] }],
    target: { kind: 'agent', agentId: 'agent:gone' },
    updatedAt: 0,
  }),
];

function route(overrides: Partial<RouteInput> = {}, ticket: Partial<Ticket> = {}): ReturnType<typeof routeTicket> {
  return routeTicket({
    ticket: makeTicket(ticket),
    firstMessagesText: '',
    orderValue: null,
    rules,
    agents,
    loads: {},
    cursors: {},
    settings,
    now: NOW,
    ...overrides,
  });
}

describe('routeTicket', () => {
  it('assigns through a skill rule, preferring the customer language, and moves the rule cursor', () => {
    const d = route({ firstMessagesText: 'Where is my invoice?' });
    expect(d).toMatchObject({ kind: 'assign', agentId: 'agent:a', ruleId: 'billing', reason: 'round_robin', cursor: { ruleId: 'billing', value: 'agent:a' } });
    if (d.kind !== 'assign') throw new Error('expected an assignment');
    expect(d.patch.assigneeId).toBe('agent:a');
    expect(d.patch.fieldTimes?.assigneeId).toBe(NOW);
    expect(d.patch.fieldTimes?.[MANUAL_MARK]).toBeUndefined(); // routing is not a person
  });

  it('rotates with the stored cursor', () => {
    const customer = { ...makeTicket().customer, language: null };
    const d = route({ firstMessagesText: 'refund', cursors: { billing: 'agent:a' } }, { customer });
    expect(d).toMatchObject({ kind: 'assign', agentId: 'agent:b', cursor: { value: 'agent:b' } });
  });

  it('falls back to the fallback queue when nobody in the skill group can take it', () => {
    const d = route({ firstMessagesText: 'refund', loads: { 'agent:a': 5, 'agent:b': 5 } });
    expect(d).toEqual({ kind: 'queue', queue: 'general', ruleId: 'billing', reason: 'all_at_capacity', patch: {} });
  });

  it('sends to a named agent only when that agent is available', () => {
    expect(route({ orderValue: 5000 })).toMatchObject({ kind: 'queue', queue: 'general', reason: 'agent_unavailable', ruleId: 'big-orders' });
    const online = agents.map((a) => (a.id === 'agent:lead' ? { ...a, availability: 'online' as const } : a));
    expect(route({ orderValue: 5000, agents: online })).toMatchObject({ kind: 'assign', agentId: 'agent:lead', reason: 'direct', cursor: null });
    expect(route({ firstMessagesText: 'ghost' })).toMatchObject({ kind: 'queue', reason: 'unknown_agent' });
  });

  it('puts the ticket in a queue target and sets the queue', () => {
    const customer = { ...makeTicket().customer, tier: 'VIP' };
    const d = route({}, { customer });
    expect(d).toMatchObject({ kind: 'queue', queue: 'vip', ruleId: 'vip', reason: 'queue_target' });
    if (d.kind !== 'queue') throw new Error('expected a queue');
    expect(d.patch).toEqual({ queue: 'vip', fieldTimes: { queue: NOW }, updatedAt: NOW });
  });

  it('uses the fallback queue when no rule matches', () => {
    expect(route({}, { queue: 'inbox' })).toMatchObject({ kind: 'queue', queue: 'general', ruleId: null, reason: 'no_rule_matched' });
  });

  it('never re-routes a person’s assignment, an assigned ticket or a finished one', () => {
    const claimed = makeTicket({ ...assignmentPatch(makeTicket(), 'agent:b', 'claim', NOW - MIN) });
    expect(route({ firstMessagesText: 'refund' }, claimed)).toEqual({ kind: 'skip', reason: 'manual_assignment' });
    const unassignedByPerson = makeTicket({ ...assignmentPatch(claimed, null, 'reassign', NOW) });
    expect(route({}, unassignedByPerson)).toEqual({ kind: 'skip', reason: 'manual_assignment' });
    const routed = makeTicket({ ...assignmentPatch(makeTicket(), 'agent:a', 'auto', NOW - MIN) });
    expect(route({}, routed)).toEqual({ kind: 'skip', reason: 'already_assigned' });
    expect(route({}, { status: 'resolved' })).toEqual({ kind: 'skip', reason: 'not_open' });
    expect(route({}, { status: 'closed' })).toEqual({ kind: 'skip', reason: 'not_open' });
  });

  it('re-routes after an automatic assignment was cleared automatically', () => {
    const cleared = makeTicket({ ...assignmentPatch(makeTicket(), null, 'auto', NOW - MIN) });
    expect(route({ firstMessagesText: 'refund' }, cleared).kind).toBe('assign');
  });
});

describe('assignment marks', () => {
  const base = makeTicket({ fieldTimes: { subject: 5 } });

  it('records who assigned and how, keeping other field times', () => {
    expect(assignmentPatch(base, 'agent:a', 'claim', 10)).toEqual({
      assigneeId: 'agent:a',
      fieldTimes: { subject: 5, assigneeId: 10, [MANUAL_MARK]: 10 },
      updatedAt: 10,
    });
    expect(assignmentPatch(base, 'agent:a', 'reassign', 10).fieldTimes).toEqual({
      subject: 5,
      assigneeId: 10,
      [MANUAL_MARK]: 10,
      [REASSIGN_MARK]: 10,
    });
    expect(assignmentPatch(base, 'agent:a', 'escalation', 10).fieldTimes).toEqual({ subject: 5, assigneeId: 10, [REASSIGN_MARK]: 10 });
    expect(assignmentPatch(base, 'agent:a', 'auto', 10).fieldTimes).toEqual({ subject: 5, assigneeId: 10 });
  });

  it('knows whether the latest change was manual or an explicit reassign', () => {
    const claimed = makeTicket({ ...assignmentPatch(base, 'agent:a', 'claim', 10) });
    expect(isManuallyAssigned(claimed)).toBe(true);
    expect(isExplicitReassign(claimed)).toBe(false);
    const rerouted = makeTicket({ ...assignmentPatch(claimed, 'agent:b', 'auto', 20) });
    expect(isManuallyAssigned(rerouted)).toBe(false);
    const escalated = makeTicket({ ...assignmentPatch(rerouted, 'agent:c', 'escalation', 30) });
    expect(isExplicitReassign(escalated)).toBe(true);
    expect(isManuallyAssigned(escalated)).toBe(false);
    expect(isManuallyAssigned(base)).toBe(false);
  });

  it('tells a claim from a reassign for a person’s command', () => {
    expect(personAssignMode({ assigneeId: null })).toBe('claim');
    expect(personAssignMode({ assigneeId: 'agent:a' })).toBe('reassign');
  });
});

describe('unassigned too long', () => {
  const created = NOW - 60 * MIN;

  it('flags an unowned open ticket after the configured minutes', () => {
    const t = makeTicket({ createdAt: created });
    expect(unassignedFlagAt(t, settings)).toBe(created + 30 * MIN);
    expect(unassignedTooLong(t, created + 30 * MIN - 1, settings)).toBe(false);
    expect(unassignedTooLong(t, created + 30 * MIN, settings)).toBe(true);
  });

  it('counts from when it lost its assignee', () => {
    const t = makeTicket({ createdAt: created, fieldTimes: { assigneeId: NOW - 10 * MIN } });
    expect(unassignedTooLong(t, NOW, settings)).toBe(false);
    expect(unassignedFlagAt(t, settings)).toBe(NOW + 20 * MIN);
  });

  it('never flags an assigned or finished ticket', () => {
    expect(unassignedTooLong(makeTicket({ createdAt: 0, assigneeId: 'agent:a' }), NOW, settings)).toBe(false);
    expect(unassignedTooLong(makeTicket({ createdAt: 0, status: 'resolved' }), NOW, settings)).toBe(false);
    expect(unassignedFlagAt(makeTicket({ status: 'closed' }), settings)).toBeNull();
  });
});

describe('auto close', () => {
  it('closes a resolved ticket after the configured time, never when turned off', () => {
    const t = makeTicket({ status: 'resolved', resolvedAt: NOW });
    expect(autoCloseAt(t, settings)).toBe(NOW + 3 * 24 * 60 * MIN);
    expect(shouldAutoClose(t, NOW + 3 * 24 * 60 * MIN - 1, settings)).toBe(false);
    expect(shouldAutoClose(t, NOW + 3 * 24 * 60 * MIN, settings)).toBe(true);
    expect(autoCloseAt(t, { autoCloseResolvedAfterMins: 0 })).toBeNull();
    expect(autoCloseAt(makeTicket({ status: 'open' }), settings)).toBeNull();
    expect(autoCloseAt(makeTicket({ status: 'resolved', resolvedAt: null, fieldTimes: { status: 7 } }), { autoCloseResolvedAfterMins: 1 })).toBe(
      7 + MIN,
    );
  });
});
