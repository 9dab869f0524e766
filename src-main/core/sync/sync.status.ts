// What the status line says about sync, from what the sync service knows. Pure; core only.
import type { AppStatus } from '../../../src-preload/contract';

export type SyncStatus = AppStatus['sync'];

export interface SyncFacts {
  /** A server, user and password are set and replication runs. */
  running: boolean;
  /** Why sync cannot run although it is switched on (e.g. the password was not kept), or null. */
  setupProblem: string | null;
  /** Whether the last request got an answer: unknown until the first one completes. */
  connection: 'unknown' | 'online' | 'offline';
  offlineDetail: string | null;
  /** The server refused the password or access, until a later request succeeds. */
  rejection: string | null;
  /** The server's rules refused a change; shown until the person syncs again or reconfigures. */
  refusal: string | null;
  /** Some collection is pushing or pulling right now. */
  active: boolean;
  /** Local changes the server does not have yet. */
  pending: number;
}

export const initialSyncFacts: SyncFacts = {
  running: false,
  setupProblem: null,
  connection: 'unknown',
  offlineDetail: null,
  rejection: null,
  refusal: null,
  active: false,
  pending: 0,
};

export function syncStatusOf(facts: SyncFacts): SyncStatus {
  const { pending } = facts;
  if (facts.setupProblem) return { state: 'error', pending, detail: facts.setupProblem };
  if (!facts.running) return { state: 'off', pending: 0, detail: null };
  if (facts.rejection) return { state: 'error', pending, detail: facts.rejection };
  if (facts.refusal) return { state: 'error', pending, detail: facts.refusal };
  if (facts.connection === 'offline') {
    const kept = pending > 0 ? ` ${pending} change${pending === 1 ? ' is' : 's are'} kept on this device until it is back.` : '';
    return { state: 'offline', pending, detail: `${facts.offlineDetail ?? 'Cannot reach the sync server.'}${kept}` };
  }
  if (facts.connection === 'unknown' || facts.active || pending > 0) return { state: 'syncing', pending, detail: null };
  return { state: 'up_to_date', pending: 0, detail: null };
}

export function rejectionText(status: 401 | 403, reason: string): string {
  return status === 401 ? 'The sync server refused the password.' : `The sync server refused access: ${reason}`;
}

export function refusalText(reason: string): string {
  return `The sync server's rules refused a change: ${reason}`;
}
