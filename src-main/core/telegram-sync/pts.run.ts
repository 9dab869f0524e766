// Judges a chat's queued live updates in order against the stored pts (Telegram's rule, in
// pts.rules.ts) and finds the run that can be written as one batch: everything up to the
// first update that needs a catch-up first. Pure; runs in the main process.
import { checkPts } from '../telegram/pts.rules';
import type { TgChatUpdate } from '../telegram/telegram.gateway';

export interface PtsRun {
  /** The updates to write, in order; duplicates (already applied) are left out. */
  apply: TgChatUpdate[];
  /** The pts once `apply` is written. */
  pts: number;
  /**
   * Index (in the judged list) of the update that needs getChannelDifference before anything
   * after it is judged: a gap, or channelTooLong. Null when every update was judged.
   */
  catchUpAt: number | null;
}

export function takeRun(localPts: number, updates: readonly TgChatUpdate[]): PtsRun {
  const apply: TgChatUpdate[] = [];
  let pts = localPts;
  for (const [index, update] of updates.entries()) {
    if (update.kind === 'channelTooLong') return { apply, pts, catchUpAt: index };
    if (update.pts !== null && update.ptsCount !== null) {
      const verdict = checkPts(pts, { pts: update.pts, ptsCount: update.ptsCount });
      if (verdict === 'duplicate') continue;
      if (verdict === 'gap') return { apply, pts, catchUpAt: index };
      pts = update.pts;
    }
    apply.push(update);
  }
  return { apply, pts, catchUpAt: null };
}
