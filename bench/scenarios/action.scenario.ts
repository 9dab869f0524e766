// action.to_ui_ms_p95: a `tickets.setStatus` command from a WebSocket bridge client to the headless host,
// until that same client's live `tickets.get` shows the new status; action.to_list_ms_p95: the same until its
// live `tickets.list` (filtered to the ticket) shows it. Bench only.
import type { Bridge, TicketStatus } from '../../src-preload/contract';
import type { Scenario, Trial } from '../scenario';
import { connectBridge, type BridgeConnection } from '../support/bridge.client';
import { startHostProcess, type HostProcess } from '../support/host.process';
import { percentile } from '../support/stats';
import { datasetSizeFor, DATASET_WORKSPACE, prepareDataset } from '../support/workspace.dataset';
import { ticketIdAt } from '../support/workspace.fixture';

const TIMEOUT_MS = 10_000;

/** The subject search that finds exactly this fixture ticket (see workspace.fixture.ts). */
const searchFor = (index: number) => `#${100_000 + index}:`;

/** Resolves with the current value once `accept` holds for a live query's emission. */
function until<T>(subscribe: (onData: (value: T) => void, onError: (message: string) => void) => () => void, accept: (value: T) => boolean): { done: Promise<T>; stop(): void } {
  let stop = () => {};
  const done = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('live query did not show the change within 10 s')), TIMEOUT_MS);
    stop = subscribe(
      (value) => {
        if (!accept(value)) return;
        clearTimeout(timer);
        resolve(value);
      },
      (message) => {
        clearTimeout(timer);
        reject(new Error(message));
      },
    );
  });
  return { done, stop: () => stop() };
}

async function currentStatus(bridge: Bridge, ticketId: string): Promise<TicketStatus | null> {
  const watch = until<{ status: TicketStatus } | null>((onData, onError) => bridge.subscribe('tickets.get', { ticketId }, onData, (e) => onError(e.message)), () => true);
  try {
    return (await watch.done)?.status ?? null;
  } finally {
    watch.stop();
  }
}

/** One action: returns ms until tickets.get and until tickets.list showed the new status. */
export async function timeOneAction(bridge: Bridge, index: number): Promise<{ getMs: number; listMs: number } | null> {
  const ticketId = ticketIdAt(index);
  const from = await currentStatus(bridge, ticketId);
  if (from !== 'in_progress' && from !== 'waiting_on_customer') return null;
  const to: TicketStatus = from === 'in_progress' ? 'waiting_on_customer' : 'in_progress';
  // Both subscriptions are live (first emission in) before the clock starts.
  const getReady = until<{ status: TicketStatus } | null>((onData, onError) => bridge.subscribe('tickets.get', { ticketId }, onData, (e) => onError(e.message)), () => true);
  const listReady = until<{ items: { id: string }[] }>(
    (onData, onError) => bridge.subscribe('tickets.list', { view: 'all', status: to, search: searchFor(index), limit: 5 }, onData, (e) => onError(e.message)),
    () => true,
  );
  await Promise.all([getReady.done, listReady.done]);
  getReady.stop();
  listReady.stop();
  let started = 0;
  const getSeen = until<{ status: TicketStatus } | null>((onData, onError) => bridge.subscribe('tickets.get', { ticketId }, onData, (e) => onError(e.message)), (t) => t?.status === to);
  const listSeen = until<{ items: { id: string }[] }>(
    (onData, onError) => bridge.subscribe('tickets.list', { view: 'all', status: to, search: searchFor(index), limit: 5 }, onData, (e) => onError(e.message)),
    (page) => page.items.some((t) => t.id === ticketId),
  );
  try {
    // Let the fresh subscriptions' first (unchanged) emissions arrive before the command goes out.
    await new Promise((resolve) => setTimeout(resolve, 50));
    started = performance.now();
    const result = await bridge.invoke('tickets.setStatus', { ticketId, status: to });
    if (!result.ok) throw new Error(`tickets.setStatus failed: ${result.error.message}`);
    const [getAt, listAt] = await Promise.all([getSeen.done.then(() => performance.now()), listSeen.done.then(() => performance.now())]);
    return { getMs: getAt - started, listMs: listAt - started };
  } finally {
    getSeen.stop();
    listSeen.stop();
  }
}

export const actionScenario: Scenario = {
  id: 'action',
  figures: [
    { name: 'action.to_ui_ms_p95', unit: 'ms', better: 'lower' },
    { name: 'action.to_list_ms_p95', unit: 'ms', better: 'lower' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 5 } },
  async setup(context): Promise<Trial> {
    const dataset = await prepareDataset(context.tmpRoot, datasetSizeFor(context.mode), context.log);
    let host: HostProcess | null = null;
    let connection: BridgeConnection | null = null;
    host = await startHostProcess({ repoRoot: context.repoRoot, dataDir: dataset.dataDir, workspace: DATASET_WORKSPACE });
    connection = await connectBridge(host.url, host.token);
    const bridge = connection.bridge;
    const actions = context.mode === 'full' ? 60 : 30;
    // The newest tickets in progress or waiting (the fixture's status mix); each action flips one of them.
    const candidates: number[] = [];
    for (let i = dataset.size.tickets - 1; i >= 0 && candidates.length < 40; i--) {
      const status = await currentStatus(bridge, ticketIdAt(i));
      if (status === 'in_progress' || status === 'waiting_on_customer') candidates.push(i);
    }
    if (candidates.length === 0) throw new Error('no ticket in progress or waiting in the data set');
    let next = 0;
    return {
      async measure() {
        const get: number[] = [];
        const list: number[] = [];
        while (get.length < actions) {
          const timing = await timeOneAction(bridge, candidates[next++ % candidates.length] as number);
          if (!timing) continue;
          get.push(timing.getMs);
          list.push(timing.listMs);
        }
        return { 'action.to_ui_ms_p95': percentile(get, 95), 'action.to_list_ms_p95': percentile(list, 95) };
      },
      notes: () => [
        `${actions} status changes per run over one WebSocket to the serve.js host (${dataset.size.tickets} tickets stored); tickets.list has a 30 ms batching window (live-queries.ts), so it cannot show a change sooner.`,
        ...(connection && connection.badFrames > 0 ? [`${connection.badFrames} frames did not parse.`] : []),
      ],
      async dispose() {
        connection?.close();
        await host?.child.stop();
      },
    };
  },
};
