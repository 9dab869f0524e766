// A core ingesting from FakeTelegram through the real gramjs path (FakeTelegram at gramjs's sender boundary →
// GramjsGateway → TelegramSyncService → DenoKV), signed in from a stored session with one forum selected and
// its (empty) backfill done, as the integration tests and the demo drive it. Bench only.
import { MemorySecretStore } from '../../src-main/core/secrets/secret.store';
import { FakeTelegram } from '../../src-main/core/telegram/fake-telegram';
import { GramjsGateway } from '../../src-main/core/telegram/gramjs.gateway';
import type { TgForum } from '../../src-main/core/telegram/telegram.gateway';
import { SESSION_SECRET } from '../../src-main/core/telegram-sync/telegram-account.service';
import { startBenchCore, type BenchCore } from './bench.core';
import { waitFor } from './wait';

const API = { apiId: 1, apiHash: '0123456789abcdef0123456789abcdef' };

export interface TelegramWorld {
  fake: FakeTelegram;
  forum: TgForum;
  agentId: string;
  customerIds: string[];
  bench: BenchCore;
  handlerErrors(): number;
  dispose(): Promise<void>;
}

export async function startTelegramWorld(dataDir: string, options: { customers: number }): Promise<TelegramWorld> {
  const fake = new FakeTelegram();
  const agent = fake.addUser({ firstName: 'Bench', lastName: 'Agent', phone: '+15550999', username: 'bench_agent' });
  const customerIds = Array.from({ length: options.customers }, (_, i) =>
    fake.addUser({ firstName: `Customer${i}`, lastName: 'Bench', username: `bench_customer_${i}` }).id,
  );
  const forum = fake.addForum({ title: 'Bench Support', memberIds: [agent.id] });
  const secrets = new MemorySecretStore();
  await secrets.set(SESSION_SECRET, await fake.authorizeSession(agent.id));
  let handlerErrors = 0;
  const bench = await startBenchCore(dataDir, {
    secrets,
    createTelegramGateway: (session) =>
      new GramjsGateway({ ...API, session, clientFactory: fake.clientFactory, onHandlerError: () => void handlerErrors++ }),
  });
  const { core } = bench;
  await core.started;
  if (core.telegram.current.step !== 'signed_in') throw new Error(`the stored session did not sign in (${core.telegram.current.error ?? core.telegram.current.step})`);
  const refreshed = await core.dispatcher.call('telegram.refreshForums', {});
  if (!refreshed.ok) throw new Error(`telegram.refreshForums failed: ${refreshed.error.message}`);
  const selected = await core.dispatcher.call('telegram.selectForums', { chatIds: [forum.chatId] });
  if (!selected.ok) throw new Error(`telegram.selectForums failed: ${selected.error.message}`);
  await waitFor('the forum to be selected', () => (core.telegram.activeSync?.selectedForums.length ?? 0) === 1, 10_000);
  // Joins the backfill that selecting started (or finds nothing to fetch): live updates start from its pts.
  await core.telegram.activeSync?.catchUpAll();
  await waitFor('the backfill to finish', () => core.status.value.backfill === null, 10_000);
  return {
    fake,
    forum,
    agentId: agent.id,
    customerIds,
    bench,
    handlerErrors: () => handlerErrors,
    dispose: () => bench.dispose(),
  };
}
