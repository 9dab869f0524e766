// Tests for the configuration schemas: defaults, the factories, and what Settings must reject.
import { describe, expect, it } from 'vitest';
import {
  Calendar,
  EscalationPolicy,
  RoutingRule,
  RoutingSettings,
  SlaPolicy,
  Template,
  WorkingWindow,
  clockTimeMinutes,
  defaultCalendar,
  defaultEscalationPolicy,
  defaultRoutingSettings,
  defaultSlaPolicy,
} from './config.contract';

describe('factories', () => {
  it('produce documents their own schemas accept unchanged', () => {
    expect(SlaPolicy.parse(defaultSlaPolicy('s', 1))).toEqual(defaultSlaPolicy('s', 1));
    expect(Calendar.parse(defaultCalendar('c', 1, 'Europe/Berlin'))).toEqual(defaultCalendar('c', 1, 'Europe/Berlin'));
    expect(EscalationPolicy.parse(defaultEscalationPolicy('e', 1))).toEqual(defaultEscalationPolicy('e', 1));
    expect(RoutingSettings.parse(defaultRoutingSettings())).toEqual(defaultRoutingSettings());
  });

  it('fill defaults for fields Settings may leave out', () => {
    const { atRiskFraction, pauseStatuses, match, ...rest } = defaultSlaPolicy('s', 1);
    void atRiskFraction;
    void pauseStatuses;
    void match;
    expect(SlaPolicy.parse(rest)).toMatchObject({ atRiskFraction: 0.75, pauseStatuses: ['waiting_on_customer'], match: {} });
    expect(RoutingSettings.parse({})).toEqual(defaultRoutingSettings());
    const rule = RoutingRule.parse({ id: 'r', name: 'r', order: 1, target: { kind: 'queue', queue: 'q' }, updatedAt: 0 });
    expect(rule).toMatchObject({ enabled: true, conditions: [], strategy: 'round_robin' });
    expect(Template.parse({ id: 't', title: 'T', shortcut: 'thanks', body: 'Thanks!', updatedAt: 0 })).toMatchObject({
      category: null,
      language: null,
    });
  });
});

describe('calendars', () => {
  it('accept HH:MM windows up to 24:00 and reject overnight or empty ones', () => {
    expect(WorkingWindow.safeParse({ start: '09:00', end: '17:30' }).success).toBe(true);
    expect(WorkingWindow.safeParse({ start: '20:00', end: '24:00' }).success).toBe(true);
    expect(WorkingWindow.safeParse({ start: '22:00', end: '06:00' }).success).toBe(false);
    expect(WorkingWindow.safeParse({ start: '09:00', end: '09:00' }).success).toBe(false);
    expect(WorkingWindow.safeParse({ start: '24:00', end: '24:00' }).success).toBe(false);
    expect(WorkingWindow.safeParse({ start: '9:00', end: '17:00' }).success).toBe(false);
    expect(WorkingWindow.safeParse({ start: '09:60', end: '17:00' }).success).toBe(false);
    expect(clockTimeMinutes('24:00')).toBe(1440);
  });

  it('need seven weekdays, a real time zone and real holiday dates', () => {
    const ok = defaultCalendar('c', 0, 'America/New_York');
    expect(Calendar.safeParse({ ...ok, weekly: ok.weekly.slice(0, 6) }).success).toBe(false);
    expect(Calendar.safeParse({ ...ok, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(Calendar.safeParse({ ...ok, holidays: [{ date: '2026-02-30', name: 'x', yearly: false }] }).success).toBe(false);
    expect(Calendar.safeParse({ ...ok, holidays: [{ date: '2024-02-29', name: 'leap', yearly: true }] }).success).toBe(true);
  });
});

describe('escalation policies', () => {
  const base = defaultEscalationPolicy('e', 0);

  it('reject duplicate levels, a fraction trigger without a fraction and an ambiguous reassign', () => {
    expect(EscalationPolicy.safeParse({ ...base, levels: [...base.levels, base.levels[0]] }).success).toBe(false);
    const noFraction = { level: 9, trigger: { kind: 'fraction_elapsed' }, actions: [{ kind: 'notify_lead' }] };
    expect(EscalationPolicy.safeParse({ ...base, levels: [noFraction] }).success).toBe(false);
    const both = { level: 9, trigger: { kind: 'idle', minutes: 5 }, actions: [{ kind: 'reassign', agentId: 'a', skill: 's' }] };
    expect(EscalationPolicy.safeParse({ ...base, levels: [both] }).success).toBe(false);
    const neither = { level: 9, trigger: { kind: 'idle', minutes: 5 }, actions: [{ kind: 'reassign' }] };
    expect(EscalationPolicy.safeParse({ ...base, levels: [neither] }).success).toBe(false);
    const good = { level: 9, trigger: { kind: 'idle', minutes: 5 }, actions: [{ kind: 'reassign', skill: 'senior' }] };
    expect(EscalationPolicy.safeParse({ ...base, levels: [good] }).success).toBe(true);
  });
});

describe('routing rules', () => {
  const rule = (conditions: unknown[]) =>
    RoutingRule.safeParse({ id: 'r', name: 'r', order: 1, conditions, target: { kind: 'skill', skill: 'x' }, updatedAt: 0 });

  it('reject a pattern that does not compile, empty keyword lists and inverted bounds', () => {
    expect(rule([{ kind: 'pattern', regex: '(' }]).success).toBe(false);
    expect(rule([{ kind: 'pattern', regex: '\\p{L}+' }]).success).toBe(true);
    expect(rule([{ kind: 'keywords', any: [] }]).success).toBe(false);
    expect(rule([{ kind: 'keywords', any: ['  '] }]).success).toBe(false);
    expect(rule([{ kind: 'order_value', min: 10, max: 5 }]).success).toBe(false);
    expect(rule([{ kind: 'order_value', min: 10 }]).success).toBe(true);
    expect(rule([{ kind: 'weather', is: 'sunny' }]).success).toBe(false);
  });
});

describe('templates', () => {
  it('keep shortcuts to one word', () => {
    const t = { id: 't', title: 'T', body: 'b', updatedAt: 0 };
    expect(Template.safeParse({ ...t, shortcut: 'refund-ok_2' }).success).toBe(true);
    expect(Template.safeParse({ ...t, shortcut: 'возврат' }).success).toBe(true);
    expect(Template.safeParse({ ...t, shortcut: 'two words' }).success).toBe(false);
  });
});
