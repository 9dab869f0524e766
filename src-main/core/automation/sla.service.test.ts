// Tests for the SLA service on hand-driven time: the badge flips exactly at its instants, clocks
// pause while waiting on the customer, one timer serves every ticket, and writes never loop.
import { afterEach, describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../../src-preload/contract/config.contract';
import { createTicketsService } from '../tickets/tickets.service';
import { HOUR, MIN, T0, testBed, ticket } from './automation.fixtures';
import { FakeTime } from './fake.timers';

const bed = testBed();
afterEach(() => bed.cleanup());

const targets = { firstResponseMins: 60, nextResponseMins: 30, resolutionMins: 480 };
const aroundTheClock: Omit<SlaPolicy, 'updatedAt'> = {
  id: 'p24',
  name: 'Around the clock',
  match: {},
  order: 1,
  calendarId: null,
  targets: { low: targets, normal: targets, high: targets, urgent: { ...targets, firstResponseMins: 15 } },
  atRiskFraction: 0.75,
  pauseStatuses: ['waiting_on_customer'],
};

async function setup() {
  const time = new FakeTime(T0);
  const db = await bed.open();
  const h = await bed.start(db, time, { seed: false });
  await h.automation.config.save('slaPolicies', aroundTheClock);
  const tickets = createTicketsService({ db, clock: time.clock, me: () => ({ agentId: 'agent:1', name: 'Ada' }), agentName: (id) => id });
  return { ...h, tickets };
}

describe('SlaService', () => {
  it('flips the badge ok → at_risk → breached exactly at the due instants', async () => {
    const h = await setup();
    await h.db.tickets.insert(ticket('t1', T0));
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaPolicyId: 'p24', slaState: 'ok', slaDueAt: T0 + HOUR });
    expect(h.automation.sla.wakeAt('t1')).toBe(T0 + 45 * MIN);

    await h.advanceTo(T0 + 45 * MIN - 1);
    expect((await h.get('t1')).slaState).toBe('ok');
    await h.advanceTo(T0 + 45 * MIN);
    expect((await h.get('t1')).slaState).toBe('at_risk');
    await h.advanceTo(T0 + HOUR - 1);
    expect((await h.get('t1')).slaState).toBe('at_risk');
    await h.advanceTo(T0 + HOUR);
    const breached = await h.get('t1');
    expect(breached).toMatchObject({ slaState: 'breached', slaDueAt: T0 + HOUR });
    expect(breached.fieldTimes.slaState).toBe(T0 + HOUR);
    // Breached stays breached by time alone: nothing left to wait for.
    expect(h.automation.sla.wakeAt('t1')).toBeUndefined();
  });

  it('stops the clocks while waiting on the customer and resumes them after', async () => {
    const h = await setup();
    await h.db.tickets.insert(ticket('t1', T0));
    await h.settle();
    await h.advanceTo(T0 + 20 * MIN);
    await h.tickets.setStatus({ ticketId: 't1', status: 'waiting_on_customer' });
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaState: 'paused', slaDueAt: null });
    expect(h.automation.sla.wakeAt('t1')).toBeUndefined();

    await h.advanceTo(T0 + 2 * HOUR + 20 * MIN);
    expect((await h.get('t1')).slaState).toBe('paused');
    await h.tickets.setStatus({ ticketId: 't1', status: 'in_progress' });
    await h.settle();
    // 20 of 60 minutes were used before the pause: 40 remain from the resume.
    expect(await h.get('t1')).toMatchObject({ slaState: 'ok', slaDueAt: T0 + 3 * HOUR });
    await h.advanceTo(T0 + 2 * HOUR + 45 * MIN);
    expect((await h.get('t1')).slaState).toBe('at_risk');
    await h.advanceTo(T0 + 3 * HOUR);
    expect((await h.get('t1')).slaState).toBe('breached');
  });

  it('shows met once the ticket is resolved, and follows a priority change to other targets', async () => {
    const h = await setup();
    await h.db.tickets.insert(ticket('t1', T0));
    await h.settle();
    await h.tickets.setPriority({ ticketId: 't1', priority: 'urgent' });
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaState: 'ok', slaDueAt: T0 + 15 * MIN });
    await h.advanceTo(T0 + 5 * MIN);
    await h.tickets.setStatus({ ticketId: 't1', status: 'resolved' });
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaState: 'met', slaDueAt: null });
  });

  it('keeps one timer for all tickets and writes only real changes (no write loop)', async () => {
    const h = await setup();
    await h.automation.config.setRoutingSettings({ unassignedFlagMins: 24 * 60 }); // only SLA writes here
    await h.db.tickets.bulkInsert(Array.from({ length: 40 }, (_, i) => ticket(`t${i}`, T0 - i * MIN)));
    await h.settle();
    // One timer per service at most (SLA, escalation, auto-close, unassigned flag), not one per ticket.
    expect(h.time.armed).toBeLessThanOrEqual(4);
    // The oldest ticket (39 minutes old) is the first to turn at risk.
    expect(h.time.armedAt).toContain(T0 + 6 * MIN);

    let writes = 0;
    const subscription = h.db.tickets.$.subscribe(() => writes++);
    await h.automation.sla.touchAllActive();
    await h.settle();
    expect(writes).toBe(0);
    await h.advanceTo(T0 + 6 * MIN);
    expect(writes).toBe(1); // t39 turns at risk; nothing else changed
    expect((await h.get('t39')).slaState).toBe('at_risk');
    subscription.unsubscribe();
  });

  it('recomputes every open ticket when a policy changes', async () => {
    const h = await setup();
    await h.db.tickets.insert(ticket('t1', T0));
    await h.settle();
    await h.automation.config.save('slaPolicies', { ...aroundTheClock, targets: { ...aroundTheClock.targets, normal: { ...targets, firstResponseMins: 10 } } });
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaDueAt: T0 + 10 * MIN });
    await h.automation.config.remove('slaPolicies', 'p24');
    await h.settle();
    expect(await h.get('t1')).toMatchObject({ slaPolicyId: null, slaState: 'none', slaDueAt: null });
  });
});
