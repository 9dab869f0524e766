// Tests for the demo customer simulation, read back through GramjsGateway as the app does.
import { LogLevel } from 'telegram/extensions/Logger';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoCustomers, type DemoScheduler, createDemoTelegram } from './demo-customers';
import { FakeTelegram } from './fake-telegram';
import { GramjsGateway } from './gramjs.gateway';
import type { TgUpdate } from './telegram.gateway';

/** mulberry32: a seeded random source so runs repeat exactly. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ManualScheduler implements DemoScheduler {
  private ticks: Array<() => void> = [];
  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick);
    return () => {
      this.ticks = this.ticks.filter((t) => t !== tick);
    };
  }
  run(times: number): void {
    for (let i = 0; i < times; i++) for (const tick of [...this.ticks]) tick();
  }
  get active(): number {
    return this.ticks.length;
  }
}

const gateways: GramjsGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.dispose()));
});

async function demo(options: Parameters<typeof createDemoTelegram>[0] = {}) {
  const scheduler = new ManualScheduler();
  const telegram = await createDemoTelegram({ random: seeded(7), scheduler, now: () => Date.UTC(2025, 2, 3, 10), ...options });
  const gateway = new GramjsGateway({
    apiId: 1,
    apiHash: 'demo',
    session: telegram.session,
    clientFactory: telegram.fake.clientFactory,
    logLevel: LogLevel.NONE,
  });
  gateways.push(gateway);
  const updates: TgUpdate[] = [];
  gateway.onUpdate((u) => void updates.push(u));
  await gateway.connect();
  return { ...telegram, scheduler, gateway, updates };
}

describe('demo customers', () => {
  it('seeds a forum the app can discover and read, with realistic support questions', async () => {
    const { gateway, forum, agent } = await demo({ seedTopics: 12 });
    expect((await gateway.getSelf()).id).toBe(agent.id);
    expect(await gateway.listForums()).toEqual([forum]);
    const page = await gateway.listTopics(forum);
    const tickets = page.topics.filter((t) => t.topicId !== 1);
    expect(tickets).toHaveLength(12);
    expect(tickets.some((t) => /#1\d{3}/.test(t.title))).toBe(true);

    const texts: string[] = [];
    for (const topic of tickets) {
      const history = await gateway.getTopicHistory(forum, topic.topicId, { limit: 20 });
      const written = history.messages.filter((m) => !m.isService);
      // Each seeded topic has a short history by the customer who opened it.
      expect(written.length).toBeGreaterThanOrEqual(1);
      expect(written.length).toBeLessThanOrEqual(3);
      expect(new Set(written.map((m) => m.fromId))).toEqual(new Set([topic.creatorId]));
      texts.push(...written.map((m) => m.text));
    }
    // Greetings come in several languages.
    const greetings = ['Hi', 'Hello', 'Hallo', 'Hola', 'Bonjour', 'Olá', 'Ciao', 'Добрий', 'Dzień', 'Guten', 'Salut', 'Buon', 'Bom', 'Привіт', 'Hey', 'Good', 'Moin', 'Oi', 'Cześć', 'Witam', 'Salve', 'Buenos', 'Bonsoir', 'Вітаю', '¡Hola'];
    const languages = new Set(texts.flatMap((t) => greetings.filter((g) => t.startsWith(g))));
    expect(languages.size).toBeGreaterThanOrEqual(3);
  });

  it('opens topics and writes follow-ups at the configured rate while running, and stops', async () => {
    const { gateway, customers, scheduler, updates } = await demo({ seedTopics: 0, rate: { topicsPerMinute: 30, messagesPerMinute: 60 } });
    customers.start();
    customers.start();
    expect(scheduler.active).toBe(1);
    scheduler.run(60);
    await gateway.idle();
    const created = updates.filter((u) => u.kind === 'topicCreated');
    const messages = updates.filter((u): u is Extract<TgUpdate, { kind: 'newMessage' }> => u.kind === 'newMessage');
    // One tick is a second: a minute at 30 topics and 60 follow-ups a minute, give or take chance.
    expect(created.length).toBeGreaterThan(15);
    expect(created.length).toBeLessThan(45);
    expect(messages.length - created.length).toBeGreaterThan(35);
    // Every message lands in a topic that was opened, written by that topic's customer.
    const creators = new Map(created.map((u) => [u.topic.topicId, u.topic.creatorId]));
    for (const m of messages) {
      expect(creators.get(m.message.topicId)).toBe(m.message.fromId);
      expect(m.sender?.id).toBe(m.message.fromId);
    }

    customers.stop();
    expect(scheduler.active).toBe(0);
    const before = updates.length;
    scheduler.run(10);
    await gateway.idle();
    expect(updates.length).toBe(before);
  });

  it('stops writing in a topic that was closed', async () => {
    const { fake, forum, customers, scheduler, gateway, updates } = await demo({ seedTopics: 1, rate: { topicsPerMinute: 0, messagesPerMinute: 120 } });
    const [topic] = fake.topicIds(forum.chatId).filter((id) => id !== 1);
    fake.setTopicClosed(forum.chatId, topic!, true);
    customers.start();
    scheduler.run(5);
    await gateway.idle();
    expect(updates.filter((u) => u.kind === 'newMessage' && u.message.topicId === topic && !u.message.isService)).toEqual([]);
    expect(customers.followUp()).toBeNull();
  });

  it('reuses the customers of a fake restored from an earlier run', async () => {
    const first = await createDemoTelegram({ seedTopics: 2 });
    const restored = FakeTelegram.restore(first.fake.snapshot());
    const before = restored.listUsers().length;
    const again = new DemoCustomers({ fake: restored, forum: first.forum });
    again.seed(1);
    expect(restored.listUsers()).toHaveLength(before);
  });

  it('repeats exactly with the same random source', async () => {
    const titles = async () => {
      const { gateway, forum } = await demo({ seedTopics: 5, random: seeded(99) });
      return (await gateway.listTopics(forum)).topics.map((t) => t.title);
    };
    expect(await titles()).toEqual(await titles());
  });

  it('lets the sign-in screen be tried with the demo phone and code', async () => {
    const telegram = await createDemoTelegram({ seedTopics: 1 });
    const gateway = new GramjsGateway({ apiId: 1, apiHash: 'demo', session: '', clientFactory: telegram.fake.clientFactory, logLevel: LogLevel.NONE });
    gateways.push(gateway);
    await gateway.connect();
    await gateway.sendCode(telegram.login.phone);
    expect(await gateway.signIn(telegram.login.code)).toMatchObject({ kind: 'done', user: { id: telegram.agent.id } });
  });
});
