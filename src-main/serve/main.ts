// Entry point of `npm run serve`: the whole app headless, in a browser at 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { hostSecretStore } from '../core/config/secrets.config';
import { realGatewayFactory, telegramCredentialsFrom } from '../core/config/telegram.config';
import { DemoWorkspace } from '../core/demo/demo-workspace';
import { MemorySecretStore } from '../core/secrets/secret.store';
import { startCore } from '../core/start-core';
import { commandLineSyncCredentials, displayAddress, SyncAddressError, type SyncCredentials } from '../core/sync/sync.url';
import { startHost } from './host';
import { parseServeOptions, UsageError } from './serve.options';

async function main(): Promise<void> {
  const options = parseServeOptions(process.argv.slice(2));
  const version = process.env.npm_package_version ?? '0.1.0';
  let syncCredentials: SyncCredentials | null = null;
  if (options.syncUrl) {
    try {
      syncCredentials = commandLineSyncCredentials(options.syncUrl, process.env);
    } catch (error) {
      if (!(error instanceof SyncAddressError)) throw error;
      throw new UsageError(
        `--sync-url: ${error.message} Put the user in the URL (http://USER:PASSWORD@host:5984/) or set TOPICDESK_SYNC_USER and TOPICDESK_SYNC_PASSWORD.`,
      );
    }
  }
  const demo = options.demo ? DemoWorkspace.open({ dataDir: options.dataDir, topicsPerMinute: options.demoRate }) : null;
  const secrets = demo ? new MemorySecretStore() : hostSecretStore(options.dataDir, process.env);
  const core = await startCore({
    workspace: options.workspace,
    storage: { kind: 'denokv', dataDir: options.dataDir },
    demo: options.demo,
    version,
    secrets,
    createTelegramGateway: demo?.createGateway ?? realGatewayFactory(telegramCredentialsFrom(process.env), version),
  });
  await demo?.attach(core);
  const syncProblem = syncCredentials
    ? await core.sync.configure(syncCredentials).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
    : null;
  const host = await startHost({
    dispatcher: core.dispatcher,
    token: options.token,
    port: options.port,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  });

  console.log(`Topicdesk is running${options.demo ? ' (demo workspace)' : ''}.`);
  console.log(`  data:  ${options.dataDir}`);
  if (options.tokenGenerated) console.log('  token: generated for this run (pass --token to choose one)');
  if (!demo && !secrets.persistent) console.log('  secrets: memory only (set TOPICDESK_SECRET_KEY to keep the Telegram session in an encrypted file)');
  if (syncCredentials) {
    console.log(`  sync:  ${displayAddress(syncCredentials.url)} as ${syncCredentials.username}${syncProblem ? ` (not started: ${syncProblem})` : ''}`);
  }
  console.log(`Open ${host.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    demo?.dispose();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `topicdesk serve: ${error.message}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
