// cold_start.ms: from spawning the headless host (`node out/main/serve.js`) on the prepared data dir to
// the first `tickets.list` page reaching a WebSocket bridge client with the token. Bench only.
import type { Scenario, Trial } from '../scenario';
import { connectBridge } from '../support/bridge.client';
import { startHostProcess } from '../support/host.process';
import { datasetSizeFor, DATASET_WORKSPACE, prepareDataset } from '../support/workspace.dataset';

export interface FirstPageTiming {
  /** Spawn → the host prints its URL (core open, automation started, listening). */
  listeningMs: number;
  /** Spawn → the first page arrives on the socket. */
  firstPageMs: number;
  pid: number;
}

/** Starts a host, connects, subscribes to the inbox; resolves at its first page. The host keeps running. */
export async function hostUntilFirstPage(options: { repoRoot: string; dataDir: string }) {
  let started = 0;
  const host = await startHostProcess({ ...options, workspace: DATASET_WORKSPACE, onSpawn: () => (started = performance.now()) });
  const listeningMs = performance.now() - started;
  const connection = await connectBridge(host.url, host.token);
  const firstPageMs = await new Promise<number>((resolve, reject) => {
    const stop = connection.bridge.subscribe(
      'tickets.list',
      { view: 'all', sort: 'sla', limit: 50 },
      () => {
        resolve(performance.now() - started);
        stop();
      },
      (error) => reject(new Error(error.message)),
    );
  });
  const timing: FirstPageTiming = { listeningMs, firstPageMs, pid: host.child.pid };
  return {
    timing,
    host,
    connection,
    async stop() {
      connection.close();
      await host.child.stop();
    },
  };
}

export const coldStartScenario: Scenario = {
  id: 'cold_start',
  figures: [
    { name: 'cold_start.ms', unit: 'ms', better: 'lower' },
    { name: 'cold_start.listening_ms', unit: 'ms', better: 'lower' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 5 } },
  async setup(context): Promise<Trial> {
    const dataset = await prepareDataset(context.tmpRoot, datasetSizeFor(context.mode), context.log);
    return {
      async measure() {
        const run = await hostUntilFirstPage({ repoRoot: context.repoRoot, dataDir: dataset.dataDir });
        await run.stop();
        return { 'cold_start.ms': run.timing.firstPageMs, 'cold_start.listening_ms': run.timing.listeningMs };
      },
      notes: () => [
        `${dataset.size.tickets} tickets, ${dataset.size.tickets * dataset.size.messagesPerTicket} messages, ${dataset.size.agents} agents on DenoKV; the data dir was read by the previous run, so the OS page cache is warm (a first boot after a reboot is slower).`,
        'cold_start.listening_ms is spawn → the host printing its URL (core and automation started).',
      ],
      async dispose() {},
    };
  },
};
