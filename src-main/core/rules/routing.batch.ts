// Deciding a burst of tickets at once exactly as one after another: every assignment adds to
// its agent's load and moves its rule's round-robin cursor before the next ticket is decided,
// so capacity and rotation hold within the batch (pure; core routing service).
import type { Ticket } from '../../../src-preload/contract';
import { routeTicket, type RouteDecision, type RouteInput } from './routing.decision';
import { loadOf } from './routing.strategies';

/** What one ticket brings to its decision. */
export interface RouteBatchItem {
  ticket: Ticket;
  firstMessagesText: string;
  orderValue: number | null;
}

export type RouteBatchInput = Omit<RouteInput, keyof RouteBatchItem> & { items: readonly RouteBatchItem[] };

/** One decision per item, in order; the input's loads and cursors are left as they were. */
export function routeBatch(input: RouteBatchInput): RouteDecision[] {
  const { items, ...shared } = input;
  const loads: Record<string, number> = { ...shared.loads };
  const cursors: Record<string, string | null> = { ...shared.cursors };
  return items.map((item) => {
    const decision = routeTicket({ ...shared, ...item, loads, cursors });
    if (decision.kind === 'assign') {
      loads[decision.agentId] = loadOf(loads, decision.agentId) + 1;
      if (decision.cursor) cursors[decision.cursor.ruleId] = decision.cursor.value;
    }
    return decision;
  });
}
