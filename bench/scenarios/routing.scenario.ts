// routing.decisions_per_s: the core's RoutingService (src-main/core/automation/routing.service.ts) deciding
// and writing (claim first-claim-wins, queue, activity, round-robin cursor) for a burst of new unassigned
// tickets on DenoKV with 50 agents and four rules; routing.pure_decisions_per_s: the pure `routeTicket` over
// the same tickets, agents and rules in the same run, the limit without I/O. Bench only.
import { join } from 'node:path';
import type { Agent, Ticket } from '../../src-preload/contract';
import type { RoutingRule } from '../../src-preload/contract/config.contract';
import { AgentLoads } from '../../src-main/core/automation/agent.loads';
import { AgentsRoster } from '../../src-main/core/automation/agents.roster';
import { ConfigStore } from '../../src-main/core/automation/config.store';
import { defaultOrderContext, FIRST_MESSAGES, ROUTING_BATCH, RoutingService } from '../../src-main/core/automation/routing.service';
import { openDatabase, type TopicdeskDatabase } from '../../src-main/core/db/database';
import type { MessageDoc } from '../../src-main/core/db/schemas/messages.schema';
import { routeTicket } from '../../src-main/core/rules/routing.decision';
import { InboxIndex } from '../../src-main/core/tickets/inbox.index';
import type { Scenario, Trial } from '../scenario';
import { cleanup } from '../support/cleanup.registry';
import { makeTempDir, removeDir } from '../support/temp.dirs';
import { benchAgents, benchMessages, benchTicket } from '../support/workspace.fixture';

const AGENTS = 50;
const SIZES = { full: 20_000, quick: 1_000, warmup: 300 } as const;
/** Documents per bulk write: more overflow @deno/kv's 1,000 mutations per commit (see workspace.dataset.ts). */
const CHUNK = 100;

export const BENCH_RULES: Omit<RoutingRule, 'updatedAt'>[] = [
  { id: 'refunds', name: 'Refunds', order: 1, enabled: true, conditions: [{ kind: 'keywords', any: ['refund', 'chargeback'] }], target: { kind: 'skill', skill: 'refunds' }, strategy: 'least_loaded' },
  { id: 'vip', name: 'VIP customers', order: 2, enabled: true, conditions: [{ kind: 'tier', in: ['vip'] }], target: { kind: 'skill', skill: 'billing' }, strategy: 'least_loaded' },
  { id: 'de-ja', name: 'German and Japanese', order: 3, enabled: true, conditions: [{ kind: 'language', in: ['de', 'ja'] }], target: { kind: 'skill', skill: 'technical' }, strategy: 'round_robin' },
  { id: 'rest', name: 'Everything else', order: 4, enabled: true, conditions: [], target: { kind: 'skill', skill: 'shipping' }, strategy: 'round_robin' },
];

/** New, unassigned tickets (the fixture's, reopened) with their first customer message each. */
export function routableTickets(count: number, offset: number, now: number): { tickets: Ticket[]; messages: MessageDoc[] } {
  const size = { tickets: count, messagesPerTicket: 1, agents: AGENTS };
  const tickets = Array.from({ length: count }, (_, k) => {
    const base = benchTicket(offset + k, size, now);
    return { ...base, status: 'open' as const, assigneeId: null, firstResponseAt: null, resolvedAt: null, closedAt: null, lastAgentAt: null, fieldTimes: {} };
  });
  return { tickets, messages: tickets.flatMap((t) => benchMessages(t, 1)) };
}

async function insertChunked<T>(insert: (docs: T[]) => Promise<unknown>, docs: readonly T[]): Promise<void> {
  for (let at = 0; at < docs.length; at += CHUNK) await insert(docs.slice(at, at + CHUNK));
}

/** `routeTicket` over the tickets with the loads and cursors moving as the decisions are made. */
export function pureDecisionsPerSecond(tickets: readonly Ticket[], agents: readonly Agent[], rules: readonly RoutingRule[], texts: Map<string, string>): number {
  const loads: Record<string, number> = {};
  const cursors: Record<string, string | null> = {};
  const settings = { fallbackQueue: 'general', unassignedFlagMins: 30, autoCloseResolvedAfterMins: 4320 };
  const started = performance.now();
  for (const ticket of tickets) {
    const decision = routeTicket({ ticket, firstMessagesText: texts.get(ticket.id) ?? '', orderValue: null, rules, agents, loads, cursors, settings, now: Date.now() });
    if (decision.kind === 'assign') {
      loads[decision.agentId] = (loads[decision.agentId] ?? 0) + 1;
      if (decision.cursor) cursors[decision.cursor.ruleId] = decision.cursor.value;
    }
  }
  return tickets.length / ((performance.now() - started) / 1000);
}

