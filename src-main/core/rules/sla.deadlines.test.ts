// Tests for SLA deadlines: targets, at-risk and breach instants, pause and resume, calendars,
// the next state change for the scheduler, and policy selection.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { defaultSlaPolicy } from '../../../src-preload/contract/config.contract';
import type { SlaPolicy } from '../../../src-preload/contract/config.contract';
import { clockReachesFractionAt, nextStateChangeAt, selectSlaPolicy, slaOutlook, slaStatus } from './sla.deadlines';
import type { SlaInput, StatusChange } from './sla.deadlines';
import { DAY, HOUR, MIN, at, makeTicket, weekdayCalendar, seededRandom } from './rules.fixtures';

const T0 = at('2026-03-02T09:00:00Z'); // a Monday

function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  const base = defaultSlaPolicy('sla-1', 0);
  return {
    ...base,
    targets: {
      ...base.targets,
      normal: { firstResponseMins: 60, nextResponseMins: 30, resolutionMins: 480 },
      urgent: { firstResponseMins: 10, nextResponseMins: 10, resolutionMins: 60 },
    },
    ...overrides,
  };
}

function input(ticket: Partial<Ticket>, statusChanges: StatusChange[] = [], extra: Partial<SlaInput> = {}): SlaInput {
  return { ticket: makeTicket({ createdAt: T0, updatedAt: T0, ...ticket }), statusChanges, policy: policy(), calendar: null, ...extra };
}

describe('slaStatus: a fresh ticket', () => {
  const fresh = input({});

  it('has no SLA without a policy', () => {
    const s = slaStatus({ ...fresh, policy: null }, T0 + HOUR);
    expect(s).toMatchObject({ state: 'none', nextDueAt: null, firstResponseDueAt: null, fractionElapsed: 0 });
    expect(nextStateChangeAt({ ...fresh, policy: null }, T0)).toBeNull();
  });

  it('sets first response and resolution deadlines from the priority targets', () => {
    const s = slaStatus(fresh, T0 + 10 * MIN);
    expect(s.state).toBe('ok');
    expect(s.firstResponseDueAt).toBe(T0 + HOUR);
    expect(s.resolutionDueAt).toBe(T0 + 8 * HOUR);
    expect(s.nextResponseDueAt).toBeNull();
    expect(s.nextDueAt).toBe(T0 + HOUR);
    expect(s.fractionElapsed).toBeCloseTo(10 / 60);
    expect(s.clocks.firstResponse).toMatchObject({ state: 'ok', running: true, elapsedMs: 10 * MIN, atRiskAt: T0 + 45 * MIN });
  });

  it('becomes at risk at the at-risk share and breached at the target, to the millisecond', () => {
    expect(slaStatus(fresh, T0 + 45 * MIN - 1).state).toBe('ok');
    expect(slaStatus(fresh, T0 + 45 * MIN).state).toBe('at_risk');
    expect(slaStatus(fresh, T0 + HOUR - 1).state).toBe('at_risk');
    const breached = slaStatus(fresh, T0 + HOUR);
    expect(breached.state).toBe('breached');
    expect(breached.clocks.firstResponse?.breached).toBe(true);
    expect(breached.nextDueAt).toBe(T0 + HOUR); // overdue deadlines still sort first
  });

  it('uses the targets of the ticket priority', () => {
    const urgent = slaStatus(input({ priority: 'urgent' }), T0);
    expect(urgent.firstResponseDueAt).toBe(T0 + 10 * MIN);
    expect(urgent.resolutionDueAt).toBe(T0 + HOUR);
  });

  it('honours a custom at-risk share', () => {
    const s = slaStatus({ ...fresh, policy: policy({ atRiskFraction: 0.5 }) }, T0 + 30 * MIN);
    expect(s.state).toBe('at_risk');
  });
});

