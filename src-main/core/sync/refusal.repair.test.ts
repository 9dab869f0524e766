// Tests for what a refused document becomes on this device: a ticket's first refusal merges with
// the server's copy (legal status, this agent's other changes kept); otherwise the server's copy.
import { describe, expect, it } from 'vitest';
import { makeTicket } from '../rules/rules.fixtures';
import { canTransition } from '../rules/status.transitions';
import { repairedDocument } from './refusal.repair';

const server = { ...makeTicket({ status: 'in_progress', priority: 'normal', fieldTimes: { status: 10 } }), _rev: '3-abc', _deleted: false };
// Offline: resolved, then closed, and a new priority; pushed as one in_progress → closed jump.
const mine = makeTicket({ status: 'closed', resolvedAt: 20, closedAt: 30, priority: 'urgent', fieldTimes: { status: 30, resolvedAt: 30, closedAt: 30, priority: 25 } });

describe('repairedDocument', () => {
  it('merges a refused ticket with the server’s copy the first time: the server’s status, my other changes', () => {
    const repaired = repairedDocument('tickets', { ...mine, _meta: { lwt: 1 } }, server, 1);
    expect(repaired).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null, priority: 'urgent' });
    expect(canTransition('in_progress', repaired.status as 'in_progress')).toBe(true);
    expect(Object.keys(repaired).filter((key) => key.startsWith('_'))).toEqual([]);
  });

  it('falls back to the server’s copy when the merge was refused too', () => {
    const repaired = repairedDocument('tickets', mine, server, 2);
    expect(repaired).toMatchObject({ status: 'in_progress', priority: 'normal' });
    expect(repaired).not.toHaveProperty('_rev');
  });

  it('puts the server’s copy back for every other collection', () => {
    const lead = { id: 'template:greet', kind: 'template', updatedAt: 5, data: { body: 'Hello {{customer.first_name}}' }, _rev: '1-x', _deleted: false };
    const agentsEdit = { ...lead, updatedAt: 9, data: { body: 'Yo' } };
    expect(repairedDocument('config', agentsEdit, lead, 1)).toEqual({ id: 'template:greet', kind: 'template', updatedAt: 5, data: { body: 'Hello {{customer.first_name}}' } });
  });
});
