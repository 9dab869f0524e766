// A team server with a workspace on it for the sync scenarios: the server process, member users, and the
// workspace fixture's tickets, messages and agents written into its databases. Bench only.
import { join } from 'node:path';
import type { SharedCollection } from '../../src-main/core/db/database';
import { workspaceDatabaseName } from '../../src-main/core/sync/sync.url';
import { addSyncUser, moveDesignDocLast, seedDatabase, startSyncServerProcess, type SyncServerProcess } from './sync-server.process';
import { benchAgents, benchMessages, benchTicket } from './workspace.fixture';

export const SYNC_WORKSPACE = 'bench';

export interface SyncWorkspace {
  server: SyncServerProcess;
  users: { name: string; password: string }[];
  /** Documents per collection on the server (design documents not counted). */
  counts: Partial<Record<SharedCollection, number>>;
  /** The ids of those documents, per collection. */
  ids: Partial<Record<SharedCollection, Set<string>>>;
  total: number;
  /** Rewrites every seeded database's design document so it is the newest change (see moveDesignDocLast). */
  designDocsLast(): Promise<void>;
}

/**
 * Starts the server in `dir` and writes about `docs` documents: a tenth tickets, the rest their messages (or
 * `messagesPerTicket` each), 50 agents.
 */
export async function startSyncWorkspace(repoRoot: string, dir: string, docs: number, userCount: number, messagesPerTicket = 9): Promise<SyncWorkspace> {
  const server = await startSyncServerProcess(repoRoot, join(dir, 'server'));
  const users = [];
  for (let i = 1; i <= userCount; i++) users.push(await addSyncUser(server.url, `bench-lead-${i}`, ['lead']));
  const seeder = users[0];
  if (!seeder) throw new Error('need at least one user');
  const ticketCount = Math.max(1, Math.round(docs / (messagesPerTicket + 1)));
  const size = { tickets: ticketCount, messagesPerTicket, agents: 50 };
  const now = Date.now();
  const tickets = Array.from({ length: ticketCount }, (_, i) => benchTicket(i, size, now));
  const messages = tickets.flatMap((ticket) => benchMessages(ticket, size.messagesPerTicket));
  const agents = benchAgents(size.agents, now);
  await seedDatabase(server.url, seeder, workspaceDatabaseName(SYNC_WORKSPACE, 'agents'), agents);
  await seedDatabase(server.url, seeder, workspaceDatabaseName(SYNC_WORKSPACE, 'tickets'), tickets);
  await seedDatabase(server.url, seeder, workspaceDatabaseName(SYNC_WORKSPACE, 'messages'), messages);
  const counts = { agents: agents.length, tickets: tickets.length, messages: messages.length };
  const ids = { agents: new Set(agents.map((d) => d.id)), tickets: new Set(tickets.map((d) => d.id)), messages: new Set(messages.map((d) => d.id)) };
  return {
    server,
    users,
    counts,
    ids,
    total: counts.agents + counts.tickets + counts.messages,
    async designDocsLast() {
      for (const name of Object.keys(counts) as SharedCollection[]) await moveDesignDocLast(server.url, workspaceDatabaseName(SYNC_WORKSPACE, name));
    },
  };
}
