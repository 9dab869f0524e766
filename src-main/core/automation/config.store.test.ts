// Tests for the configuration endpoints: first-start seeding (once, converging), validated
// saves, references on delete, invalid stored documents skipped and logged, routing settings.
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandError } from '../../../src-preload/contract';
import { defaultCalendar } from '../../../src-preload/contract/config.contract';
import { configId } from '../db/schemas/config.schema';
import { T0, testBed } from './automation.fixtures';
import { seedDefaults } from './config.seed';
import { FakeTime } from './fake.timers';

const bed = testBed();
afterEach(() => bed.cleanup());

const commandError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
};

describe('configuration', () => {
  it('seeds defaults into an empty workspace once, and two apps seeding at once converge', async () => {
    const db = await bed.open();
    const [first, second] = await Promise.all([seedDefaults(db, T0, 'Europe/Berlin'), seedDefaults(db, T0 + 5, 'Europe/Berlin')]);
    expect([...new Set([...first, ...second])].sort()).toEqual(['calendar', 'escalationpolicy', 'setting', 'slapolicy', 'template']);
    expect((await db.config.find().exec()).map((d) => d.id).sort()).toEqual([
      'calendar:default',
      'escalationpolicy:default',
      'setting:routing',
      'slapolicy:default',
      'template:default-greeting',
      'template:default-order-status',
    ]);
    expect(await seedDefaults(db, T0 + 10)).toEqual([]);

    const h = await bed.start(db, new FakeTime(T0));
    const live = h.automation.liveQueries;
    expect(await firstValueFrom(live['config.calendars']({}))).toMatchObject([{ id: 'default', timeZone: 'Europe/Berlin' }]);
    expect(await firstValueFrom(live['config.slaPolicies']({}))).toMatchObject([{ id: 'default', calendarId: 'default' }]);
    expect(await firstValueFrom(live['config.escalationPolicies']({}))).toMatchObject([{ id: 'default' }]);
    expect(await firstValueFrom(live['config.routingRules']({}))).toEqual([]);
    const templates = await firstValueFrom(live['config.templates']({}));
    expect(templates.map((t) => t.body).join('\n')).toMatch(/\{\{customer\.first_name\}\}[\s\S]*\{\{order\.number\}\}/);
    expect(await h.automation.commands['config.routingSettings.get']({})).toEqual({
      fallbackQueue: 'general',
      unassignedFlagMins: 30,
      autoCloseResolvedAfterMins: 3 * 24 * 60,
    });
  });

  it('validates saves, stamps them, and gives new documents an id', async () => {
    const time = new FakeTime(T0);
    const h = await bed.start(await bed.open(), time, { seed: false });
    const { config } = h.automation;
    const bad = await commandError(config.save('calendars', { name: 'Night', timeZone: 'Mars/Olympus', weekly: [] }));
    expect(bad.code).toBe('invalid_params');
    expect(bad.message).toMatch(/timeZone.*unknown IANA time zone/);
    expect(bad.message).toMatch(/weekly/);

    const { id: _id, updatedAt: _t, ...office } = defaultCalendar('x', 0, 'Europe/Berlin');
    const saved = await config.save('calendars', office);
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.updatedAt).toBe(T0);
    expect(config.get('calendars', saved.id)).toEqual(saved);
    const stored = await h.db.config.findOne(configId('calendar', saved.id)).exec();
    expect(stored?.toMutableJSON()).toMatchObject({ kind: 'calendar', updatedAt: T0, data: { name: 'Office hours' } });

    const missingCalendar = await commandError(
      config.save('slaPolicies', {
        id: 'p',
        name: 'P',
        order: 1,
        calendarId: 'nope',
        targets: Object.fromEntries(['low', 'normal', 'high', 'urgent'].map((p) => [p, { firstResponseMins: 1, nextResponseMins: 1, resolutionMins: 1 }])),
      }),
    );
    expect(missingCalendar.code).toBe('invalid_params');

    await config.save('templates', { id: 'a', title: 'Thanks', shortcut: 'thanks', body: 'Thanks!' });
    const clash = await commandError(config.save('templates', { id: 'b', title: 'Thank you', shortcut: 'THANKS', body: 'Thank you!' }));
    expect(clash.code).toBe('conflict');
  });

  it('refuses to delete what another document names, and reports unknown ids', async () => {
    const h = await bed.start(await bed.open(), new FakeTime(T0));
    const { commands } = h.automation;
    expect((await commandError(commands['config.calendars.delete']({ id: 'default' }))).code).toBe('conflict');
    expect((await commandError(commands['config.routingRules.delete']({ id: 'nope' }))).code).toBe('not_found');
    await h.automation.config.save('escalationPolicies', { id: 'vip', name: 'VIP', slaPolicyId: 'default', levels: [] });
    expect((await commandError(commands['config.slaPolicies.delete']({ id: 'default' }))).code).toBe('conflict');
    await commands['config.escalationPolicies.delete']({ id: 'vip' });
    await commands['config.slaPolicies.delete']({ id: 'default' });
    await commands['config.calendars.delete']({ id: 'default' });
    expect(h.automation.config.list('calendars')).toEqual([]);
  });

  it('skips stored documents that do not parse, logging each once', async () => {
    const db = await bed.open();
    await db.config.bulkInsert([
      { id: configId('routingrule', 'broken'), kind: 'routingrule', updatedAt: 1, data: { name: 'Broken', order: 1, target: { kind: 'nowhere' } } },
      { id: configId('routingrule', 'ok'), kind: 'routingrule', updatedAt: 1, data: { name: 'Fine', order: 2, target: { kind: 'queue', queue: 'q' } } },
    ]);
    const h = await bed.start(db, new FakeTime(T0), { seed: false });
    const rules = h.automation.liveQueries['config.routingRules']({}).pipe(take(2), toArray());
    const seen = firstValueFrom(rules);
    await h.automation.config.save('routingRules', { id: 'later', name: 'Later', order: 3, target: { kind: 'queue', queue: 'q' } });
    expect((await seen).map((list) => list.map((r) => r.id))).toEqual([['ok'], ['ok', 'later']]);
    expect(h.logs.filter((line) => line.includes('broken'))).toHaveLength(1);
  });

  it('changes only the routing settings given', async () => {
    const h = await bed.start(await bed.open(), new FakeTime(T0));
    const { commands } = h.automation;
    const next = await commands['config.routingSettings.set']({ fallbackQueue: 'triage' });
    expect(next).toEqual({ fallbackQueue: 'triage', unassignedFlagMins: 30, autoCloseResolvedAfterMins: 4320 });
    expect(await commands['config.routingSettings.set']({ unassignedFlagMins: 5 })).toMatchObject({ fallbackQueue: 'triage', unassignedFlagMins: 5 });
    expect((await commandError(h.automation.config.setRoutingSettings({ unassignedFlagMins: -1 }))).code).toBe('invalid_params');
    expect(await firstValueFrom(h.automation.liveQueries['config.routingSettings']({}))).toMatchObject({ fallbackQueue: 'triage', unassignedFlagMins: 5 });
  });

  it('stores moved round-robin cursors with one write each, picked up by a restarted app and by other writers', async () => {
    const db = await bed.open();
    const time = new FakeTime(T0);
    let h = await bed.start(db, time, { seed: false });
    await h.automation.config.setCursors(new Map([['support', 'agent:a'], ['sales', 'agent:x']]));
    // Once stored, a cursor moves with one write (an upsert would be a failed insert and an update).
    const writes = vi.spyOn(db.config.storageInstance, 'bulkWrite');
    await h.automation.config.setCursors(new Map([['support', 'agent:b']]));
    expect(writes).toHaveBeenCalledTimes(1);
    expect(h.automation.config.cursor('support')).toBe('agent:b');
    // Another app moved it meanwhile (synced): the next move is written over it.
    const stored = await db.config.findOne(configId('cursor', 'support')).exec();
    await stored?.incrementalPatch({ data: { agentId: 'agent:c' } });
    expect(h.automation.config.cursor('support')).toBe('agent:c');
    await h.automation.config.setCursors(new Map([['support', 'agent:d']]));

    await h.stop();
    h = await bed.start(db, time, { seed: false });
    expect(h.automation.config.cursorsSnapshot()).toEqual({ support: 'agent:d', sales: 'agent:x' });
  });
});
