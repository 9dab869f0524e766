// Integration test: a burst of 500 new topics routed over 5 agents against their capacity, by
// one app and by two apps racing on the same database: every ticket ends with at most one
// assignee, nobody over capacity, the rest in the fallback queue, and exactly one routing
// event per ticket.
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEvent, Ticket } from '../../../src-preload/contract';
import type { RoutingCondition } from '../../../src-preload/contract/config.contract';
import type { TopicdeskDatabase } from '../db/database';
import { agent, T0, testBed, ticket, type Harness } from './automation.fixtures';
import { FakeTime } from './fake.timers';
import { queueEventId, routeEventId } from './routing.service';

const bed = testBed();
afterEach(() => bed.cleanup());

const AGENTS = ['agent:1', 'agent:2', 'agent:3', 'agent:4', 'agent:5'];
const BURST = 500;
const CAPACITY = 50;

async function prepare(): Promise<{ db: TopicdeskDatabase; time: FakeTime; deps: { seed: boolean; clock: () => number } }> {
  const db = await bed.open();
  await db.agents.bulkInsert(AGENTS.map((id) => agent(id, { skills: ['support'], capacity: CAPACITY })));
  const time = new FakeTime(T0);
  // Every app reads the same wall clock, which moves on a little with every reading. The
  // seeded defaults are on (office-hours SLA, escalation), so SLA writes race the claims too.
  let now = T0;
  return { db, time, deps: { seed: true, clock: () => (now += 1) } };
}

async function configure(h: Harness, strategy: 'round_robin' | 'least_loaded', conditions: RoutingCondition[] = []) {
  await h.automation.config.setRoutingSettings({ fallbackQueue: 'overflow' });
  await h.automation.config.save('routingRules', {
    id: 'all',
    name: 'Everyone',
    order: 1,
    conditions,
    target: { kind: 'skill', skill: 'support' },
    strategy,
  });
}

function burst(): Ticket[] {
  return Array.from({ length: BURST }, (_, i) => ticket(`tg:-100:${String(i).padStart(4, '0')}`, T0 - 1_000 + i));
}

async function expectRoutedOnce(db: TopicdeskDatabase) {
  const tickets = (await db.tickets.find().exec()).map((d) => d.toMutableJSON());
  expect(tickets).toHaveLength(BURST);
  const perAgent = new Map<string, number>();
  for (const t of tickets) if (t.assigneeId) perAgent.set(t.assigneeId, (perAgent.get(t.assigneeId) ?? 0) + 1);
  expect([...perAgent.keys()].sort()).toEqual(AGENTS);
  for (const load of perAgent.values()) expect(load).toBe(CAPACITY);
  const queued = tickets.filter((t) => t.assigneeId === null);
  expect(queued).toHaveLength(BURST - AGENTS.length * CAPACITY);
  expect(queued.every((t) => t.queue === 'overflow')).toBe(true);
  // The SLA service wrote its fields meanwhile (other writers never undid a claim, nor it theirs).
  expect(tickets.every((t) => t.slaPolicyId === 'default' && t.slaState === 'ok' && t.slaDueAt !== null)).toBe(true);

  const events = (await db.events.find().exec()).map((d) => d.toMutableJSON() as ActivityEvent);
  const routing = events.filter((e) => e.data.by === 'routing');
  const byTicket = new Map<string, ActivityEvent[]>();
  for (const e of routing) byTicket.set(e.ticketId ?? '', [...(byTicket.get(e.ticketId ?? '') ?? []), e]);
  expect(byTicket.size).toBe(BURST);
  for (const t of tickets) {
    const mine = byTicket.get(t.id) ?? [];
    expect(mine).toHaveLength(1);
    const [event] = mine as [ActivityEvent];
    if (t.assigneeId) {
      expect(event).toMatchObject({ id: routeEventId(t.id, t.createdAt), type: 'ticket.assigned', data: { to: t.assigneeId } });
    } else {
      expect(event.type as string).toBe('ticket.routed');
      expect(event.id.startsWith(`queue:${t.id}:`)).toBe(true);
    }
  }
  return tickets;
}

