// Tests for the deadline min-heap: order, moves, removals, due pops, against a sorted list.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../rules/rules.fixtures';
import { DeadlineQueue } from './deadline.queue';

describe('DeadlineQueue', () => {
  it('pops due keys earliest first, ties by key, and keeps later ones', () => {
    const q = new DeadlineQueue();
    q.set('c', 30);
    q.set('a', 10);
    q.set('b', 10);
    q.set('d', 40);
    expect(q.peek()).toEqual({ key: 'a', at: 10 });
    expect(q.popDue(30)).toEqual(['a', 'b', 'c']);
    expect(q.size).toBe(1);
    expect(q.popDue(39)).toEqual([]);
    expect(q.peek()).toEqual({ key: 'd', at: 40 });
  });

  it('keeps one entry per key: setting again moves it, null removes it', () => {
    const q = new DeadlineQueue();
    q.set('a', 10);
    q.set('b', 20);
    q.set('a', 30);
    expect(q.size).toBe(2);
    expect(q.peek()?.key).toBe('b');
    q.set('b', null);
    expect(q.has('b')).toBe(false);
    expect(q.get('a')).toBe(30);
    q.set('a', Number.NaN);
    expect(q.size).toBe(0);
  });

  it('agrees with a sorted list under random sets, moves and deletes', () => {
    const random = seededRandom(7);
    const q = new DeadlineQueue();
    const model = new Map<string, number>();
    for (let step = 0; step < 3000; step++) {
      const key = `k${Math.floor(random() * 60)}`;
      const roll = random();
      if (roll < 0.15) {
        q.delete(key);
        model.delete(key);
      } else if (roll < 0.2) {
        const now = Math.floor(random() * 1000);
        const expected = [...model.entries()]
          .filter(([, at]) => at <= now)
          .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
          .map(([k]) => k);
        expect(q.popDue(now)).toEqual(expected);
        expected.forEach((k) => model.delete(k));
      } else {
        const at = Math.floor(random() * 1000);
        q.set(key, at);
        model.set(key, at);
      }
      expect(q.size).toBe(model.size);
      const min = Math.min(...model.values());
      expect(q.peek()?.at ?? Infinity).toBe(min);
    }
  });
});
