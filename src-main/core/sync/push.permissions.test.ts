// Tests for what the core sends for a role: leads everything; agents what the server's rules let
// them write (cursors, their own agent document, tickets, messages, events); unknown roles everything.
import { describe, expect, it } from 'vitest';
import { isLeadRole, mayPush } from './push.permissions';

const template = { id: 'template:greeting', kind: 'template', updatedAt: 1, data: {} };
const cursor = { id: 'cursor:general', kind: 'cursor', updatedAt: 1, data: {} };

describe('mayPush', () => {
  it('sends everything for leads, admins, server admins, and while the roles are unknown', () => {
    for (const roles of [['lead'], ['admin'], ['_admin'], null]) {
      expect(mayPush({ collection: 'config', doc: template, username: 'lena', roles })).toBe(true);
      expect(mayPush({ collection: 'agents', doc: { id: 'agent:77' }, username: 'lena', roles })).toBe(true);
    }
    expect(isLeadRole(['agent', 'lead'])).toBe(true);
    expect(isLeadRole(['agent'])).toBe(false);
  });

  it('keeps an agent’s lead-only configuration and other agents’ documents on the device', () => {
    const agent = { username: 'tg1001', roles: ['agent'] } as const;
    expect(mayPush({ ...agent, collection: 'config', doc: template })).toBe(false);
    expect(mayPush({ ...agent, collection: 'config', doc: cursor })).toBe(true);
    expect(mayPush({ ...agent, collection: 'config', doc: { id: 'x' } })).toBe(false);
    expect(mayPush({ ...agent, collection: 'agents', doc: { id: 'agent:1001' } })).toBe(true);
    expect(mayPush({ ...agent, collection: 'agents', doc: { id: 'agent:1002' } })).toBe(false);
    expect(mayPush({ collection: 'agents', doc: { id: 'agent:1001' }, username: 'alice', roles: ['agent'] })).toBe(false);
  });

  it('leaves tickets, messages and events to the server’s content rules', () => {
    for (const collection of ['tickets', 'messages', 'events'] as const) {
      expect(mayPush({ collection, doc: { id: 'tg:1:1' }, username: 'tg1001', roles: ['agent'] })).toBe(true);
    }
  });
});