describe('slaStatus: responses and resolution', () => {
  it('meets the first response clock and moves on to resolution', () => {
    const s = slaStatus(input({ firstResponseAt: T0 + 30 * MIN, lastAgentAt: T0 + 30 * MIN }), T0 + 2 * HOUR);
    expect(s.state).toBe('ok');
    expect(s.clocks.firstResponse).toMatchObject({ state: 'met', metAt: T0 + 30 * MIN, breached: false, elapsedMs: 30 * MIN });
    expect(s.firstResponseDueAt).toBe(T0 + HOUR);
    expect(s.nextDueAt).toBe(T0 + 8 * HOUR);
    expect(s.fractionElapsed).toBeCloseTo(120 / 480);
  });

  it('reports a late first response as breached on the clock, but the ticket moves on', () => {
    const s = slaStatus(input({ firstResponseAt: T0 + 90 * MIN, lastAgentAt: T0 + 90 * MIN }), T0 + 2 * HOUR);
    expect(s.clocks.firstResponse).toMatchObject({ state: 'met', breached: true });
    expect(s.state).toBe('ok');
  });

  it('counts a reply exactly at the deadline as on time', () => {
    const s = slaStatus(input({ firstResponseAt: T0 + HOUR, lastAgentAt: T0 + HOUR }), T0 + 2 * HOUR);
    expect(s.clocks.firstResponse?.breached).toBe(false);
  });

  it('starts a next-response clock for a customer message after the first reply, until an agent answers', () => {
    const waiting = input({
      firstResponseAt: T0 + 10 * MIN,
      lastAgentAt: T0 + 10 * MIN,
      lastCustomerAt: T0 + HOUR,
    });
    const s = slaStatus(waiting, T0 + HOUR + 20 * MIN);
    expect(s.nextResponseDueAt).toBe(T0 + 90 * MIN);
    expect(s.nextDueAt).toBe(T0 + 90 * MIN);
    expect(s.state).toBe('ok'); // 20 of 30 minutes is under the 75% at-risk share
    expect(s.clocks.nextResponse?.state).toBe('ok');
    expect(slaStatus(waiting, T0 + HOUR + 23 * MIN).state).toBe('at_risk');
    expect(s.clocks.resolution?.state).toBe('ok');
  });

  it('drops the next-response clock once an agent answers', () => {
    const answered = input({ firstResponseAt: T0 + 10 * MIN, lastCustomerAt: T0 + HOUR, lastAgentAt: T0 + HOUR + 5 * MIN });
    expect(slaStatus(answered, T0 + 2 * HOUR).clocks.nextResponse).toBeNull();
  });

  it('is met once resolved, and the resolved time does not count if the ticket reopens', () => {
    const changes: StatusChange[] = [{ status: 'resolved', at: T0 + 3 * HOUR }];
    const resolved = input({ status: 'resolved', resolvedAt: T0 + 3 * HOUR, firstResponseAt: T0 + 5 * MIN }, changes);
    const s = slaStatus(resolved, T0 + 4 * HOUR);
    expect(s.state).toBe('met');
    expect(s.nextDueAt).toBeNull();
    expect(s.clocks.resolution).toMatchObject({ state: 'met', metAt: T0 + 3 * HOUR, elapsedMs: 3 * HOUR });
    expect(nextStateChangeAt(resolved, T0 + 4 * HOUR)).toBeNull();

    const reopened = input(
      { status: 'open', resolvedAt: null, firstResponseAt: T0 + 5 * MIN, lastAgentAt: T0 + 5 * MIN, lastCustomerAt: T0 + 5 * HOUR },
      [...changes, { status: 'open', at: T0 + 5 * HOUR }],
    );
    const r = slaStatus(reopened, T0 + 6 * HOUR);
    expect(r.clocks.resolution?.elapsedMs).toBe(4 * HOUR); // 3 h before, 1 h since reopening
    expect(r.resolutionDueAt).toBe(T0 + 5 * HOUR + 5 * HOUR);
  });
});

