// Tests for the routing service: rules and strategies over the database, the round-robin
// cursor surviving a restart, manual assignment winning, keyword rules waiting for the first
// customer message, order context, the fallback queue and the unassigned-too-long flag.
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { UNASSIGNED_TOO_LONG_TAG } from '../../../src-preload/contract/automation.contract';
import type { RoutingRule } from '../../../src-preload/contract/config.contract';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { assignmentPatch, personAssignMode } from '../rules/assignment.marks';
import { patchTicket } from '../tickets/ticket.patch';
import { agent, MIN, T0, testBed, ticket, type Harness } from './automation.fixtures';
import { configId } from '../db/schemas/config.schema';
import { FakeTime } from './fake.timers';
import { modifyTicket } from './ticket.writer';

const bed = testBed();
afterEach(() => bed.cleanup());

const rule = (overrides: Partial<Omit<RoutingRule, 'updatedAt'>> = {}): Omit<RoutingRule, 'updatedAt'> => ({
  id: 'support',
  name: 'Support team',
  order: 10,
  enabled: true,
  conditions: [],
  target: { kind: 'skill', skill: 'support' },
  strategy: 'round_robin',
  ...overrides,
});

async function assignees(h: Harness, ids: string[]): Promise<(string | null)[]> {
  return Promise.all(ids.map(async (id) => (await h.get(id)).assigneeId));
}

/** What `tickets.assign` does once it marks a person's assignment (the lines given in the report). */
async function personAssigns(h: Harness, ticketId: string, assigneeId: string | null): Promise<void> {
  await modifyTicket(h.db, ticketId, (t) => ({ ...t, ...assignmentPatch(t, assigneeId, personAssignMode(t), h.time.now) }));
}

