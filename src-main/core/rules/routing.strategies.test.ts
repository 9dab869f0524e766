// Tests for agent choice: availability, capacity, skills, language, round-robin and least-loaded.
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../src-preload/contract';
import { chooseAgent, isAvailable } from './routing.strategies';
import type { ChooseAgentInput } from './routing.strategies';
import { makeAgent } from './rules.fixtures';

const a = makeAgent('agent:a', { skills: ['billing'], languages: ['en', 'de'], capacity: 4 });
const b = makeAgent('agent:b', { skills: ['billing', 'shipping'], languages: ['en'], capacity: 2 });
const c = makeAgent('agent:c', { skills: ['Shipping'], languages: ['fr'], capacity: 10 });
const team = [c, a, b]; // deliberately not in id order

function choose(overrides: Partial<ChooseAgentInput>): ReturnType<typeof chooseAgent> {
  return chooseAgent({ candidates: team, loads: {}, strategy: 'round_robin', cursor: null, ...overrides });
}

describe('availability', () => {
  it('needs online and a free slot', () => {
    expect(isAvailable(a, { 'agent:a': 3 })).toBe(true);
    expect(isAvailable(a, { 'agent:a': 4 })).toBe(false);
    expect(isAvailable({ ...a, availability: 'away' }, {})).toBe(false);
    expect(isAvailable({ ...a, availability: 'busy' }, {})).toBe(false);
    expect(isAvailable({ ...a, availability: 'offline' }, {})).toBe(false);
    expect(isAvailable({ ...a, capacity: 0 }, {})).toBe(false);
  });
});

describe('round robin', () => {
  it('rotates in id order and wraps around', () => {
    const first = choose({});
    expect(first).toEqual({ agentId: 'agent:a', nextCursor: 'agent:a', reason: 'round_robin', languageFallback: false });
    const picks: Array<string | null> = [];
    let cursor: string | null = null;
    for (let i = 0; i < 6; i++) {
      const r = choose({ cursor });
      picks.push(r.agentId);
      cursor = r.nextCursor;
    }
    expect(picks).toEqual(['agent:a', 'agent:b', 'agent:c', 'agent:a', 'agent:b', 'agent:c']);
  });

  it('skips unavailable agents and still moves the cursor past them', () => {
    const loads = { 'agent:b': 2 }; // b is full
    expect(choose({ cursor: 'agent:a', loads })).toMatchObject({ agentId: 'agent:c', nextCursor: 'agent:c' });
    const away = [a, { ...b, availability: 'away' as const }, c];
    expect(choose({ candidates: away, cursor: 'agent:a' }).agentId).toBe('agent:c');
    expect(choose({ candidates: away, cursor: 'agent:c' }).agentId).toBe('agent:a');
  });

  it('keeps rotating when the cursor agent has left the team', () => {
    expect(choose({ candidates: [a, c], cursor: 'agent:b' }).agentId).toBe('agent:c');
    expect(choose({ candidates: [a, b], cursor: 'agent:zzz' }).agentId).toBe('agent:a');
  });
});

describe('least loaded', () => {
  it('takes the lowest load-to-capacity ratio', () => {
    // a: 2/4 = 0.5, b: 1/2 = 0.5, c: 6/10 = 0.6 → tie a/b broken by fewer open tickets → b
    const r = choose({ strategy: 'least_loaded', loads: { 'agent:a': 2, 'agent:b': 1, 'agent:c': 6 }, cursor: 'agent:x' });
    expect(r).toEqual({ agentId: 'agent:b', nextCursor: 'agent:x', reason: 'least_loaded', languageFallback: false });
    expect(choose({ strategy: 'least_loaded', loads: { 'agent:a': 3, 'agent:b': 1, 'agent:c': 1 } }).agentId).toBe('agent:c');
  });

  it('breaks full ties by id, whatever the input order', () => {
    const same = [makeAgent('agent:y'), makeAgent('agent:x'), makeAgent('agent:z')];
    expect(choose({ candidates: same, strategy: 'least_loaded' }).agentId).toBe('agent:x');
    expect(choose({ candidates: [...same].reverse(), strategy: 'least_loaded' }).agentId).toBe('agent:x');
  });

  it('never picks an agent at capacity even when it has the lowest load', () => {
    const tiny = makeAgent('agent:tiny', { capacity: 1 });
    const big = makeAgent('agent:big', { capacity: 100 });
    expect(choose({ candidates: [tiny, big], strategy: 'least_loaded', loads: { 'agent:tiny': 1, 'agent:big': 50 } }).agentId).toBe(
      'agent:big',
    );
  });

  it('treats missing, negative or broken loads as zero', () => {
    const r = choose({ strategy: 'least_loaded', loads: { 'agent:a': Number.NaN, 'agent:b': -3, 'agent:c': 0 } });
    expect(r.agentId).toBe('agent:a');
  });
});

describe('skills and language', () => {
  it('limits to agents with the skill (case-insensitive)', () => {
    expect(choose({ requiredSkill: 'shipping' }).agentId).toBe('agent:b');
    expect(choose({ requiredSkill: 'shipping', cursor: 'agent:b' }).agentId).toBe('agent:c');
  });

  it('prefers agents who speak the customer language, else falls back and says so', () => {
    expect(choose({ language: 'fr' })).toMatchObject({ agentId: 'agent:c', languageFallback: false });
    expect(choose({ language: 'de-AT', strategy: 'least_loaded' })).toMatchObject({ agentId: 'agent:a', languageFallback: false });
    expect(choose({ language: 'ja' })).toMatchObject({ agentId: 'agent:a', languageFallback: true });
    expect(choose({ language: 'fr', requiredSkill: 'billing' })).toMatchObject({ agentId: 'agent:a', languageFallback: true });
  });

  it('honours exclusions', () => {
    expect(choose({ exclude: ['agent:a'] }).agentId).toBe('agent:b');
  });
});

describe('nobody to take it', () => {
  it('says why, and leaves the cursor where it was', () => {
    const cases: Array<[Partial<ChooseAgentInput>, string]> = [
      [{ candidates: [] }, 'no_candidates'],
      [{ exclude: team.map((x) => x.id) }, 'no_candidates'],
      [{ requiredSkill: 'legal' }, 'no_skill_match'],
      [{ candidates: team.map((x): Agent => ({ ...x, availability: 'offline' })) }, 'none_online'],
      [{ loads: { 'agent:a': 4, 'agent:b': 2, 'agent:c': 10 } }, 'all_at_capacity'],
      [{ loads: { 'agent:a': 9, 'agent:b': 9, 'agent:c': 99 }, strategy: 'least_loaded' }, 'all_at_capacity'],
    ];
    for (const [input, reason] of cases) {
      expect(choose({ cursor: 'agent:b', ...input })).toEqual({ agentId: null, nextCursor: 'agent:b', reason, languageFallback: false });
    }
  });
});
