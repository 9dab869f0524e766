import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase, type TopicdeskDatabase } from './database';
import { LocalState } from './local-state';

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => Promise.all(dbs.splice(0).map((db) => db.close())));

describe('LocalState', () => {
  it('keeps any JSON shape under schema validation and falls back when the shape changed', async () => {
    const db = await openDatabase({ workspace: 'local', storage: { kind: 'memory' }, validate: true });
    dbs.push(db);
    const local = new LocalState(db, () => 1);
    await local.set('forums', [{ chatId: '1', title: 'A' }]);
    await local.set('pts', 42);
    expect(await local.get('forums', z.array(z.object({ chatId: z.string(), title: z.string() })), [])).toEqual([{ chatId: '1', title: 'A' }]);
    expect(await local.get('pts', z.number(), 0)).toBe(42);
    expect(await local.get('pts', z.string(), 'fallback')).toBe('fallback');
    expect(await local.get('missing', z.number(), 7)).toBe(7);
    await local.delete('pts');
    expect(await local.get('pts', z.number(), 0)).toBe(0);
    await local.set('pts', 43);
    expect(await local.get('pts', z.number(), 0)).toBe(43);
  });

  it('overwrites a stored key with one write, without a failing insert first', async () => {
    const db = await openDatabase({ workspace: 'local', storage: { kind: 'memory' } });
    dbs.push(db);
    const local = new LocalState(db, () => 1);
    await local.set('pts', 1);
    const writes = vi.spyOn(db.localstate.storageInstance, 'bulkWrite');
    for (let pts = 2; pts <= 5; pts++) await local.set('pts', pts);
    expect(writes).toHaveBeenCalledTimes(4);
    expect(await local.get('pts', z.number(), 0)).toBe(5);
  });
});
