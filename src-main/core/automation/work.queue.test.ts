// Tests for the keyed work queues: keys added in the same turn go in one batch (up to its size,
// in arrival order, duplicates merged), a failing batch is handled again key by key so only the
// culprit is dropped, the one-key queue, and stop.
import { describe, expect, it } from 'vitest';
import { KeyedBatchQueue, KeyedWorkQueue } from './work.queue';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedBatchQueue', () => {
  it('takes what was added in the same turn together, up to the batch size, in arrival order', async () => {
    const batches: string[][] = [];
    const queue = new KeyedBatchQueue(async (keys) => void batches.push(keys), () => {}, 'test', 3);
    for (const key of ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g']) queue.add(key);
    await queue.idle();
    expect(batches).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('collects what arrives while a batch is handled into the next one', async () => {
    const batches: string[][] = [];
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const queue = new KeyedBatchQueue(
      async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await held;
      },
      () => {},
      'test',
      10,
    );
    queue.add('a');
    await turn();
    for (const key of ['b', 'c', 'a']) queue.add(key);
    expect(queue.isIdle).toBe(false);
    release();
    await queue.idle();
    expect(batches).toEqual([['a'], ['b', 'c', 'a']]);
  });

  it('handles the keys of a failed batch again one at a time, so only the culprit is dropped', async () => {
    const handled: string[][] = [];
    const logs: string[] = [];
    const queue = new KeyedBatchQueue(
      async (keys) => {
        handled.push(keys);
        if (keys.includes('bad')) throw new Error('broken');
      },
      (message) => logs.push(message),
      'routing',
      10,
    );
    for (const key of ['a', 'bad', 'c']) queue.add(key);
    await queue.idle();
    expect(handled).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(logs).toEqual(['routing: a batch of 3 failed; handling its keys one at a time', 'routing: bad failed']);
  });

  it('drops what waits on stop and lets the batch in hand finish', async () => {
    const handled: string[][] = [];
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const queue = new KeyedBatchQueue(
      async (keys) => {
        handled.push(keys);
        await held;
      },
      () => {},
      'test',
      1,
    );
    queue.add('a');
    queue.add('b');
    await turn();
    const stopped = queue.stop();
    queue.add('c');
    release();
    await stopped;
    expect(handled).toEqual([['a']]);
    expect(queue.isIdle).toBe(true);
  });
});

describe('KeyedWorkQueue', () => {
  it('handles one key at a time and logs a failing key', async () => {
    const handled: string[] = [];
    const logs: string[] = [];
    const queue = new KeyedWorkQueue(
      async (key) => {
        handled.push(key);
        if (key === 'b') throw new Error('broken');
      },
      (message) => logs.push(message),
      'sla',
    );
    for (const key of ['a', 'b', 'c', 'a']) queue.add(key);
    await queue.idle();
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(logs).toEqual(['sla: b failed']);
  });
});
