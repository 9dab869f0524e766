// Sync user management over HTTP against the embedded server: add, update, list, remove, and
// that the users then (cannot) sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './sync.testkit';
import { listUsers, putUser, removeUser, validateNewUser } from './users';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.cleanup();
});

describe('users', () => {
  it('adds a user who can then sign in with their roles', async () => {
    expect(await putUser(t.admin, { name: 'tg555', password: 'first-password', roles: ['agent'] })).toEqual({ created: true });
    const session = await t.as('tg555', 'first-password').request('GET', '_session');
    expect(session.body).toMatchObject({ userCtx: { name: 'tg555', roles: ['agent'] } });
  });

  it('updates password and roles of an existing user', async () => {
    expect(await putUser(t.admin, { name: 'tg555', password: 'second-password', roles: ['agent', 'lead'] })).toEqual({ created: false });
    expect((await t.as('tg555', 'first-password').request('GET', '_session')).status).toBe(401);
    const session = await t.as('tg555', 'second-password').request('GET', '_session');
    expect(session.body).toMatchObject({ userCtx: { roles: ['agent', 'lead'] } });
  });

  it('lists users with the agent they stand for', async () => {
    await putUser(t.admin, { name: 'lena', password: 'lead-password', roles: ['lead'] });
    expect(await listUsers(t.admin)).toEqual([
      { name: 'lena', roles: ['lead'], tgUserId: null },
      { name: 'tg555', roles: ['agent', 'lead'], tgUserId: '555' },
    ]);
  });

  it('removes a user, who can no longer sign in', async () => {
    expect(await removeUser(t.admin, 'tg555')).toBe(true);
    expect(await removeUser(t.admin, 'tg555')).toBe(false);
    expect((await t.as('tg555', 'second-password').request('GET', '_session')).status).toBe(401);
    expect((await listUsers(t.admin)).map((user) => user.name)).toEqual(['lena']);
  });

  it('is for server admins only', async () => {
    await expect(putUser(t.as('lena', 'lead-password'), { name: 'tg9', password: 'password-9', roles: ['admin'] })).rejects.toThrow(/403/);
    await expect(listUsers(t.as('lena', 'lead-password'))).rejects.toThrow(/403/);
  });

  it('checks names, passwords and roles before calling the server', () => {
    expect(() => validateNewUser({ name: 'bad name', password: 'password-1', roles: ['agent'] })).toThrow(/user name/);
    expect(() => validateNewUser({ name: 'tg1', password: 'short', roles: ['agent'] })).toThrow(/8 characters/);
    expect(() => validateNewUser({ name: 'tg1', password: 'password-1', roles: [] })).toThrow(/needs a role/);
  });
});
