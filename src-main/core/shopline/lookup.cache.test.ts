// TTL, size bound and invalidation of the lookup cache, on an injected clock.
import { describe, expect, it } from 'vitest';
import { LookupCache } from './lookup.cache';

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let t = 1_000;
  const cache = new LookupCache<string>({ ...options, now: () => t });
  return { cache, advance: (ms: number) => (t += ms) };
}

describe('LookupCache', () => {
  it('serves a value until its TTL has passed, then forgets it', () => {
    const { cache, advance } = setup({ ttlMs: 60_000 });
    cache.set('a', 'A');
    advance(59_999);
    expect(cache.get('a')).toBe('A');
    advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('defaults to a 60 s TTL', () => {
    const { cache, advance } = setup();
    cache.set('a', 'A');
    advance(59_000);
    expect(cache.has('a')).toBe(true);
    advance(1_000);
    expect(cache.has('a')).toBe(false);
  });

  it('restarts the TTL when a key is set again', () => {
    const { cache, advance } = setup({ ttlMs: 100 });
    cache.set('a', 'A');
    advance(80);
    cache.set('a', 'A2');
    advance(80);
    expect(cache.get('a')).toBe('A2');
  });

  it('drops the oldest entry beyond its size', () => {
    const { cache } = setup({ maxEntries: 2 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('a', 'A2'); // refreshed: now the newest
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A2');
    expect(cache.get('c')).toBe('C');
  });

  it('deletes one key, a prefix, or everything', () => {
    const { cache } = setup();
    for (const k of ['order:1', 'order:2', 'customer:1']) cache.set(k, k);
    cache.delete('order:1');
    expect(cache.get('order:1')).toBeUndefined();
    cache.deletePrefix('order:');
    expect(cache.get('order:2')).toBeUndefined();
    expect(cache.get('customer:1')).toBe('customer:1');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
