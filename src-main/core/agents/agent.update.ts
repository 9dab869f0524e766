// What an agent's profile becomes after an edit in Settings, and the one team rule it must
// keep: somebody can still administer the team. Pure; main process (agents service).
import type { Agent } from '../../../src-preload/contract';

export interface AgentPatch {
  name?: string | undefined;
  role?: Agent['role'] | undefined;
  capacity?: number | undefined;
  skills?: string[] | undefined;
  languages?: string[] | undefined;
  availability?: Agent['availability'] | undefined;
}

export type AgentUpdateOutcome = { ok: true; agent: Agent; changed: boolean } | { ok: false; reason: string };

/** Same word once, in the order first given: `Billing, billing` is one skill. */
export function uniqueWords(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** Language tags compare case-insensitively; keep them in their usual spelling (`pt-BR`). */
export function normaliseLanguage(tag: string): string {
  const [language = '', ...rest] = tag.trim().split('-');
  return [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

export function applyAgentUpdate(agent: Agent, patch: AgentPatch, team: readonly Agent[], now: number): AgentUpdateOutcome {
  const next: Agent = {
    ...agent,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    ...(patch.skills !== undefined ? { skills: uniqueWords(patch.skills) } : {}),
    ...(patch.languages !== undefined ? { languages: uniqueWords(patch.languages.map(normaliseLanguage)) } : {}),
    ...(patch.availability !== undefined ? { availability: patch.availability } : {}),
  };
  if (agent.role === 'admin' && next.role !== 'admin' && !team.some((a) => a.id !== agent.id && a.role === 'admin')) {
    return { ok: false, reason: `${agent.name} is the team's only admin: make someone else admin first.` };
  }
  const changed = JSON.stringify({ ...next, updatedAt: 0 }) !== JSON.stringify({ ...agent, updatedAt: 0 });
  return { ok: true, agent: changed ? { ...next, updatedAt: now } : agent, changed };
}