describe('RoutingService', () => {
  it('rotates round-robin through the skilled agents and keeps the cursor across a restart', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert(['agent:a', 'agent:b', 'agent:c'].map((id) => agent(id, { skills: ['support'] })));
    await db.agents.insert(agent('agent:x')); // no skill: never chosen
    let h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule());
    await db.tickets.insert(ticket('t1', T0));
    await h.settle();
    await db.tickets.insert(ticket('t2', T0));
    await h.settle();
    expect(await assignees(h, ['t1', 't2'])).toEqual(['agent:a', 'agent:b']);
    const cursor = await db.config.findOne(configId('cursor', 'support')).exec();
    expect(cursor?.toMutableJSON()).toMatchObject({ kind: 'cursor', data: { agentId: 'agent:b' } });

    await h.stop();
    h = await bed.start(db, time, { seed: false });
    await db.tickets.insert(ticket('t3', T0));
    await h.settle();
    await db.tickets.insert(ticket('t4', T0));
    await h.settle();
    expect(await assignees(h, ['t3', 't4'])).toEqual(['agent:c', 'agent:a']);

    const event = (await db.events.findOne(`route:t3:${T0}`).exec())?.toMutableJSON();
    expect(event).toMatchObject({ type: 'ticket.assigned', ticketId: 't3', data: { to: 'agent:c', by: 'routing', ruleId: 'support' } });
    const line = await db.messages.findOne(`sys:route:t3:${T0}`).exec();
    expect(line?.text).toBe('Routed to Agent c by the rule “Support team”');
  });

  it('never touches a person’s assignment or deliberate unassignment, and routes a returned ticket', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:a', { skills: ['support'] }), agent('agent:b', { skills: ['support'] })]);
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule({ strategy: 'least_loaded' }));
    await db.tickets.insert(ticket('t1', T0));
    await h.settle();
    expect((await h.get('t1')).assigneeId).toBe('agent:a');

    await personAssigns(h, 't1', 'agent:b');
    await h.settle();
    expect((await h.get('t1')).assigneeId).toBe('agent:b');
    await personAssigns(h, 't1', null);
    await h.settle();
    expect((await h.get('t1')).assigneeId).toBeNull(); // unassigned on purpose stays so

    // A resolved ticket that reopens with nobody on it is routed again.
    await db.tickets.insert(ticket('t2', T0, { status: 'resolved', resolvedAt: T0 }));
    await h.settle();
    expect((await h.get('t2')).assigneeId).toBeNull();
    await modifyTicket(db, 't2', (t) => patchTicket(t, { status: 'open', resolvedAt: null }, time.now));
    await h.settle();
    expect((await h.get('t2')).assigneeId).toBe('agent:a');
  });

  it('waits for the first customer message before keyword rules can match', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:refunds'), agent('agent:other', { skills: ['support'] })]);
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule({ id: 'refunds', name: 'Refunds', order: 1, conditions: [{ kind: 'keywords', any: ['refund'] }], target: { kind: 'agent', agentId: 'agent:refunds' } }));
    await h.automation.config.setRoutingSettings({ fallbackQueue: 'triage' });
    await db.tickets.insert(ticket('t1', T0, { lastCustomerAt: null, subject: 'Hello' }));
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ assigneeId: null, queue: 'triage' });
    expect((await db.events.findOne(`queue:t1:${T0}`).exec())?.toMutableJSON()).toMatchObject({
      type: 'ticket.routed',
      data: { queue: 'triage', reason: 'no_rule_matched' },
    });

    await db.messages.insert(
      toMessageDoc({
        id: 'tg:1:2',
        ticketId: 't1',
        kind: 'customer',
        authorId: '555',
        authorName: 'Anna',
        text: 'I would like a REFUND for my order',
        entities: [],
        media: null,
        sentAt: T0 + MIN,
        editedAt: null,
        deleted: false,
        delivery: null,
        createdAt: T0 + MIN,
      }),
    );
    await modifyTicket(db, 't1', (t) => patchTicket(t, { lastCustomerAt: T0 + MIN }, time.now));
    await h.settle();
    expect((await h.get('t1')).assigneeId).toBe('agent:refunds');
  });

  it('asks the injected order context for order value and tier, only when a rule needs them', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:vip'), agent('agent:a', { skills: ['support'] })]);
    const asked: string[] = [];
    const orderContext = async (t: Ticket) => {
      asked.push(t.id);
      return t.id === 'big' ? { orderValue: 800, tier: 'gold' } : { orderValue: 20, tier: 'standard' };
    };
    const h = await bed.start(db, time, { seed: false, orderContext });
    await db.tickets.insert(ticket('before', T0));
    await h.settle();
    expect(asked).toEqual([]); // no rule looks at orders yet
    await h.automation.config.save('routingRules', rule({ id: 'big', name: 'Big orders', order: 1, conditions: [{ kind: 'order_value', min: 500 }, { kind: 'tier', in: ['gold'] }], target: { kind: 'agent', agentId: 'agent:vip' } }));
    await h.automation.config.save('routingRules', rule({ order: 2 }));
    await db.tickets.bulkInsert([ticket('big', T0), ticket('small', T0)]);
    await h.settle();
    expect(asked.sort()).toEqual(['big', 'small']);
    expect(await assignees(h, ['big', 'small'])).toEqual(['agent:vip', 'agent:a']);
  });

  it('sends what nobody can take to the fallback queue and flags it when it waits too long', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:a', { skills: ['support'], capacity: 1 }), agent('agent:b', { skills: ['support'], availability: 'away' })]);
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule({ strategy: 'least_loaded' }));
    await h.automation.config.setRoutingSettings({ fallbackQueue: 'overflow', unassignedFlagMins: 20 });
    await db.tickets.bulkInsert([ticket('t1', T0), ticket('t2', T0)]);
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ assigneeId: 'agent:a' });
    expect(await h.get('t2')).toMatchObject({ assigneeId: null, queue: 'overflow' });
    expect(h.automation.loads.of('agent:a')).toBe(1);

    await h.advanceTo(T0 + 20 * MIN - 1);
    expect((await h.get('t2')).tags).toEqual([]);
    await h.advanceTo(T0 + 20 * MIN);
    expect((await h.get('t2')).tags).toEqual([UNASSIGNED_TOO_LONG_TAG]);
    expect((await h.get('t1')).tags).toEqual([]);
    expect((await db.events.findOne(`unassigned:t2:${T0}`).exec())?.toMutableJSON()).toMatchObject({ type: 'ticket.flagged_unassigned', data: { minutes: 20 } });

    await personAssigns(h, 't2', 'agent:b');
    await h.settle();
    expect((await h.get('t2')).tags).toEqual([]);
  });

  it('does not put the flag back once a person took it off', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.setRoutingSettings({ unassignedFlagMins: 5 });
    await db.tickets.insert(ticket('t1', T0));
    await h.advanceTo(T0 + 5 * MIN);
    expect((await h.get('t1')).tags).toEqual([UNASSIGNED_TOO_LONG_TAG]);
    await modifyTicket(db, 't1', (t) => patchTicket(t, { tags: [] }, time.now));
    await h.advance(10 * MIN);
    expect((await h.get('t1')).tags).toEqual([]);
  });
});
