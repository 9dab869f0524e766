// Editing an agent's profile: only the fields given change, skills and languages are tidied,
// nothing changed means no write, and the team keeps at least one admin.
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../src-preload/contract';
import { applyAgentUpdate, normaliseLanguage, uniqueWords } from './agent.update';

const agent = (id: string, fields: Partial<Agent> = {}): Agent => ({
  id,
  tgUserId: id.replace('agent:', ''),
  name: `Agent ${id}`,
  role: 'agent',
  skills: ['support'],
  languages: ['en'],
  capacity: 8,
  availability: 'online',
  updatedAt: 1,
  ...fields,
});

describe('applyAgentUpdate', () => {
  it('changes only the fields given and stamps the time', () => {
    const priya = agent('agent:2');
    const outcome = applyAgentUpdate(priya, { capacity: 12, skills: [' billing ', 'Billing', 'refunds', ''] }, [priya], 99);
    expect(outcome).toEqual({ ok: true, changed: true, agent: { ...priya, capacity: 12, skills: ['billing', 'refunds'], updatedAt: 99 } });
  });

  it('reports no change (and keeps the old stamp) when the values are the same', () => {
    const priya = agent('agent:2');
    expect(applyAgentUpdate(priya, { capacity: 8, languages: ['EN'] }, [priya], 99)).toEqual({ ok: true, changed: false, agent: priya });
  });

  it('keeps the last admin an admin, but lets one of two step down', () => {
    const dana = agent('agent:1', { role: 'admin' });
    const priya = agent('agent:2', { role: 'lead' });
    const refused = applyAgentUpdate(dana, { role: 'lead' }, [dana, priya], 99);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/only admin/);
    const other = { ...priya, role: 'admin' as const };
    expect(applyAgentUpdate(dana, { role: 'lead' }, [dana, other], 99)).toMatchObject({ ok: true, agent: { role: 'lead' } });
  });
});

describe('tidying', () => {
  it('dedupes words case-insensitively in first-given order', () => {
    expect(uniqueWords(['Shipping', 'billing', 'SHIPPING', ' '])).toEqual(['Shipping', 'billing']);
  });
  it('writes language tags in their usual spelling', () => {
    expect(['EN', 'pt-br', 'zh-Hant', 'es-419'].map(normaliseLanguage)).toEqual(['en', 'pt-BR', 'zh-Hant', 'es-419']);
  });
});