describe('a burst of new topics', () => {
  it('is routed by one app within capacity, the rest to the fallback queue', async () => {
    const { db, time, deps } = await prepare();
    const h = await bed.start(db, time, deps);
    await configure(h, 'round_robin');
    await db.tickets.bulkInsert(burst());
    await h.settle();
    const tickets = await expectRoutedOnce(db);
    // Round-robin: the first 250 tickets went a, b, c, d, e, a, … in order.
    const first = tickets.filter((t) => t.assigneeId !== null).sort((a, b) => a.createdAt - b.createdAt);
    expect(first.slice(0, 6).map((t) => t.assigneeId)).toEqual([...AGENTS, AGENTS[0]]);
    expect(AGENTS.map((id) => h.automation.loads.of(id))).toEqual(AGENTS.map(() => CAPACITY));
    expect(queueEventId('x', 1)).toBe('queue:x:1');
  });

  it('is assigned once per ticket when two apps run the rules on the same database at once', async () => {
    const { db, time, deps } = await prepare();
    const a = await bed.start(db, time, deps);
    const b = await bed.start(db, time, deps);
    await configure(a, 'least_loaded');
    await db.tickets.bulkInsert(burst());
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.settle(), b.settle()]);
    }
    await expectRoutedOnce(db);
    // Both apps' in-memory loads agree with the database.
    for (const id of AGENTS) {
      expect(a.automation.loads.of(id)).toBe(CAPACITY);
      expect(b.automation.loads.of(id)).toBe(CAPACITY);
    }
    // They really raced: for every ticket one app's claim found it already taken.
    const stats = [a.automation.routing.stats, b.automation.routing.stats];
    expect(stats[0]!.assigned + stats[1]!.assigned).toBe(AGENTS.length * CAPACITY);
    expect(stats[0]!.claimTaken + stats[1]!.claimTaken).toBeGreaterThan(0);
  });

  it('stays within capacity when two apps work at different speeds and claim different tickets at once', async () => {
    const { db, time, deps } = await prepare();
    // Order lookups (Shopline) take a different number of turns per ticket in each app, so the
    // apps drift apart and write claims for different tickets to the same agent together.
    const lookup = (offset: number) => async (t: Ticket) => {
      const turns = (Number(t.id.slice(-3)) + offset) % 4;
      for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      return { orderValue: null, tier: t.customer.tier };
    };
    const a = await bed.start(db, time, { ...deps, orderContext: lookup(0) });
    const b = await bed.start(db, time, { ...deps, orderContext: lookup(2) });
    await configure(a, 'least_loaded', [{ kind: 'tier', in: ['standard'] }]);
    await db.tickets.bulkInsert(burst());
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.settle(), b.settle()]);
    }
    await expectRoutedOnce(db);
    expect(a.automation.routing.stats.assigned + b.automation.routing.stats.assigned).toBe(AGENTS.length * CAPACITY);
  });

  it('gives back the later of two claims written in the same batch that overfill an agent', async () => {
    const db = await bed.open();
    await db.agents.insert(agent('agent:x', { capacity: 1 }));
    const time = new FakeTime(T0);
    let now = T0;
    const clock = () => (now += 1);
    // Each app's order lookup says a different ticket is the big order, so A claims t1 and B
    // claims t2; both wait at a gate so their claims can be written together.
    let open = (): void => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const lookup = (big: string) => async (t: Ticket) => {
      await gate;
      return { orderValue: t.id === big ? 500 : 0, tier: 'standard' };
    };
    const a = await bed.start(db, time, { seed: false, clock, orderContext: lookup('t1') });
    const b = await bed.start(db, time, { seed: false, clock, orderContext: lookup('t2') });
    await a.automation.config.save('routingRules', {
      id: 'big',
      name: 'Big orders',
      order: 1,
      conditions: [{ kind: 'order_value', min: 100 }],
      target: { kind: 'agent', agentId: 'agent:x' },
    });
    await db.tickets.bulkInsert([ticket('holder', T0, { status: 'resolved' }), ticket('t1', T0), ticket('t2', T0)]);
    // Keep the tickets' write queue busy so the two claims queue up behind it, in one batch.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holderDoc = await db.tickets.findOne('holder').exec();
    const holding = holderDoc?.incrementalModify(async (d) => {
      await held;
      return d;
    });
    open();
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    release();
    await holding;
    for (let i = 0; i < 3; i++) await Promise.all([a.settle(), b.settle()]);

    const [t1, t2] = [await a.get('t1'), await a.get('t2')];
    expect([t1.assigneeId, t2.assigneeId].filter((id) => id === 'agent:x')).toHaveLength(1);
    expect(a.automation.routing.stats.released + b.automation.routing.stats.released).toBe(1);
    expect(a.automation.loads.of('agent:x')).toBe(1);
    const assigned = (await db.events.find({ selector: { type: 'ticket.assigned' } }).exec()).map((e) => e.ticketId);
    expect(assigned).toEqual([t1.assigneeId ? 't1' : 't2']);
  });
});
