// Tests for judging a chat's queued updates as one run.
import { describe, expect, it } from 'vitest';
import type { TgChatUpdate } from '../telegram/telegram.gateway';
import { takeRun } from './pts.run';

const deleted = (pts: number | null, ptsCount: number | null = 1): TgChatUpdate => ({ kind: 'messagesDeleted', chatId: '1', msgIds: [pts ?? 0], pts, ptsCount });
const ptsOf = (updates: TgChatUpdate[]) => updates.map((u) => u.pts);

describe('takeRun', () => {
  it('takes every update that follows on, and ends at the last one’s pts', () => {
    const run = takeRun(10, [deleted(11), deleted(13, 2), deleted(14)]);
    expect(ptsOf(run.apply)).toEqual([11, 13, 14]);
    expect(run).toMatchObject({ pts: 14, catchUpAt: null });
  });

  it('leaves out duplicates, including one repeated inside the run', () => {
    const run = takeRun(10, [deleted(9), deleted(11), deleted(11), deleted(12)]);
    expect(ptsOf(run.apply)).toEqual([11, 12]);
    expect(run.pts).toBe(12);
  });

  it('stops at a gap: what came before is written, the rest waits for the catch-up', () => {
    const run = takeRun(10, [deleted(11), deleted(14), deleted(15)]);
    expect(ptsOf(run.apply)).toEqual([11]);
    expect(run).toMatchObject({ pts: 11, catchUpAt: 1 });
  });

  it('stops at channelTooLong', () => {
    const run = takeRun(10, [deleted(11), { kind: 'channelTooLong', chatId: '1', pts: null }, deleted(12)]);
    expect(run).toMatchObject({ pts: 11, catchUpAt: 1 });
  });

  it('applies updates without a pts where they stand, without moving the pts', () => {
    const run = takeRun(10, [deleted(null, null), deleted(11)]);
    expect(ptsOf(run.apply)).toEqual([null, 11]);
    expect(run.pts).toBe(11);
  });
});
