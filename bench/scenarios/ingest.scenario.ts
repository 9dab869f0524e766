// ingest.messages_per_s and ingest.vs_raw_kv_ratio: Telegram updates through the real ingest path
// (FakeTelegram at gramjs's boundary → GramjsGateway → TelegramSyncService → DenoKV), from the first update
// pushed to the last message stored, against the raw write rate of the same message documents into @deno/kv
// underneath, measured in the same run. Bench only.
import { join } from 'node:path';
import type { Message } from '../../src-preload/contract';
import { toMessageDoc } from '../../src-main/core/db/schemas/messages.schema';
import { messageFromTelegram, type AuthorInfo } from '../../src-main/core/telegram-sync/telegram.ingest';
import { GramjsGateway } from '../../src-main/core/telegram/gramjs.gateway';
import { agentIdOf } from '../../src-main/core/telegram-sync/telegram-account.service';
import type { Scenario, ScenarioContext, Trial } from '../scenario';
import { rawKvWriteRate, withRxdbMeta } from '../support/raw.kv';
import { startTelegramWorld, type TelegramWorld } from '../support/telegram.world';
import { makeTempDir, removeDir } from '../support/temp.dirs';
import { deferred, waitFor } from '../support/wait';

export interface IngestSize {
  messages: number;
  topics: number;
  customers: number;
}

const SIZES: Record<ScenarioContext['mode'] | 'warmup', IngestSize> = {
  full: { messages: 200_000, topics: 20_000, customers: 2_000 },
  quick: { messages: 2_000, topics: 200, customers: 200 },
  warmup: { messages: 1_000, topics: 100, customers: 100 },
};

/** Updates pushed but not yet stored, at most: Telegram streams, it does not dump a day's traffic at once. */
export const IN_FLIGHT = 100;
/** Follow-up messages go to one of the most recently opened topics (conversations are active for a while). */
const ACTIVE_TOPICS = 200;

/** One step of the scripted traffic: open topic n (with its first message), or write into topic n. */
export type TrafficStep = { kind: 'open'; topic: number } | { kind: 'write'; topic: number };

/**
 * The order customers act in: topics open evenly through the stream, every other message goes to one of the
 * recently opened topics (a fixed pseudo-random choice, so every run sends the same traffic). Pure.
 */
export function* trafficPlan(size: Pick<IngestSize, 'messages' | 'topics'>): Generator<TrafficStep> {
  if (size.topics < 1 || size.messages < size.topics) throw new Error('need at least one message per topic');
  const every = size.messages / size.topics;
  let opened = 0;
  for (let i = 0; i < size.messages; i++) {
    if (opened < size.topics && i >= opened * every) {
      yield { kind: 'open', topic: opened++ };
      continue;
    }
    const window = Math.min(opened, ACTIVE_TOPICS);
    yield { kind: 'write', topic: opened - 1 - ((i * 7_919) % window) };
  }
}

const textFor = (i: number) => `Hello, my order #${100_000 + i} has not arrived yet. Could you check where it is? Thanks!`;

interface PushedMessage {
  msgId: number;
  topicId: number;
  customer: number;
  text: string;
}

