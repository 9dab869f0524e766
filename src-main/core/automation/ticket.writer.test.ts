// Tests for the ticket writer's batch: several tickets' changes in one storage write, decided on
// the stored state, one ticket's failure kept to itself, missing tickets left out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../src-preload/contract';
import { T0, testBed, ticket } from './automation.fixtures';
import { modifyTicket, modifyTickets, type TicketChange } from './ticket.writer';

const bed = testBed();
afterEach(() => bed.cleanup());

/** A change the collection's schema refuses (the test database validates every write). */
const invalid = (t: Ticket): Ticket => ({ ...t, status: 'x'.repeat(40) as Ticket['status'] });

describe('modifyTickets', () => {
  it('writes several tickets together and keeps a failing one to itself', async () => {
    const db = await bed.open();
    await db.tickets.bulkInsert(['t1', 't2', 't3', 't4'].map((id) => ticket(id, T0)));
    const writes = vi.spyOn(db.tickets.storageInstance, 'bulkWrite');
    const tag = (t: Ticket) => ({ ...t, tags: ['routed'] });
    const { written, failed } = await modifyTickets(
      db,
      new Map<string, TicketChange>([
        ['t1', tag],
        ['t2', () => null],
        ['t3', invalid],
        ['t4', tag],
        ['missing', tag],
      ]),
    );
    // RxDB's incremental write queue starts on the first change at once and takes the rest together.
    expect(writes.mock.calls.length).toBeLessThanOrEqual(2);
    expect([...written.keys()].sort()).toEqual(['t1', 't2', 't4']);
    expect(written.get('t1')).toMatchObject({ changed: true, before: { tags: [] }, after: { tags: ['routed'] } });
    expect(written.get('t2')?.changed).toBe(false);
    expect([...failed.keys()]).toEqual(['t3']);
    expect((await db.tickets.findByIds(['t1', 't3', 't4']).exec()).get('t4')?.tags).toEqual(['routed']);
    expect((await db.tickets.findOne('t3').exec())?.status).toBe('open');
  });

  it('throws a single ticket’s failure and resolves null for a missing ticket', async () => {
    const db = await bed.open();
    await db.tickets.insert(ticket('t1', T0));
    await expect(modifyTicket(db, 't1', invalid)).rejects.toMatchObject({ code: 'COL20' });
    expect(await modifyTicket(db, 'missing', (t) => t)).toBeNull();
  });
});
