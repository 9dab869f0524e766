// Tests for per-chat serial delivery.
import { describe, expect, it } from 'vitest';
import { UpdateLanes } from './update.lanes';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('UpdateLanes', () => {
  it('runs the tasks of one key in order even when earlier ones are slower', async () => {
    const lanes = new UpdateLanes(() => {});
    const seen: number[] = [];
    const delays = [30, 0, 10, 0];
    delays.forEach((delay, i) =>
      lanes.run('chat', async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        seen.push(i);
      }),
    );
    await lanes.idle();
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('does not hold one chat up behind another', async () => {
    const lanes = new UpdateLanes(() => {});
    const seen: string[] = [];
    let release!: () => void;
    void lanes.run('slow', () => new Promise<void>((resolve) => (release = resolve)).then(() => void seen.push('slow')));
    void lanes.run('fast', () => void seen.push('fast'));
    await tick();
    expect(seen).toEqual(['fast']);
    release();
    await lanes.idle();
    expect(seen).toEqual(['fast', 'slow']);
  });

  it('reports a failing task and carries on with the next', async () => {
    const errors: unknown[] = [];
    const lanes = new UpdateLanes((error) => errors.push(error));
    const seen: number[] = [];
    void lanes.run('chat', () => {
      throw new Error('boom');
    });
    void lanes.run('chat', () => void seen.push(2));
    await lanes.idle();
    expect(seen).toEqual([2]);
    expect(errors).toHaveLength(1);
  });

  it('is idle at once when nothing is queued, and waits for tasks queued while draining', async () => {
    const lanes = new UpdateLanes(() => {});
    await lanes.idle();
    const seen: number[] = [];
    void lanes.run('a', async () => {
      await tick();
      void lanes.run('b', () => void seen.push(2));
      seen.push(1);
    });
    await lanes.idle();
    expect(seen).toEqual([1, 2]);
  });
});
