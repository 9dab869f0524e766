// Tests for the events feed: stored events of the wanted types once at start, new ones as they are
// written, each to its own type's handler only.
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../../src-preload/contract';
import { openDatabase, type TopicdeskDatabase } from '../db/database';
import { followEvents } from './events.feed';

const dbs: TopicdeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

const event = (id: string, type: ActivityEvent['type'], at: number): ActivityEvent => ({ id, type, ticketId: 't1', actorId: null, at, data: {} });

describe('followEvents', () => {
  it('hands stored and new events to their type’s handler, and no other type to anyone', async () => {
    const db = await openDatabase({ workspace: 'feed', storage: { kind: 'memory' } });
    dbs.push(db);
    await db.events.bulkInsert([
      event('s1', 'ticket.status_changed', 1),
      event('e1', 'ticket.escalated', 2),
      event('r1', 'ticket.routed', 3),
      event('p1', 'ticket.priority_changed', 4),
    ]);
    const seen: string[] = [];
    const feed = followEvents(
      db,
      {
        'ticket.status_changed': (e, initial) => seen.push(`status ${(e as ActivityEvent).id} ${initial ? 'initial' : 'live'}`),
        'ticket.escalated': (e, initial) => seen.push(`escalated ${(e as ActivityEvent).id} ${initial ? 'initial' : 'live'}`),
      },
      () => undefined,
    );
    await feed.ready;
    expect(seen.sort()).toEqual(['escalated e1 initial', 'status s1 initial']);

    seen.length = 0;
    await db.events.insert(event('s2', 'ticket.status_changed', 5));
    await db.events.insert(event('a1', 'ticket.assigned', 6));
    await db.events.insert(event('e2', 'ticket.escalated', 7));
    expect(seen).toEqual(['status s2 live', 'escalated e2 live']);
    feed.subscription.unsubscribe();
  });
});
