// Tests for the routing service: rules and strategies over the database, the round-robin
// cursor surviving a restart, manual assignment winning, keyword rules waiting for the first
// customer message, order context, the fallback queue and the unassigned-too-long flag; and
// bursts decided together: capacity and rotation as one by one, a few bulk writes, and claims
// that meet another writer's change while being written.
import { afterEach, describe, expect, it, vi } from 'vitest';
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
import { ROUTING_BATCH } from './routing.service';
import type { TopicdeskDatabase } from '../db/database';

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

/** The stored documents of the collection's writes the spy saw. */
const writtenIds = (spy: { mock: { calls: unknown[][] } }): string[] =>
  spy.mock.calls.flatMap(([rows]) => (rows as { document: { id: string } }[]).map((row) => row.document.id));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

/**
 * Keeps the tickets' incremental write queue busy until released, so the claims routing writes
 * meanwhile wait in it, decided but not yet written.
 */
async function holdTicketWrites(db: TopicdeskDatabase): Promise<() => Promise<void>> {
  const holder = await db.tickets.insert(ticket('holder', T0, { status: 'resolved' }));
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const writing = holder.incrementalModify(async (data) => {
    await held;
    return data;
  });
  return async () => {
    release();
    await writing;
  };
}

const waitingToBeWritten = (db: TopicdeskDatabase, ids: string[]) => () => ids.every((id) => db.tickets.incrementalWriteQueue.queueByDocId.has(id));

