// When the outbox tries a reply again: pure, so the schedule is tested without timers.

export type SendFailure =
  /** Try again later: after `afterMs` when the server said how long (flood wait), else backoff. */
  | { kind: 'retry'; reason: string; afterMs: number | null }
  /** Will not succeed as it is (no rights, topic closed): the agent must act. */
  | { kind: 'permanent'; reason: string };

const BASE_MS = 2_000;
const MAX_MS = 5 * 60_000;

/** Exponential backoff with a ceiling; `attempts` counts the tries that already failed. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function retryAt(failure: Extract<SendFailure, { kind: 'retry' }>, attempts: number, now: number): number {
  return now + (failure.afterMs ?? backoffMs(attempts));
}
