// sync.live_propagation_ms_p95: a status change made in one app's core until another app's live
// `tickets.get` shows it, both replicating live through the team server (its own process on loopback).
// App A runs in this process, app B in its own (bench/sync-peer.child.ts), as on two machines. Bench only.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TicketStatus } from '../../src-preload/contract';
import { MemorySecretStore } from '../../src-main/core/secrets/secret.store';
import type { Scenario, Trial } from '../scenario';
import { startBenchCore } from '../support/bench.core';
import { percentile } from '../support/stats';
import { SYNC_DRIVER } from '../support/sync.drivers';
import { startSyncPeer } from '../support/sync-peer.process';
import { wallClock } from '../support/sync-peer.protocol';
import { startSyncWorkspace, SYNC_WORKSPACE } from '../support/sync.workspace';
import { makeTempDir, removeDir } from '../support/temp.dirs';
import { waitFor } from '../support/wait';

/**
 * 120 tickets with one message each: no collection over ~160 documents, because a fresh core's pull of more stalls
 * on @deno/kv's 1,000-mutation limit per commit (README findings). Propagation moves one document at a time.
 */
const WORKSPACE_DOCS = 240;
const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export const syncLiveScenario: Scenario = {
  id: 'sync_live',
  figures: [
    { name: 'sync.live_propagation_ms_p95', unit: 'ms', better: 'lower' },
    { name: 'sync.live_propagation_ms_p50', unit: 'ms', better: 'lower' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 5 } },
  async setup(context): Promise<Trial> {
    const dir = makeTempDir('sync-live', context.tmpRoot);
    const workspace = await startSyncWorkspace(context.repoRoot, dir, WORKSPACE_DOCS, 2, 1);
    const [userA, userB] = workspace.users as [{ name: string; password: string }, { name: string; password: string }];
    // Design documents last in `_changes`, or a fresh app pulls only the first page (see sync-server.process.ts).
    await workspace.designDocsLast();
    const secrets = new MemorySecretStore();
    const a = await startBenchCore(join(dir, 'a'), { workspace: SYNC_WORKSPACE, secrets });
    const syncA = await SYNC_DRIVER.start({ core: a.core, secrets, workspace: SYNC_WORKSPACE, url: workspace.server.url, username: userA.name, password: userA.password });
    const tickets = workspace.counts.tickets ?? 0;
    context.log('sync_live: waiting for app A to pull the workspace and settle');
    await waitFor('app A to hold every ticket', () => a.core.inbox.size >= tickets, 10 * 60_000, 100);
    await a.core.automation.idle();
    await waitFor('app A to have pushed its own writes', () => a.core.status.value.sync.pending === 0, 5 * 60_000, 100);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // A's pushes (activity notes, SLA fields) now follow the design documents in `_changes`: move them last again.
    await workspace.designDocsLast();
    const b = await startSyncPeer(benchDir, { dataDir: join(dir, 'b'), url: workspace.server.url, username: userB.name, password: userB.password, workspace: SYNC_WORKSPACE });
    context.log('sync_live: waiting for app B to pull the workspace and settle');
    await waitFor(
      'app B to hold every ticket',
      async () => {
        const state = await b.request({ type: 'state' }, 'state');
        return state.tickets >= tickets && state.automationIdle;
      },
      10 * 60_000,
      500,
    );
    const candidates = [...a.core.inbox.all()].filter((t) => t.status === 'in_progress' || t.status === 'waiting_on_customer').map((t) => t.id);
    if (candidates.length === 0) throw new Error('no ticket in progress or waiting');
    const changes = context.mode === 'full' ? 40 : 20;
    let next = 0;
    let id = 0;
    return {
      async measure() {
        const times: number[] = [];
        for (let i = 0; i < changes; i++) {
          const ticketId = candidates[next++ % candidates.length] as string;
          const to: TicketStatus = a.core.inbox.get(ticketId)?.status === 'in_progress' ? 'waiting_on_customer' : 'in_progress';
          const watch = ++id;
          const seen = b.waitFor('seen', (reply) => reply.id === watch, 30_000);
          await b.request({ type: 'watch', id: watch, ticketId, status: to }, 'watching', (reply) => reply.id === watch);
          const changedAt = wallClock();
          const result = await a.core.dispatcher.call('tickets.setStatus', { ticketId, status: to });
          if (!result.ok) throw new Error(`tickets.setStatus failed: ${result.error.message}`);
          times.push((await seen).at - changedAt);
        }
        return { 'sync.live_propagation_ms_p95': percentile(times, 95), 'sync.live_propagation_ms_p50': percentile(times, 50) };
      },
      notes: () => [
        `${changes} status changes per run made through app A's dispatcher (tickets.setStatus), timed until app B's live tickets.get shows each; two processes, DenoKV each, ${workspace.total} documents in the workspace; sync: ${SYNC_DRIVER.label}.`,
      ],
      async dispose() {
        await b.stop();
        await syncA.stop();
        await a.dispose();
        await workspace.server.child.stop();
        removeDir(dir);
      },
    };
  },
};
