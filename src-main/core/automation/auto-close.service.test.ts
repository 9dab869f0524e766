// Tests for auto-close on hand-driven time: a resolved ticket closes after the configured wait,
// as a logged status change; a reopened one does not; a new wait reschedules.
import { afterEach, describe, expect, it } from 'vitest';
import { createTicketsService } from '../tickets/tickets.service';
import { HOUR, MIN, T0, testBed, ticket } from './automation.fixtures';
import { FakeTime } from './fake.timers';

const bed = testBed();
afterEach(() => bed.cleanup());

async function setup() {
  const time = new FakeTime(T0);
  const db = await bed.open();
  const h = await bed.start(db, time, { seed: false });
  await h.automation.config.setRoutingSettings({ autoCloseResolvedAfterMins: 60 });
  const tickets = createTicketsService({ db, clock: time.clock, me: () => ({ agentId: 'agent:1', name: 'Ada' }), agentName: (id) => id });
  await db.tickets.bulkInsert([ticket('t1', T0), ticket('t2', T0)]);
  await h.advanceTo(T0 + 10 * MIN);
  await tickets.setStatus({ ticketId: 't1', status: 'resolved' });
  await tickets.setStatus({ ticketId: 't2', status: 'resolved' });
  await h.settle();
  return { ...h, tickets };
}

describe('AutoCloseService', () => {
  it('closes a resolved ticket once the wait is over, as a status change in the log and the thread', async () => {
    const h = await setup();
    expect(h.automation.autoClose.closesAt('t1')).toBe(T0 + 70 * MIN);
    await h.advanceTo(T0 + 70 * MIN - 1);
    expect((await h.get('t1')).status).toBe('resolved');
    await h.advanceTo(T0 + 70 * MIN);
    expect(await h.get('t1')).toMatchObject({ status: 'closed', resolvedAt: T0 + 10 * MIN, closedAt: T0 + 70 * MIN });
    const event = await h.db.events.findOne(`autoclose:t1:${T0 + 10 * MIN}`).exec();
    expect(event?.toMutableJSON()).toMatchObject({ type: 'ticket.status_changed', data: { from: 'resolved', to: 'closed', by: 'auto_close' } });
    const line = await h.db.messages.findOne(`sys:autoclose:t1:${T0 + 10 * MIN}`).exec();
    expect(line?.text).toBe('Closed automatically after 1 hour resolved');
  });

  it('leaves a ticket alone once the customer writes again, and closes it after its next resolve', async () => {
    const h = await setup();
    await h.advanceTo(T0 + 30 * MIN);
    await h.tickets.setStatus({ ticketId: 't1', status: 'open' });
    await h.advanceTo(T0 + 3 * HOUR);
    expect((await h.get('t1')).status).toBe('open');
    expect((await h.get('t2')).status).toBe('closed');
    await h.tickets.setStatus({ ticketId: 't1', status: 'resolved' });
    await h.advanceTo(T0 + 4 * HOUR);
    expect((await h.get('t1')).status).toBe('closed');
  });

  it('reschedules every resolved ticket when the wait changes, and never closes with 0', async () => {
    const h = await setup();
    await h.automation.config.setRoutingSettings({ autoCloseResolvedAfterMins: 120 });
    await h.settle();
    expect(h.automation.autoClose.closesAt('t1')).toBe(T0 + 130 * MIN);
    await h.automation.config.setRoutingSettings({ autoCloseResolvedAfterMins: 0 });
    await h.settle();
    expect(h.automation.autoClose.closesAt('t1')).toBeUndefined();
    await h.advanceTo(T0 + 30 * 24 * HOUR);
    expect((await h.get('t1')).status).toBe('resolved');
  });
});