async function ingestOnce(world: TelegramWorld, size: IngestSize, log: (message: string) => void): Promise<{ seconds: number; pushed: PushedMessage[] }> {
  const { fake, forum, bench } = world;
  const { core } = bench;
  let stored = 0;
  let progress = deferred();
  const subscription = core.db.messages.$.subscribe((event) => {
    if (event.operation !== 'INSERT') return;
    stored += 1;
    progress.resolve();
  });
  const topicIds: number[] = [];
  const topicCustomer: number[] = [];
  const pushed: PushedMessage[] = [];
  const started = performance.now();
  // Progress for the person watching a long run; the timer does nothing measurable.
  const ticker = setInterval(() => log(`ingest: ${stored}/${size.messages} stored after ${Math.round((performance.now() - started) / 1000)} s`), 30_000);
  try {
    let i = 0;
    for (const step of trafficPlan(size)) {
      while (pushed.length - stored >= IN_FLIGHT) {
        await progress.promise;
        progress = deferred();
      }
      const text = textFor(i++);
      if (step.kind === 'open') {
        const customer = step.topic % size.customers;
        const opened = fake.customerCreatesTopic(forum.chatId, world.customerIds[customer] as string, `Order problem ${step.topic}`, text);
        topicIds.push(opened.topicId);
        topicCustomer.push(customer);
        pushed.push({ msgId: opened.messageId as number, topicId: opened.topicId, customer, text });
      } else {
        const topicId = topicIds[step.topic] as number;
        const customer = topicCustomer[step.topic] as number;
        const msgId = fake.customerWrites(forum.chatId, topicId, world.customerIds[customer] as string, text);
        pushed.push({ msgId, topicId, customer, text });
      }
    }
    // The last message is stored when the count reaches it; the clock stops at that event, not at the poll.
    let finished = stored >= size.messages ? performance.now() : 0;
    while (stored < size.messages) {
      await Promise.race([progress.promise, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      progress = deferred();
      if (stored >= size.messages) finished = performance.now();
      else if (performance.now() - started > 3_600_000) throw new Error('ingest did not finish within an hour');
    }
    return { seconds: (finished - started) / 1000, pushed };
  } finally {
    clearInterval(ticker);
    subscription.unsubscribe();
  }
}

/** The same message documents RxDB stored, built by the same pure mapper, with RxDB's own fields added. */
function sameDocuments(world: TelegramWorld, pushed: readonly PushedMessage[]) {
  const authors: AuthorInfo = { isAgent: () => false, agentIdOf, nameOf: () => null };
  const date = Date.now();
  return pushed.map((m, i) => {
    const fromId = world.customerIds[m.customer] as string;
    const message: Message = messageFromTelegram(
      { chatId: world.forum.chatId, msgId: m.msgId, topicId: m.topicId, fromId, out: false, text: m.text, entities: [], media: null, date, editDate: null, isService: false, action: null },
      { id: fromId, firstName: `Customer${m.customer}`, lastName: 'Bench', username: `bench_customer_${m.customer}`, phone: null, isBot: false },
      authors,
    );
    return withRxdbMeta(toMessageDoc(message), date + i);
  });
}

export const ingestScenario: Scenario = {
  id: 'ingest',
  figures: [
    { name: 'ingest.messages_per_s', unit: 'messages/s', better: 'higher', reference: 'ingest.raw_kv_messages_per_s' },
    { name: 'ingest.raw_kv_messages_per_s', unit: 'messages/s', better: 'higher' },
    { name: 'ingest.vs_raw_kv_ratio', unit: 'ratio', better: 'higher' },
  ],
  runs: { quick: { warmup: 1, measured: 3 }, full: { warmup: 1, measured: 2 } },
  async setup(context): Promise<Trial> {
    let handlerErrors = 0;
    let coreErrors: string | null = null;
    return {
      async measure({ warmup }) {
        const size = warmup ? SIZES.warmup : SIZES[context.mode];
        const dir = makeTempDir('ingest', context.tmpRoot);
        const world = await startTelegramWorld(join(dir, 'core'), { customers: size.customers });
        try {
          context.log(`ingest: ${size.messages} messages over ${size.topics} topics`);
          const { seconds, pushed } = await ingestOnce(world, size, context.log);
          // Not timed: the ticket write of the last batch (after its messages), then a sanity check of what was stored.
          const gateway = world.bench.core.telegram.activeGateway;
          if (gateway instanceof GramjsGateway) await gateway.idle();
          await world.bench.core.telegram.activeSync?.idle();
          await waitFor('every ticket in the inbox', () => world.bench.core.inbox.size === size.topics, 60_000);
          handlerErrors += world.handlerErrors();
          coreErrors ??= world.bench.errors.first;
          const docs = sameDocuments(world, pushed);
          const raw = await rawKvWriteRate(join(dir, 'raw.sqlite'), 'messages', docs);
          const rate = size.messages / seconds;
          return { 'ingest.messages_per_s': rate, 'ingest.raw_kv_messages_per_s': raw, 'ingest.vs_raw_kv_ratio': rate / raw };
        } finally {
          await world.dispose();
          removeDir(dir);
        }
      },
      notes() {
        const { messages, topics } = SIZES[context.mode];
        return [
          `${messages} messages over ${topics} topics from one forum, pushed through FakeTelegram's update path with at most ${IN_FLIGHT} unstored at a time;`,
          `warm-up run at ${SIZES.warmup.messages}/${SIZES.warmup.topics}.`,
          'Raw KV: the same message documents (with RxDB\'s _meta/_rev fields) into a fresh @deno/kv SQLite file, 500 per atomic commit.',
          ...(handlerErrors || coreErrors ? [`Errors during ingest: ${handlerErrors} handler, first core error: ${coreErrors ?? 'none'}.`] : []),
        ];
      },
      async dispose() {},
    };
  },
};
