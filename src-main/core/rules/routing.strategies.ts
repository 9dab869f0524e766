// Choosing an agent for a ticket: round-robin or least-loaded among available agents with the
// right skill and language (pure; core routing service and escalation reassigns).
import type { Agent } from '../../../src-preload/contract';
import type { RoutingStrategy } from '../../../src-preload/contract/config.contract';

export interface ChooseAgentInput {
  candidates: readonly Agent[];
  /** Open tickets per agent id (missing = 0). */
  loads: Readonly<Record<string, number>>;
  strategy: RoutingStrategy;
  /**
   * Round-robin position: the id of the agent chosen last time (null to start). An id rather
   * than an index so the rotation survives agents being added, removed or reordered.
   */
  cursor: string | null;
  requiredSkill?: string;
  /** The customer's language: agents who speak it are preferred, others used only if none can. */
  language?: string | null;
  /** Agents who must not get it (e.g. the current assignee on an escalation). */
  exclude?: readonly string[];
}

export type ChooseReason =
  | 'round_robin'
  | 'least_loaded'
  | 'no_candidates'
  | 'no_skill_match'
  | 'none_online'
  | 'all_at_capacity';

export interface ChooseAgentResult {
  agentId: string | null;
  /** Store this for the next call (unchanged unless round-robin picked someone). */
  nextCursor: string | null;
  reason: ChooseReason;
  /** True when nobody available spoke the customer's language and another agent was taken. */
  languageFallback: boolean;
}

const byId = (a: Agent, b: Agent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function hasSkill(agent: Agent, skill: string): boolean {
  const want = skill.toLowerCase();
  return agent.skills.some((s) => s.toLowerCase() === want);
}

/** Same primary language ('de' and 'de-AT' count as the same language for a person). */
export function speaks(agent: Agent, language: string): boolean {
  const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  const want = primary(language);
  return want !== '' && agent.languages.some((l) => primary(l) === want);
}

export function loadOf(loads: Readonly<Record<string, number>>, agentId: string): number {
  const load = loads[agentId];
  return load !== undefined && Number.isFinite(load) && load > 0 ? load : 0;
}

/** Online and below capacity (a capacity of 0 takes nothing). */
export function isAvailable(agent: Agent, loads: Readonly<Record<string, number>>): boolean {
  return agent.availability === 'online' && loadOf(loads, agent.id) < agent.capacity;
}

function roundRobin(pool: readonly Agent[], cursor: string | null): Agent | undefined {
  // The pool is in id order: take the first id after the cursor, wrapping around.
  return (cursor === null ? undefined : pool.find((a) => a.id > cursor)) ?? pool[0];
}

function leastLoaded(pool: readonly Agent[], loads: Readonly<Record<string, number>>): Agent | undefined {
  let best: Agent | undefined;
  let bestRatio = Infinity;
  for (const agent of pool) {
    const ratio = loadOf(loads, agent.id) / agent.capacity;
    // Ties: fewer open tickets, then id (pool order), so every app picks the same agent.
    if (ratio < bestRatio || (ratio === bestRatio && best && loadOf(loads, agent.id) < loadOf(loads, best.id))) {
      best = agent;
      bestRatio = ratio;
    }
  }
  return best;
}

export function chooseAgent(input: ChooseAgentInput): ChooseAgentResult {
  const { loads, strategy, cursor, requiredSkill, language } = input;
  const excluded = new Set(input.exclude ?? []);
  const none = (reason: ChooseReason): ChooseAgentResult => ({ agentId: null, nextCursor: cursor, reason, languageFallback: false });

  const candidates = input.candidates.filter((a) => !excluded.has(a.id)).sort(byId);
  if (candidates.length === 0) return none('no_candidates');
  const skilled = requiredSkill === undefined ? candidates : candidates.filter((a) => hasSkill(a, requiredSkill));
  if (skilled.length === 0) return none('no_skill_match');
  const online = skilled.filter((a) => a.availability === 'online');
  if (online.length === 0) return none('none_online');
  const available = online.filter((a) => isAvailable(a, loads));
  if (available.length === 0) return none('all_at_capacity');

  const speakers = language ? available.filter((a) => speaks(a, language)) : available;
  const languageFallback = speakers.length === 0;
  const pool = languageFallback ? available : speakers;
  const chosen = strategy === 'round_robin' ? roundRobin(pool, cursor) : leastLoaded(pool, loads);
  if (!chosen) return none('all_at_capacity');
  return {
    agentId: chosen.id,
    nextCursor: strategy === 'round_robin' ? chosen.id : cursor,
    reason: strategy,
    languageFallback,
  };
}