interface RoutingRun {
  serviceRate: number;
  pureRate: number;
  assigned: number;
  errors: number;
}

async function routeOnce(db: TopicdeskDatabase, config: ConfigStore, agents: AgentsRoster, count: number, offset: number): Promise<RoutingRun> {
  const now = Date.now();
  const { tickets, messages } = routableTickets(count, offset, now);
  await insertChunked((docs) => db.messages.bulkInsert(docs), messages);
  await insertChunked((docs) => db.tickets.bulkInsert(docs), tickets);
  let errors = 0;
  const log = () => void errors++;
  const inbox = new InboxIndex();
  await inbox.load(db);
  const loads = new AgentLoads();
  loads.load(inbox.all());
  const routing = new RoutingService({ db, inbox, config, agents, loads, clock: Date.now, me: () => null, log, orderContext: defaultOrderContext });
  // As createAutomation wires it: the inbox (subscribed first) has the change when routing sees it.
  const subscription = db.tickets.$.subscribe((event) => {
    if (event.operation === 'DELETE') return;
    const { _meta, _rev, _attachments, _deleted, ...ticket } = event.documentData as Ticket & Record<string, unknown>;
    loads.apply(ticket);
    routing.onTicket(ticket);
  });
  try {
    const fresh = new Set(tickets.map((t) => t.id));
    const started = performance.now();
    // What createAutomation does at start for every ticket (load() in earlier versions of the service).
    for (const ticket of inbox.all()) if (fresh.has(ticket.id)) routing.onTicket(ticket);
    await routing.work.idle();
    const serviceRate = count / ((performance.now() - started) / 1000);
    const assigned = [...inbox.all()].filter((t) => fresh.has(t.id) && t.assigneeId !== null).length;
    const texts = new Map(messages.map((m) => [m.ticketId, m.text]));
    const pureRate = pureDecisionsPerSecond(tickets, agents.list, config.list('routingRules'), texts);
    subscription.unsubscribe();
    // Untimed: the run's tickets are done, so the next run finds the agents' capacity free again
    // (45 online agents × 1,000 hold two full runs of 20,000, not three).
    const done = [...inbox.all()].filter((t) => fresh.has(t.id)).map((t) => ({ ...t, status: 'resolved' as const, resolvedAt: Date.now() }));
    await insertChunked((docs) => db.tickets.bulkUpsert(docs), done);
    return { serviceRate, pureRate, assigned, errors };
  } finally {
    subscription.unsubscribe();
    await routing.work.stop();
    inbox.dispose();
  }
}

export const routingScenario: Scenario = {
  id: 'routing',
  figures: [
    { name: 'routing.decisions_per_s', unit: 'tickets/s', better: 'higher', reference: 'routing.pure_decisions_per_s' },
    { name: 'routing.pure_decisions_per_s', unit: 'tickets/s', better: 'higher' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 3 } },
  async setup(context): Promise<Trial> {
    const dir = makeTempDir('routing', context.tmpRoot);
    const db = await openDatabase({ workspace: 'bench-routing', storage: { kind: 'denokv', dataDir: join(dir, 'core') } });
    const forgetDb = cleanup.add(async () => {
      await db.close();
    });
    const config = new ConfigStore({ db, clock: Date.now, log: () => {} });
    await config.start();
    const agents = new AgentsRoster();
    await agents.start(db, () => {});
    await db.agents.bulkInsert(benchAgents(AGENTS, Date.now()));
    for (const rule of BENCH_RULES) await config.save('routingRules', rule);
    let offset = 0;
    let last: RoutingRun | null = null;
    return {
      async measure({ warmup }) {
        const count = warmup ? SIZES.warmup : SIZES[context.mode];
        const run = await routeOnce(db, config, agents, count, offset);
        offset += count;
        last = run;
        if (run.errors > 0) throw new Error(`routing logged ${run.errors} errors`);
        if (run.assigned < count * 0.9) throw new Error(`only ${run.assigned} of ${count} tickets were assigned`);
        return { 'routing.decisions_per_s': run.serviceRate, 'routing.pure_decisions_per_s': run.pureRate };
      },
      notes: () => [
        `RoutingService alone (not the whole automation) on DenoKV: ${SIZES[context.mode]} new unassigned tickets per run, ${AGENTS} agents, ${BENCH_RULES.length} rules (keywords read the first ${FIRST_MESSAGES} customer messages from storage), decided and written in batches of up to ${ROUTING_BATCH} as they wait in its queue, each run adding tickets to the same database;`,
        `${last ? `${last.assigned} tickets assigned in the last run.` : ''}`,
      ],
      async dispose() {
        agents.dispose();
        config.dispose();
        forgetDb();
        await db.close();
        removeDir(dir);
      },
    };
  },
};
