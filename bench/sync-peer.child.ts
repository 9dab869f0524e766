// The second app of the sync-live scenario, in its own process as on a colleague's machine (two DenoKV
// databases of one workspace cannot be open in one process): a core replicating with the team server,
// answering the scenario over IPC (see support/sync-peer.protocol.ts). Bench only.
// `sync-peer.child.ts <dataDir> <serverUrl> <user> <password> <workspace>`
import type { ServerMessage } from '../src-preload/contract';
import { MemorySecretStore } from '../src-main/core/secrets/secret.store';
import { startBenchCore } from './support/bench.core';
import { cleanup, installSignalCleanup } from './support/cleanup.registry';
import { SYNC_DRIVER } from './support/sync.drivers';
import { PeerCommand, wallClock, type PeerReply } from './support/sync-peer.protocol';

function send(reply: PeerReply): void {
  process.send?.(reply);
}

async function main(): Promise<void> {
  installSignalCleanup();
  const [dataDir, url, username, password, workspace] = process.argv.slice(2);
  if (!dataDir || !url || !username || !password || !workspace || !process.send) throw new Error('usage: sync-peer.child.ts <dataDir> <url> <user> <password> <workspace> (with an IPC channel)');
  const secrets = new MemorySecretStore();
  const bench = await startBenchCore(dataDir, { workspace, secrets });
  const sync = await SYNC_DRIVER.start({ core: bench.core, secrets, workspace, url, username, password });
  cleanup.add(() => sync.stop());
  let automationIdle = false;
  const checkIdle = () => {
    automationIdle = false;
    void bench.core.automation.idle().then(() => (automationIdle = true));
  };
  checkIdle();

  process.on('message', (raw: unknown) => {
    const parsed = PeerCommand.safeParse(raw);
    if (!parsed.success) return send({ type: 'failed', message: `bad command: ${JSON.stringify(raw)}` });
    const command = parsed.data;
    if (command.type === 'state') {
      send({ type: 'state', tickets: bench.core.inbox.size, automationIdle });
      checkIdle();
    } else if (command.type === 'watch') {
      let first = true;
      const session = bench.core.dispatcher.openSession((message: ServerMessage) => {
        if (message.type !== 'data' || message.id !== 1) return;
        const status = (message.value as { status?: string } | null)?.status;
        if (first) {
          first = false;
          return send({ type: 'watching', id: command.id });
        }
        if (status === command.status) {
          send({ type: 'seen', id: command.id, at: wallClock() });
          session.close();
        }
      });
      session.receive({ type: 'subscribe', id: 1, query: 'tickets.get', params: { ticketId: command.ticketId } });
    } else {
      void cleanup.runAll().then(() => process.exit(0));
    }
  });
  send({ type: 'ready' });
}

main().catch(async (error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await cleanup.runAll();
  process.exit(1);
});
