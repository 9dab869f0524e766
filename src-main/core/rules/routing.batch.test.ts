// Tests for routeBatch: a batch decides exactly what one ticket after another would (capacity,
// round-robin rotation, least-loaded spreading), starting from the given loads and cursors
// without changing them.
import { describe, expect, it } from 'vitest';
import { RoutingRule, defaultRoutingSettings } from '../../../src-preload/contract/config.contract';
import { routeBatch, type RouteBatchInput, type RouteBatchItem } from './routing.batch';
import { routeTicket, type RouteDecision } from './routing.decision';
import { makeAgent, makeTicket } from './rules.fixtures';

const NOW = 1_800_000_000_000;
const settings = { ...defaultRoutingSettings(), fallbackQueue: 'overflow' };

const rules = [
  RoutingRule.parse({
    id: 'refunds',
    name: 'Refunds',
    order: 1,
    conditions: [{ kind: 'keywords', any: ['refund'] }],
    target: { kind: 'skill', skill: 'refunds' },
    strategy: 'least_loaded',
    updatedAt: 0,
  }),
  RoutingRule.parse({ id: 'vip', name: 'VIP', order: 2, conditions: [{ kind: 'tier', in: ['vip'] }], target: { kind: 'queue', queue: 'vip' }, updatedAt: 0 }),
  RoutingRule.parse({ id: 'rest', name: 'Rest', order: 3, conditions: [], target: { kind: 'skill', skill: 'support' }, strategy: 'round_robin', updatedAt: 0 }),
];
const agents = [
  makeAgent('agent:a', { skills: ['support', 'refunds'], languages: ['de'], capacity: 3 }),
  makeAgent('agent:b', { skills: ['support'], languages: ['de'], capacity: 2 }),
  makeAgent('agent:c', { skills: ['support', 'refunds'], languages: ['de'], capacity: 4 }),
  makeAgent('agent:d', { skills: ['support'], availability: 'away' }),
];

const item = (n: number, text = '', tier = 'standard'): RouteBatchItem => ({
  ticket: makeTicket({ id: `t${n}`, customer: { ...makeTicket().customer, tier } }),
  firstMessagesText: text,
  orderValue: null,
});

const input = (items: RouteBatchItem[], overrides: Partial<RouteBatchInput> = {}): RouteBatchInput => ({
  items,
  rules,
  agents,
  loads: {},
  cursors: {},
  settings,
  now: NOW,
  ...overrides,
});

/** The reference: routeTicket one ticket at a time, storing each claim before the next. */
function oneByOne(batch: RouteBatchInput): RouteDecision[] {
  const loads = { ...batch.loads };
  const cursors = { ...batch.cursors };
  const out: RouteDecision[] = [];
  for (const it of batch.items) {
    const d = routeTicket({ ...batch, ...it, loads: { ...loads }, cursors: { ...cursors } });
    if (d.kind === 'assign') {
      loads[d.agentId] = (loads[d.agentId] ?? 0) + 1;
      if (d.cursor) cursors[d.cursor.ruleId] = d.cursor.value;
    }
    out.push(d);
  }
  return out;
}

const assignees = (ds: RouteDecision[]) => ds.map((d) => (d.kind === 'assign' ? d.agentId : d.kind === 'queue' ? `queue:${d.queue}` : 'skip'));

describe('routeBatch', () => {
  it('rotates round-robin across the batch from the stored cursor, as one by one would', () => {
    const batch = input([1, 2, 3, 4].map((n) => item(n)), { cursors: { rest: 'agent:a' }, loads: {} });
    const decisions = routeBatch(batch);
    expect(assignees(decisions)).toEqual(['agent:b', 'agent:c', 'agent:a', 'agent:b']);
    expect(decisions.map((d) => (d.kind === 'assign' ? d.cursor?.value : null))).toEqual(['agent:b', 'agent:c', 'agent:a', 'agent:b']);
    expect(decisions).toEqual(oneByOne(batch));
  });

  it('fills agents up to their capacity within the batch and sends the rest to the fallback queue', () => {
    const batch = input(
      Array.from({ length: 12 }, (_, n) => item(n)),
      { loads: { 'agent:a': 1 } },
    );
    const decisions = routeBatch(batch);
    const counts = new Map<string, number>();
    for (const who of assignees(decisions)) counts.set(who, (counts.get(who) ?? 0) + 1);
    // a: 3 - 1 already open, b: 2, c: 4; d is away.
    expect(Object.fromEntries(counts)).toEqual({ 'agent:a': 2, 'agent:b': 2, 'agent:c': 4, 'queue:overflow': 4 });
    expect(decisions.slice(8).every((d) => d.kind === 'queue' && d.reason === 'all_at_capacity')).toBe(true);
    expect(decisions).toEqual(oneByOne(batch));
  });

  it('spreads least-loaded rules by the loads the batch itself adds', () => {
    const batch = input([1, 2, 3, 4].map((n) => item(n, 'a refund please')), { loads: { 'agent:c': 1 } });
    // a: 0/3, c: 1/4 → a (1/3 vs 1/4) → c (1/3 vs 2/4) → a (2/3 vs 2/4) → c.
    expect(assignees(routeBatch(batch))).toEqual(['agent:a', 'agent:c', 'agent:a', 'agent:c']);
  });

  it('matches one-by-one routing on a mixed burst and leaves the given loads and cursors alone', () => {
    const texts = ['', 'refund', 'hello'];
    const tiers = ['standard', 'vip', 'standard', 'gold'];
    const items = Array.from({ length: 40 }, (_, n) => item(n, texts[n % 3], tiers[(n * 7) % 4]));
    const loads = Object.freeze({ 'agent:b': 1 });
    const cursors = Object.freeze({ rest: 'agent:c' });
    const batch = input(items, { loads, cursors });
    const decisions = routeBatch(batch);
    expect(decisions).toEqual(oneByOne(batch));
    expect(new Set(assignees(decisions))).toEqual(new Set(['agent:a', 'agent:b', 'agent:c', 'queue:vip', 'queue:overflow']));
    expect(loads).toEqual({ 'agent:b': 1 });
    expect(cursors).toEqual({ rest: 'agent:c' });
  });

  it('skips what routeTicket skips without counting it', () => {
    const assigned = { ...item(1), ticket: makeTicket({ id: 't1', assigneeId: 'agent:b' }) };
    const decisions = routeBatch(input([assigned, item(2), item(3)], { cursors: { rest: 'agent:a' } }));
    expect(assignees(decisions)).toEqual(['skip', 'agent:b', 'agent:c']);
  });
});
