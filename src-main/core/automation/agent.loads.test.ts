// Tests for AgentLoads: open tickets counted per agent from ticket states, and a load that also
// counts claims about to be written without counting a stored one twice.
import { describe, expect, it } from 'vitest';
import { AgentLoads } from './agent.loads';

describe('AgentLoads', () => {
  it('counts open assigned tickets and moves them as tickets change', () => {
    const loads = new AgentLoads();
    loads.load([
      { id: 't1', status: 'open', assigneeId: 'a' },
      { id: 't2', status: 'resolved', assigneeId: 'a' },
      { id: 't3', status: 'open', assigneeId: 'b' },
    ]);
    expect(loads.all).toEqual({ a: 1, b: 1 });
    loads.apply({ id: 't3', status: 'open', assigneeId: 'a' });
    loads.remove('t1');
    expect(loads.all).toEqual({ a: 1 });
  });

  it('adds claims not stored yet to an agent’s load, each ticket once', () => {
    const loads = new AgentLoads();
    loads.apply({ id: 't1', status: 'open', assigneeId: 'a' });
    const claims = new Map([
      ['t1', 'a'], // stored already: counted by the change stream
      ['t2', 'a'],
      ['t3', 'b'],
    ]);
    expect(loads.ofWith('a', claims)).toBe(2);
    expect(loads.ofWith('b', claims)).toBe(1);
    expect(loads.ofWith('c', claims)).toBe(0);
    loads.apply({ id: 't2', status: 'open', assigneeId: 'a' });
    expect(loads.ofWith('a', claims)).toBe(2);
  });
});
