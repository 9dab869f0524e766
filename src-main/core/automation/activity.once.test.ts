// Tests for recording automatic facts once: a batch of events and their thread lines in two
// bulk writes, facts already recorded (by this or another app) left alone with their lines.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEvent } from '../../../src-preload/contract';
import { recordAll, recordOnce } from './activity.once';
import { T0, testBed } from './automation.fixtures';

const bed = testBed();
afterEach(() => bed.cleanup());

const routed = (ticketId: string, at = T0): ActivityEvent => ({
  id: `queue:${ticketId}:${T0}`,
  type: 'ticket.routed',
  ticketId,
  actorId: null,
  at,
  data: { queue: 'general', by: 'routing' },
});

describe('recordAll', () => {
  it('records new facts with one write for the events and one for the thread lines', async () => {
    const db = await bed.open();
    const events = vi.spyOn(db.events.storageInstance, 'bulkWrite');
    const messages = vi.spyOn(db.messages.storageInstance, 'bulkWrite');
    const recorded = await recordAll(db, [
      { event: routed('t1'), threadText: 'Queued t1' },
      { event: routed('t2') },
      { event: routed('t3'), threadText: 'Queued t3' },
    ]);
    expect([...recorded].sort()).toEqual(['queue:t1:' + T0, 'queue:t2:' + T0, 'queue:t3:' + T0]);
    expect(events).toHaveBeenCalledTimes(1);
    expect(messages).toHaveBeenCalledTimes(1);
    const lines = (await db.messages.find().exec()).map((m) => [m.id, m.text, m.kind]);
    expect(lines.sort()).toEqual([
      [`sys:queue:t1:${T0}`, 'Queued t1', 'system'],
      [`sys:queue:t3:${T0}`, 'Queued t3', 'system'],
    ]);
  });

  it('leaves facts already recorded alone, with their lines', async () => {
    const db = await bed.open();
    expect(await recordOnce(db, routed('t1'), 'First')).toBe(true);
    const recorded = await recordAll(db, [
      { event: routed('t1', T0 + 5), threadText: 'Second' },
      { event: routed('t2'), threadText: 'Queued t2' },
    ]);
    expect([...recorded]).toEqual([`queue:t2:${T0}`]);
    expect((await db.events.findOne(`queue:t1:${T0}`).exec())?.at).toBe(T0);
    expect((await db.messages.findOne(`sys:queue:t1:${T0}`).exec())?.text).toBe('First');
    expect(await recordAll(db, [])).toEqual(new Set());
  });
});