describe('slaStatus: pause and resume', () => {
  const pausedChanges: StatusChange[] = [
    { status: 'in_progress', at: T0 + 10 * MIN },
    { status: 'waiting_on_customer', at: T0 + HOUR },
  ];
  const pausedTicket = {
    status: 'waiting_on_customer' as const,
    firstResponseAt: T0 + 10 * MIN,
    lastAgentAt: T0 + HOUR,
  };

  it('stops the clocks in a pause status', () => {
    const s = slaStatus(input(pausedTicket, pausedChanges), T0 + 3 * HOUR);
    expect(s.state).toBe('paused');
    expect(s.clocks.resolution).toMatchObject({ state: 'paused', running: false, elapsedMs: HOUR, dueAt: null });
    expect(s.resolutionDueAt).toBeNull();
    expect(s.nextDueAt).toBeNull();
    expect(s.fractionElapsed).toBeCloseTo(60 / 480);
    expect(nextStateChangeAt(input(pausedTicket, pausedChanges), T0 + 3 * HOUR)).toBeNull();
  });

  it('resumes where it stopped when the customer writes back', () => {
    const resumed = input(
      { status: 'in_progress', firstResponseAt: T0 + 10 * MIN, lastAgentAt: T0 + HOUR, lastCustomerAt: T0 + 5 * HOUR },
      [...pausedChanges, { status: 'in_progress', at: T0 + 5 * HOUR }],
    );
    const s = slaStatus(resumed, T0 + 5 * HOUR + 10 * MIN);
    expect(s.clocks.resolution?.elapsedMs).toBe(70 * MIN);
    expect(s.resolutionDueAt).toBe(T0 + 5 * HOUR + 7 * HOUR);
    expect(s.nextResponseDueAt).toBe(T0 + 5 * HOUR + 30 * MIN);
    expect(s.nextDueAt).toBe(T0 + 5 * HOUR + 30 * MIN);
    expect(s.state).toBe('ok');
  });

  it('uses the policy pause statuses (an empty list never pauses)', () => {
    const s = slaStatus({ ...input(pausedTicket, pausedChanges), policy: policy({ pauseStatuses: [] }) }, T0 + 3 * HOUR);
    expect(s.clocks.resolution?.elapsedMs).toBe(3 * HOUR);
    expect(s.state).toBe('ok');
  });

  it('keeps a breach while paused', () => {
    const late = input({ status: 'waiting_on_customer' }, [{ status: 'waiting_on_customer', at: T0 + 2 * HOUR }]);
    expect(slaStatus(late, T0 + 3 * HOUR).state).toBe('breached');
  });

  it('takes the ticket status as current when the history lags behind', () => {
    const lagging = input({ ...pausedTicket, fieldTimes: { status: T0 + HOUR } }, []);
    const s = slaStatus(lagging, T0 + 3 * HOUR);
    expect(s.state).toBe('paused');
    expect(s.clocks.resolution?.elapsedMs).toBe(HOUR);
  });

  it('accepts the history in any order and ignores repeated statuses', () => {
    const shuffled = input(pausedTicket, [
      pausedChanges[1] as StatusChange,
      { status: 'in_progress', at: T0 + 20 * MIN },
      pausedChanges[0] as StatusChange,
    ]);
    expect(slaStatus(shuffled, T0 + 3 * HOUR).clocks.resolution?.elapsedMs).toBe(HOUR);
  });
});

describe('slaStatus with a business calendar', () => {
  const berlin = weekdayCalendar('Europe/Berlin');
  // Created Fri 2026-03-06 16:30 Berlin (15:30Z).
  const created = at('2026-03-06T15:30:00Z');
  const friday = (extra: Partial<SlaInput> = {}): SlaInput => ({
    ticket: makeTicket({ createdAt: created, updatedAt: created }),
    statusChanges: [],
    policy: policy({ calendarId: berlin.id }),
    calendar: berlin,
    ...extra,
  });

  it('counts only working hours and skips the weekend', () => {
    const s = slaStatus(friday(), at('2026-03-07T12:00:00Z'));
    expect(s.firstResponseDueAt).toBe(at('2026-03-09T08:30:00Z')); // Mon 09:30 local
    expect(s.clocks.firstResponse?.elapsedMs).toBe(30 * MIN);
    expect(s.clocks.firstResponse?.running).toBe(true); // counting, though no working time passes now
    expect(s.state).toBe('ok');
  });

  it('wakes the scheduler at the exact working-time instants', () => {
    const input = friday();
    expect(nextStateChangeAt(input, created)).toBe(at('2026-03-09T08:15:00Z')); // 45 working minutes
    expect(nextStateChangeAt(input, at('2026-03-09T08:15:00Z'))).toBe(at('2026-03-09T08:30:00Z'));
    expect(nextStateChangeAt(input, at('2026-03-09T08:30:00Z'))).toBeNull();
  });

  it('pauses across the weekend only for the time spent waiting', () => {
    const s = slaStatus(
      friday({
        ticket: makeTicket({ createdAt: created, updatedAt: created, status: 'in_progress', firstResponseAt: created + 5 * MIN }),
        statusChanges: [
          { status: 'waiting_on_customer', at: created + 10 * MIN },
          { status: 'in_progress', at: at('2026-03-09T09:00:00Z') },
        ],
      }),
      at('2026-03-09T10:00:00Z'),
    );
    // 10 min on Friday, then from Mon 10:00 local to 11:00 local.
    expect(s.clocks.resolution?.elapsedMs).toBe(70 * MIN);
  });
});

