// Tests for what the status line says about sync.
import { describe, expect, it } from 'vitest';
import { initialSyncFacts, refusalText, rejectionText, syncStatusOf, type SyncFacts } from './sync.status';

const running: SyncFacts = { ...initialSyncFacts, running: true, connection: 'online' };

describe('syncStatusOf', () => {
  it('is off until a server is set, and says why when sync is on but cannot run', () => {
    expect(syncStatusOf(initialSyncFacts)).toEqual({ state: 'off', pending: 0, detail: null });
    expect(syncStatusOf({ ...initialSyncFacts, setupProblem: 'Enter the sync password again.' })).toMatchObject({ state: 'error', detail: 'Enter the sync password again.' });
  });

  it('is syncing while connecting, while active or while anything is pending, then up to date', () => {
    expect(syncStatusOf({ ...running, connection: 'unknown' }).state).toBe('syncing');
    expect(syncStatusOf({ ...running, active: true }).state).toBe('syncing');
    expect(syncStatusOf({ ...running, pending: 2 })).toEqual({ state: 'syncing', pending: 2, detail: null });
    expect(syncStatusOf(running)).toEqual({ state: 'up_to_date', pending: 0, detail: null });
  });

  it('is offline when the server cannot be reached, and counts what waits', () => {
    const status = syncStatusOf({ ...running, connection: 'offline', offlineDetail: 'Cannot reach the sync server (connection refused).', pending: 3, active: true });
    expect(status).toEqual({
      state: 'offline',
      pending: 3,
      detail: 'Cannot reach the sync server (connection refused). 3 changes are kept on this device until it is back.',
    });
    expect(syncStatusOf({ ...running, connection: 'offline', offlineDetail: null, pending: 1 }).detail).toContain('1 change is kept');
  });

  it('shows a refused password or access, and a refused change, as errors before anything else', () => {
    expect(syncStatusOf({ ...running, connection: 'offline', rejection: rejectionText(401, 'Name or password is incorrect.') })).toMatchObject({
      state: 'error',
      detail: 'The sync server refused the password.',
    });
    expect(rejectionText(403, 'You are not a member of td-acme-tickets.')).toBe('The sync server refused access: You are not a member of td-acme-tickets.');
    expect(syncStatusOf({ ...running, refusal: refusalText('A ticket cannot move from in_progress to closed.'), pending: 1 })).toEqual({
      state: 'error',
      pending: 1,
      detail: "The sync server's rules refused a change: A ticket cannot move from in_progress to closed.",
    });
  });
});
