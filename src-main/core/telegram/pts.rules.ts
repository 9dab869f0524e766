// Whether a channel update fits the pts the core has stored for that channel (Telegram's
// rule for channel updates). Pure; used by the core's ingest, runs anywhere.

export type PtsVerdict = 'apply' | 'duplicate' | 'gap';

export interface PtsStep {
  pts: number;
  ptsCount: number;
}

/**
 * `apply`: the update follows on exactly. `duplicate`: already applied (the update ends
 * at or before what is stored), ignore it. `gap`: updates are missing in between; fetch
 * the channel difference from `localPts` before applying anything newer.
 */
export function checkPts(localPts: number, step: PtsStep): PtsVerdict {
  const expected = localPts + step.ptsCount;
  if (expected === step.pts) return 'apply';
  return expected > step.pts ? 'duplicate' : 'gap';
}

/** The pts to store after handling an update with this verdict. */
export function ptsAfter(localPts: number, step: PtsStep, verdict: PtsVerdict): number {
  return verdict === 'apply' ? step.pts : localPts;
}
