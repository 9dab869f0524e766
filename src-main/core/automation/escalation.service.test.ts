// Tests for the escalation service on hand-driven time: each level fires once (also with two
// apps on one database), actions apply, lead notifications respect the cooldown.
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationNotification } from '../../../src-preload/contract/automation.contract';
import type { EscalationPolicy, SlaPolicy } from '../../../src-preload/contract/config.contract';
import { REASSIGN_MARK, isManuallyAssigned } from '../rules/assignment.marks';
import { agent, HOUR, MIN, T0, testBed, ticket, type Harness } from './automation.fixtures';
import { FakeTime } from './fake.timers';

const bed = testBed();
afterEach(() => bed.cleanup());

const targets = { firstResponseMins: 60, nextResponseMins: 30, resolutionMins: 120 };
const sla: Omit<SlaPolicy, 'updatedAt'> = {
  id: 'sla',
  name: 'Fast',
  match: {},
  order: 1,
  calendarId: null,
  targets: { low: targets, normal: targets, high: targets, urgent: targets },
  atRiskFraction: 0.75,
  pauseStatuses: ['waiting_on_customer'],
};
const escalation: Omit<EscalationPolicy, 'updatedAt'> = {
  id: 'esc',
  name: 'Escalate',
  slaPolicyId: null,
  levels: [
    { level: 1, trigger: { kind: 'fraction_elapsed', fraction: 0.5 }, actions: [{ kind: 'notify_lead' }] },
    { level: 2, trigger: { kind: 'first_response_breached' }, actions: [{ kind: 'raise_priority' }, { kind: 'notify_lead' }] },
    { level: 3, trigger: { kind: 'resolution_breached' }, actions: [{ kind: 'notify_lead' }] },
  ],
  notifyCooldownMins: 45,
};

async function configure(h: Harness, policy = escalation) {
  await h.automation.config.save('slaPolicies', sla);
  await h.automation.config.save('escalationPolicies', policy);
}

async function escalationEvents(h: Harness) {
  const docs = await h.db.events.find({ sort: [{ at: 'asc' }, { id: 'asc' }] }).exec();
  // `type` is typed by events.contract's enum, which does not list the automation's types yet.
  return docs.map((d) => d.toMutableJSON()).filter((e) => (e.type as string) === 'ticket.escalated');
}

describe('EscalationService', () => {
  it('fires each level once at its instant and notifies the lead within the cooldown', async () => {
    const time = new FakeTime(T0);
    const h = await bed.start(await bed.open(), time, { seed: false });
    await configure(h);
    const heard: AutomationNotification[] = [];
    h.automation.notifications$.subscribe((n) => heard.push(n));
    await h.db.tickets.insert(ticket('t1', T0));
    await h.settle();
    expect(h.automation.escalation.wakeAt('t1')).toBe(T0 + 30 * MIN);

    await h.advanceTo(T0 + 30 * MIN - 1);
    expect(await escalationEvents(h)).toHaveLength(0);
    await h.advanceTo(T0 + 30 * MIN);
    expect(await escalationEvents(h)).toMatchObject([{ id: 'esc:t1:1', at: T0 + 30 * MIN, data: { level: 1, notify: true } }]);
    expect(heard).toMatchObject([{ id: 'esc:t1:1', ticketId: 't1', level: 1, reason: 'fraction_elapsed', subject: 'Ticket t1' }]);
    expect((await h.get('t1')).escalationLevel).toBe(1);

    // 30 minutes after the last notice: inside the 45-minute cooldown, so level 2 acts but stays quiet.
    await h.advanceTo(T0 + HOUR);
    const afterLevel2 = await escalationEvents(h);
    expect(afterLevel2[1]).toMatchObject({ id: 'esc:t1:2', data: { level: 2, notify: false, actions: 'raise_priority,notify_lead' } });
    expect(await h.get('t1')).toMatchObject({ escalationLevel: 2, priority: 'high' });
    expect(heard).toHaveLength(1);
    const priorityEvent = await h.db.events.findOne('esc:t1:2:priority').exec();
    expect(priorityEvent?.toMutableJSON()).toMatchObject({ type: 'ticket.priority_changed', data: { from: 'normal', to: 'high' } });

    // 90 minutes after the last notice: the lead hears about the missed resolution.
    await h.advanceTo(T0 + 2 * HOUR);
    expect(heard.map((n) => n.id)).toEqual(['esc:t1:1', 'esc:t1:3']);

    // Nothing fires twice, however often the ticket changes or time passes.
    await h.db.tickets.findOne('t1').exec().then((d) => d?.incrementalPatch({ tags: ['poke'] }));
    await h.advanceTo(T0 + 10 * HOUR);
    expect((await escalationEvents(h)).map((e) => e.id)).toEqual(['esc:t1:1', 'esc:t1:2', 'esc:t1:3']);
    expect(heard).toHaveLength(2);
    const thread = await h.db.messages.find({ selector: { ticketId: 't1', kind: 'system' } }).exec();
    expect(thread.map((m) => m.text)).toContain('Escalated (level 2, first response overdue): priority raised, lead already notified recently');
  });

  it('fires once when two apps run the same policy on one database, and both hear the notification', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    const a = await bed.start(db, time, { seed: false });
    const b = await bed.start(db, time, { seed: false });
    await configure(a);
    const heard = { a: 0, b: 0 };
    a.automation.notifications$.subscribe(() => heard.a++);
    b.automation.notifications$.subscribe(() => heard.b++);
    await db.tickets.bulkInsert([ticket('t1', T0), ticket('t2', T0 + MIN)]);
    const settleBoth = async () => {
      await a.settle();
      await b.settle();
      await a.settle();
    };
    await time.advanceTo(T0 + 3 * HOUR, settleBoth);
    const events = await escalationEvents(a);
    expect(events.map((e) => e.id).sort()).toEqual(['esc:t1:1', 'esc:t1:2', 'esc:t1:3', 'esc:t2:1', 'esc:t2:2', 'esc:t2:3']);
    // One raise per level, not one per app.
    expect((await a.get('t1')).priority).toBe('high');
    expect(heard).toEqual({ a: 4, b: 4 });
  });

  it('reassigns to the least-loaded agent with the skill, as an explicit (non-manual) reassign', async () => {
    const time = new FakeTime(T0);
    const db = await bed.open();
    await db.agents.bulkInsert([agent('agent:1'), agent('agent:lead', { skills: ['senior'] }), agent('agent:2', { skills: ['senior'] })]);
    const h = await bed.start(db, time, { seed: false });
    await configure(h, {
      ...escalation,
      levels: [{ level: 1, trigger: { kind: 'first_response_breached' }, actions: [{ kind: 'reassign', skill: 'senior' }] }],
    });
    await db.tickets.bulkInsert([
      ticket('t1', T0, { assigneeId: 'agent:1' }),
      ticket('busy', T0, { assigneeId: 'agent:2', status: 'in_progress', firstResponseAt: T0 }),
    ]);
    await h.advanceTo(T0 + HOUR);
    const t1 = await h.get('t1');
    expect(t1.assigneeId).toBe('agent:lead');
    expect(t1.fieldTimes[REASSIGN_MARK]).toBe(T0 + HOUR);
    expect(isManuallyAssigned(t1)).toBe(false);
    const assigned = await db.events.findOne('esc:t1:1:assign').exec();
    expect(assigned?.toMutableJSON()).toMatchObject({ type: 'ticket.assigned', data: { from: 'agent:1', to: 'agent:lead', by: 'escalation' } });
  });
});