describe('RoutingService on a burst', () => {
  it('decides the burst together as one by one would, within capacity, and writes it in a few bulk writes', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([
      agent('agent:a', { skills: ['support'], capacity: 2 }),
      agent('agent:b', { skills: ['support'], capacity: 3 }),
      agent('agent:c', { skills: ['support'], capacity: 1 }),
    ]);
    // agent:a already has one open ticket, and the rotation last stopped at agent:a.
    await db.tickets.insert(ticket('open', T0, { assigneeId: 'agent:a', fieldTimes: { assigneeId: T0 } }));
    await db.config.insert({ id: configId('cursor', 'support'), kind: 'cursor', updatedAt: T0, data: { agentId: 'agent:a' } });
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule());
    await h.automation.config.setRoutingSettings({ fallbackQueue: 'overflow' });
    const spies = {
      tickets: vi.spyOn(db.tickets.storageInstance, 'bulkWrite'),
      events: vi.spyOn(db.events.storageInstance, 'bulkWrite'),
      messages: vi.spyOn(db.messages.storageInstance, 'bulkWrite'),
      config: vi.spyOn(db.config.storageInstance, 'bulkWrite'),
    };
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
    await db.tickets.bulkInsert(ids.map((id) => ticket(id, T0)));
    await h.settle();

    // b, c, a (now full), b, then b again as the only one with room; the rest overflow.
    expect(await assignees(h, ids)).toEqual(['agent:b', 'agent:c', 'agent:a', 'agent:b', 'agent:b', null, null, null]);
    expect((await h.get('t6')).queue).toBe('overflow');
    expect((await db.events.findOne(`queue:t8:${T0}`).exec())?.data).toMatchObject({ reason: 'all_at_capacity' });
    expect(h.automation.routing.stats).toMatchObject({ assigned: 5, queued: 3, claimTaken: 0, capacityLost: 0, released: 0 });
    expect(h.automation.config.cursor('support')).toBe('agent:b');
    expect((await db.config.findOne(configId('cursor', 'support')).exec())?.data).toEqual({ agentId: 'agent:b' });

    // One batch: the burst's ticket writes (after the insert) together, one write each for the
    // events, the thread lines and the cursor.
    expect(spies.tickets.mock.calls.length).toBeLessThanOrEqual(1 + 2);
    expect(writtenIds(spies.events).sort()).toEqual([...ids.slice(0, 5).map((id) => `route:${id}:${T0}`), ...ids.slice(5).map((id) => `queue:${id}:${T0}`)].sort());
    expect(spies.events).toHaveBeenCalledTimes(1);
    expect(spies.messages).toHaveBeenCalledTimes(1);
    expect(writtenIds(spies.config)).toEqual([configId('cursor', 'support')]);
  });

  it('persists the rotation once per batch and resumes it after a restart', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert(['agent:a', 'agent:b', 'agent:c'].map((id) => agent(id, { skills: ['support'], capacity: 1_000 })));
    let h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule());
    const config = vi.spyOn(db.config.storageInstance, 'bulkWrite');
    const burst = Array.from({ length: ROUTING_BATCH + 5 }, (_, i) => `b${String(i).padStart(3, '0')}`);
    await db.tickets.bulkInsert(burst.map((id) => ticket(id, T0)));
    await h.settle();
    const rotation = ['agent:a', 'agent:b', 'agent:c'];
    expect(await assignees(h, burst)).toEqual(burst.map((_, i) => rotation[i % 3]));
    // Two batches (ROUTING_BATCH, then 5): two cursor writes, not one per ticket.
    expect(writtenIds(config)).toEqual([configId('cursor', 'support'), configId('cursor', 'support')]);
    const last = rotation[(burst.length - 1) % 3];
    expect((await db.config.findOne(configId('cursor', 'support')).exec())?.data).toEqual({ agentId: last });

    await h.stop();
    h = await bed.start(db, time, { seed: false });
    await db.tickets.bulkInsert([ticket('after1', T0), ticket('after2', T0)]);
    await h.settle();
    const next = rotation.indexOf(last as string) + 1;
    expect(await assignees(h, ['after1', 'after2'])).toEqual([rotation[next % 3], rotation[(next + 1) % 3]]);
  });

  it('leaves a ticket to the person who claimed it while the batch’s claims were being written', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:a', { skills: ['support'] }), agent('agent:b', { skills: ['support'] })]);
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule());
    const release = await holdTicketWrites(db);
    await db.tickets.bulkInsert([ticket('t1', T0), ticket('t2', T0), ticket('t3', T0)]);
    // Decided (t1 a, t2 b, t3 a) and waiting to be written; meanwhile another writer (a person
    // in another app, arriving through sync) stores t2's claim.
    await until(waitingToBeWritten(db, ['t1', 't2', 't3']));
    const t2 = await db.tickets.findOne('t2').exec();
    await t2?.patch(assignmentPatch(t2.toMutableJSON(), 'agent:a', 'claim', time.now));
    await release();
    await h.settle();

    expect(await assignees(h, ['t1', 't2', 't3'])).toEqual(['agent:a', 'agent:a', 'agent:a']);
    expect((await h.get('t2')).fieldTimes).toHaveProperty(['assigneeId#manual']);
    expect(h.automation.routing.stats).toMatchObject({ assigned: 2, claimTaken: 1 });
    expect(await db.events.findOne(`route:t2:${T0}`).exec()).toBeNull();
    expect(await db.messages.findOne(`sys:route:t2:${T0}`).exec()).toBeNull();
    expect(h.automation.loads.of('agent:a')).toBe(3);
  });

  it('decides again a claim whose agent filled up while the batch was being written', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:a', { skills: ['support'], capacity: 2 }), agent('agent:b', { skills: ['support'], capacity: 2 })]);
    const h = await bed.start(db, time, { seed: false });
    await h.automation.config.save('routingRules', rule());
    const release = await holdTicketWrites(db);
    await db.tickets.bulkInsert([ticket('t1', T0), ticket('t2', T0), ticket('t3', T0)]);
    // Decided t1 a, t2 b, t3 a (a's last place); another app's claim gives a ticket to a first.
    await until(waitingToBeWritten(db, ['t1', 't2', 't3']));
    await db.tickets.insert(ticket('x', T0, { assigneeId: 'agent:a', fieldTimes: { assigneeId: T0 } }));
    await release();
    await h.settle();

    expect(await assignees(h, ['x', 't1', 't2', 't3'])).toEqual(['agent:a', 'agent:a', 'agent:b', 'agent:b']);
    expect(h.automation.routing.stats).toMatchObject({ assigned: 3, capacityLost: 1, released: 0, claimTaken: 0 });
    expect([h.automation.loads.of('agent:a'), h.automation.loads.of('agent:b')]).toEqual([2, 2]);
    expect((await db.events.find({ selector: { type: 'ticket.assigned' } }).exec()).map((e) => e.ticketId).sort()).toEqual(['t1', 't2', 't3']);
  });
});
