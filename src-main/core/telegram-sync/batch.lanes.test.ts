// Tests for per-chat batching of queued updates.
import { describe, expect, it } from 'vitest';
import { BatchLanes } from './batch.lanes';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BatchLanes', () => {
  it('takes everything queued in one turn as one batch, and what arrives meanwhile as the next', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const lanes = new BatchLanes<number>(
      async (_key, batch) => {
        batches.push(batch);
        if (batches.length === 1) await gate.promise;
      },
      { maxBatch: 100, onError: () => {} },
    );
    lanes.push('chat', 1);
    lanes.push('chat', 2);
    await Promise.resolve();
    await Promise.resolve();
    for (let i = 3; i <= 10; i++) lanes.push('chat', i);
    gate.resolve();
    await lanes.idle();
    expect(batches).toEqual([[1, 2], [3, 4, 5, 6, 7, 8, 9, 10]]);
  });

  it('never takes more than maxBatch at once, and keeps the order', async () => {
    const batches: number[][] = [];
    const lanes = new BatchLanes<number>(async (_key, batch) => void batches.push(batch), { maxBatch: 3, onError: () => {} });
    for (let i = 1; i <= 7; i++) lanes.push('chat', i);
    await lanes.idle();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('does not hold one chat up behind another', async () => {
    const seen: string[] = [];
    const gate = deferred();
    const lanes = new BatchLanes<string>(
      async (key) => {
        if (key === 'slow') await gate.promise;
        seen.push(key);
      },
      { maxBatch: 10, onError: () => {} },
    );
    lanes.push('slow', 'a');
    lanes.push('fast', 'b');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['fast']);
    gate.resolve();
    await lanes.idle();
    expect(seen).toEqual(['fast', 'slow']);
  });

  it('reports a failing batch and carries on with the next', async () => {
    const errors: unknown[] = [];
    const seen: number[][] = [];
    const lanes = new BatchLanes<number>(
      async (_key, batch) => {
        if (batch.includes(1)) throw new Error('boom');
        seen.push(batch);
      },
      { maxBatch: 1, onError: (error) => errors.push(error) },
    );
    lanes.push('chat', 1);
    lanes.push('chat', 2);
    await lanes.idle();
    expect(seen).toEqual([[2]]);
    expect(errors).toHaveLength(1);
  });

  it('drops what is queued but not taken when cleared; the running batch finishes', async () => {
    const seen: number[][] = [];
    const gate = deferred();
    const lanes = new BatchLanes<number>(
      async (_key, batch) => {
        await gate.promise;
        seen.push(batch);
      },
      { maxBatch: 1, onError: () => {} },
    );
    lanes.push('chat', 1);
    lanes.push('chat', 2);
    await Promise.resolve();
    await Promise.resolve();
    lanes.clear();
    gate.resolve();
    await lanes.idle();
    expect(seen).toEqual([[1]]);
    lanes.push('chat', 3);
    await lanes.idle();
    expect(seen).toEqual([[1], [3]]);
  });
});