describe('nextStateChangeAt', () => {
  it('steps ok → at risk → breached', () => {
    const fresh = input({});
    expect(nextStateChangeAt(fresh, T0)).toBe(T0 + 45 * MIN);
    expect(nextStateChangeAt(fresh, T0 + 45 * MIN)).toBe(T0 + HOUR);
    expect(nextStateChangeAt(fresh, T0 + HOUR)).toBeNull();
  });

  it('skips instants at which the overall state stays the same', () => {
    // First response at risk at 45 min; the resolution clock's at-risk instant (6 h) changes nothing.
    const answered = input({ firstResponseAt: T0 + 5 * MIN, lastAgentAt: T0 + 5 * MIN });
    expect(nextStateChangeAt(answered, T0 + 10 * MIN)).toBe(T0 + 6 * HOUR);
    expect(nextStateChangeAt(answered, T0 + 6 * HOUR)).toBe(T0 + 8 * HOUR);
  });

  it('agrees with slaStatus on random histories (seeded)', () => {
    const random = seededRandom(7);
    const statuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved'] as const;
    const calendars = [null, weekdayCalendar('Europe/Berlin'), weekdayCalendar('America/New_York')];
    for (let i = 0; i < 60; i++) {
      const changes: StatusChange[] = [];
      let t = T0;
      for (let k = Math.floor(random() * 4); k > 0; k--) {
        t += Math.floor(random() * 3 * HOUR);
        changes.push({ status: statuses[Math.floor(random() * statuses.length)] ?? 'open', at: t });
      }
      const status = changes[changes.length - 1]?.status ?? 'open';
      const firstResponseAt = random() < 0.5 ? T0 + Math.floor(random() * 2 * HOUR) : null;
      const calendar = calendars[i % calendars.length] ?? null;
      const sla: SlaInput = {
        ticket: makeTicket({
          createdAt: T0,
          status,
          firstResponseAt,
          lastAgentAt: firstResponseAt,
          resolvedAt: status === 'resolved' ? t : null,
        }),
        statusChanges: changes,
        policy: policy({ calendarId: calendar?.id ?? null }),
        calendar,
      };
      const now = T0 + Math.floor(random() * 10 * HOUR);
      const state = slaStatus(sla, now).state;
      const next = nextStateChangeAt(sla, now);
      if (next === null) {
        expect(slaStatus(sla, now + 30 * DAY).state).toBe(state);
      } else {
        expect(next).toBeGreaterThan(now);
        expect(slaStatus(sla, next).state).not.toBe(state);
        expect(slaStatus(sla, next - 1).state).toBe(state);
      }
    }
  });
});

