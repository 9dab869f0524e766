// inbox.first_page_ms_p95: the first page of a view (50 rows, sorted by SLA due) with the workspace's
// tickets stored, as the first emission of the dispatcher's `tickets.list` live query in a fresh session
// (message parsing, params validation, the in-memory index's filter and sort). Bench only.
import type { TicketListParams } from '../../src-preload/contract';
import type { ServerMessage } from '../../src-preload/contract';
import type { Scenario, Trial } from '../scenario';
import type { BenchCore } from '../support/bench.core';
import { startBenchCore } from '../support/bench.core';
import { percentile } from '../support/stats';
import { datasetSizeFor, DATASET_WORKSPACE, prepareDataset } from '../support/workspace.dataset';

/** The views an agent flips between, each sorted by SLA due (the inbox default). */
export const VIEWS: TicketListParams[] = [
  { view: 'all', sort: 'sla', limit: 50 },
  { view: 'unassigned', sort: 'sla', limit: 50 },
  { view: 'waiting', sort: 'sla', limit: 50 },
  { view: 'all', sort: 'sla', limit: 50, priority: 'urgent' },
];

/** Subscribes in a fresh dispatcher session and returns the milliseconds until the first `data` frame. */
export async function firstPageMs(bench: BenchCore, params: TicketListParams, clock: () => number = () => performance.now()): Promise<number> {
  let resolveFirst!: (ms: number) => void;
  let rejectFirst!: (error: Error) => void;
  const first = new Promise<number>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  let started = 0;
  let rows = -1;
  const session = bench.core.dispatcher.openSession((message: ServerMessage) => {
    if (message.id !== 1) return;
    if (message.type === 'data') {
      const value = message.value as { items?: unknown[] };
      rows = value.items?.length ?? -1;
      resolveFirst(clock() - started);
    } else if (message.type === 'error') rejectFirst(new Error(message.error.message));
  });
  started = clock();
  session.receive({ type: 'subscribe', id: 1, query: 'tickets.list', params });
  try {
    const ms = await first;
    if (rows <= 0) throw new Error(`tickets.list ${JSON.stringify(params)} returned no rows`);
    return ms;
  } finally {
    session.close();
  }
}

export const inboxScenario: Scenario = {
  id: 'inbox',
  figures: [
    { name: 'inbox.first_page_ms_p95', unit: 'ms', better: 'lower' },
    { name: 'inbox.first_page_ms_p50', unit: 'ms', better: 'lower' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 5 } },
  async setup(context): Promise<Trial> {
    const dataset = await prepareDataset(context.tmpRoot, datasetSizeFor(context.mode), context.log);
    const bench = await startBenchCore(dataset.dataDir, { workspace: DATASET_WORKSPACE });
    // Let start-up automation finish so nothing else writes while the pages are timed.
    await bench.core.automation.idle();
    const calls = context.mode === 'full' ? 200 : 100;
    return {
      async measure() {
        const times: number[] = [];
        for (let i = 0; i < calls; i++) times.push(await firstPageMs(bench, VIEWS[i % VIEWS.length] as TicketListParams));
        return { 'inbox.first_page_ms_p95': percentile(times, 95), 'inbox.first_page_ms_p50': percentile(times, 50) };
      },
      notes: () => [
        `${dataset.size.tickets} tickets in the in-memory inbox index (DenoKV underneath); ${calls} subscriptions per run, rotating over ${VIEWS.length} views sorted by SLA due, limit 50; in-process dispatcher (no socket).`,
      ],
      dispose: () => bench.dispose(),
    };
  },
};