describe('slaOutlook', () => {
  it('is slaStatus and nextStateChangeAt in one call (seeded random tickets, calendars, histories)', () => {
    const random = seededRandom(11);
    const statuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
    const calendars = [null, weekdayCalendar('Europe/Berlin'), weekdayCalendar('Australia/Lord_Howe')];
    for (let i = 0; i < 200; i++) {
      const changes: StatusChange[] = Array.from({ length: Math.floor(random() * 5) }, () => ({
        status: statuses[Math.floor(random() * statuses.length)] ?? 'open',
        at: T0 + Math.floor(random() * 3 * DAY) - (random() < 0.1 ? HOUR : 0),
      }));
      const status = statuses[Math.floor(random() * statuses.length)] ?? 'open';
      const firstResponseAt = random() < 0.6 ? T0 + Math.floor(random() * 2 * DAY) : null;
      const calendar = calendars[i % calendars.length] ?? null;
      const sla: SlaInput = {
        ticket: makeTicket({
          createdAt: T0,
          status,
          priority: random() < 0.5 ? 'urgent' : 'normal',
          firstResponseAt,
          lastAgentAt: firstResponseAt,
          lastCustomerAt: T0 + Math.floor(random() * 3 * DAY),
          resolvedAt: status === 'resolved' || status === 'closed' ? T0 + Math.floor(random() * 3 * DAY) : null,
        }),
        statusChanges: changes,
        policy: random() < 0.1 ? null : policy({ calendarId: calendar?.id ?? null, pauseStatuses: random() < 0.5 ? ['waiting_on_customer'] : [] }),
        calendar,
      };
      const now = T0 + Math.floor(random() * 4 * DAY);
      expect(slaOutlook(sla, now)).toEqual({ status: slaStatus(sla, now), nextChangeAt: nextStateChangeAt(sla, now) });
    }
  });
});

describe('clockReachesFractionAt', () => {
  it('gives past and future instants of a share of a target, and null for a paused clock', () => {
    const fresh = input({});
    expect(clockReachesFractionAt(fresh, 'first_response', 0.5, T0)).toBe(T0 + 30 * MIN);
    expect(clockReachesFractionAt(fresh, 'resolution', 0.5, T0 + 5 * HOUR)).toBe(T0 + 4 * HOUR);
    expect(clockReachesFractionAt(fresh, 'next_response', 0.5, T0)).toBeNull();
    const paused = input({ status: 'waiting_on_customer' }, [{ status: 'waiting_on_customer', at: T0 + 10 * MIN }]);
    expect(clockReachesFractionAt(paused, 'resolution', 0.5, T0 + HOUR)).toBeNull();
    expect(clockReachesFractionAt({ ...fresh, policy: null }, 'resolution', 0.5, T0)).toBeNull();
  });
});

describe('selectSlaPolicy', () => {
  const vip = policy({ id: 'vip', order: 1, match: { tiers: ['VIP'] } });
  const urgentBilling = policy({ id: 'urgent-billing', order: 2, match: { priorities: ['urgent', 'high'], categories: ['Billing'] } });
  const fallback = policy({ id: 'all', order: 100, match: {} });
  const policies = [fallback, urgentBilling, vip];

  it('takes the first matching policy by order', () => {
    const t = makeTicket({ priority: 'urgent', category: 'billing' });
    expect(selectSlaPolicy(t, policies)?.id).toBe('urgent-billing');
    expect(selectSlaPolicy({ ...t, customer: { ...t.customer, tier: 'vip' } }, policies)?.id).toBe('vip');
  });

  it('needs every listed criterion to hold', () => {
    expect(selectSlaPolicy(makeTicket({ priority: 'low', category: 'billing' }), policies)?.id).toBe('all');
    expect(selectSlaPolicy(makeTicket({ priority: 'urgent', category: null }), policies)?.id).toBe('all');
    expect(selectSlaPolicy(makeTicket({ priority: 'urgent', category: 'shipping' }), policies)?.id).toBe('all');
  });

  it('treats empty lists as any, breaks order ties by id, and may find nothing', () => {
    const a = policy({ id: 'b', order: 5, match: { tiers: [] } });
    const b = policy({ id: 'a', order: 5, match: { priorities: [] } });
    expect(selectSlaPolicy(makeTicket(), [a, b])?.id).toBe('a');
    expect(selectSlaPolicy(makeTicket(), [vip])).toBeNull();
    expect(selectSlaPolicy(makeTicket(), [])).toBeNull();
  });
});
