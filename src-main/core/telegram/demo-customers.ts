// The `--demo` workspace's customers: a simulation that opens forum topics and writes in
// them through FakeTelegram, at a configurable rate, with an injectable scheduler and
// random source so it is testable. The app reads it through GramjsGateway like real
// Telegram. Runs in the main process (demo mode and tests only).
import { FakeTelegram, type FakeUserInfo } from './fake-telegram';
import type { TgForum } from './telegram.gateway';

export interface DemoScheduler {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export interface DemoRate {
  topicsPerMinute: number;
  messagesPerMinute: number;
}

export interface DemoCustomersOptions {
  fake: FakeTelegram;
  forum: Pick<TgForum, 'chatId'>;
  rate?: DemoRate;
  /** In [0, 1). */
  random?: () => number;
  scheduler?: DemoScheduler;
  tickMs?: number;
  /** How many distinct customers write in. */
  customers?: number;
}

type Language = 'en' | 'de' | 'es' | 'fr' | 'pt' | 'it' | 'uk' | 'pl';

interface Persona {
  firstName: string;
  lastName?: string;
  username?: string;
  language: Language;
}

interface OpenTopic {
  topicId: number;
  customerId: string;
  language: Language;
  scenario: Scenario;
  order: number;
  messages: number;
}

const PERSONAS: Persona[] = [
  { firstName: 'Alice', lastName: 'Moreau', username: 'alice_m', language: 'fr' },
  { firstName: 'Ben', lastName: 'Carter', language: 'en' },
  { firstName: 'Chiara', lastName: 'Rossi', username: 'chiara.r', language: 'it' },
  { firstName: 'Dmytro', lastName: 'Kovalenko', language: 'uk' },
  { firstName: 'Elena', lastName: 'García', username: 'elena_g', language: 'es' },
  { firstName: 'Felix', lastName: 'Wagner', language: 'de' },
  { firstName: 'Gabriela', lastName: 'Souza', language: 'pt' },
  { firstName: 'Hannah', username: 'hannah_k', language: 'en' },
  { firstName: 'Igor', lastName: 'Nowak', language: 'pl' },
  { firstName: 'Jade', lastName: 'Nguyen', language: 'en' },
  { firstName: 'Karim', lastName: 'Haddad', username: 'karimh', language: 'fr' },
  { firstName: 'Lena', lastName: 'Schmidt', language: 'de' },
  { firstName: 'Mateo', lastName: 'López', language: 'es' },
  { firstName: 'Nora', lastName: 'Lindqvist', language: 'en' },
  { firstName: 'Oliver', lastName: 'Brown', username: 'obrown', language: 'en' },
  { firstName: 'Paula', lastName: 'Ferreira', language: 'pt' },
];

const GREETINGS: Record<Language, string[]> = {
  en: ['Hi!', 'Hello there,', 'Good morning,', 'Hey,'],
  de: ['Hallo!', 'Guten Tag,', 'Moin,'],
  es: ['¡Hola!', 'Buenos días,', 'Hola, qué tal,'],
  fr: ['Bonjour,', 'Salut !', 'Bonsoir,'],
  pt: ['Olá!', 'Bom dia,', 'Oi,'],
  it: ['Ciao!', 'Buongiorno,', 'Salve,'],
  uk: ['Добрий день!', 'Привіт,', 'Вітаю,'],
  pl: ['Dzień dobry,', 'Cześć!', 'Witam,'],
};

const THANKS: Record<Language, string> = {
  en: 'Thank you!',
  de: 'Danke schön!',
  es: '¡Muchas gracias!',
  fr: 'Merci beaucoup !',
  pt: 'Muito obrigado!',
  it: 'Grazie mille!',
  uk: 'Дякую!',
  pl: 'Dziękuję!',
};

/** A support question: its topic title and opening message, for order number `n`. */
interface Scenario {
  title: (n: number) => string;
  opening: (n: number) => string;
  followUps: Array<(n: number) => string>;
}

const SCENARIOS: Scenario[] = [
  {
    title: (n) => `Order #${n} not delivered`,
    opening: (n) => `my order #${n} still hasn't arrived. Tracking hasn't moved for four days.`,
    followUps: [
      () => 'Any update on this?',
      (n) => `The tracking number for #${n} is LP00${n}4821CN, in case that helps.`,
      () => 'The courier says it was handed over, but nothing came.',
    ],
  },
  {
    title: (n) => `Refund for #${n}`,
    opening: (n) => `I returned order #${n} two weeks ago and still haven't got my refund.`,
    followUps: [
      () => 'I paid by card, if that matters.',
      () => 'The return label said it was delivered to your warehouse on Monday.',
      () => 'How long does a refund usually take?',
    ],
  },
  {
    title: (n) => `Wrong size in #${n}`,
    opening: (n) => `I got the jacket from order #${n} in M, but I ordered L. Can I exchange it?`,
    followUps: [
      () => 'Do I need to print a return label myself?',
      () => 'I can send a photo of the label on the box.',
    ],
  },
  {
    title: (n) => `Change delivery address (#${n})`,
    opening: (n) => `I just placed order #${n} with my old address. Can you change it to 14 Harbour Street, Leeds LS1 4AB?`,
    followUps: [() => 'It has not shipped yet, I hope?', () => 'Same postcode, just a different flat: 3B.'],
  },
  {
    title: () => 'Payment failed but money taken',
    opening: (n) => `checkout said the payment failed, but my bank shows the charge. Order #${n} isn't in my account.`,
    followUps: [() => 'The amount was 89.90 EUR.', () => 'Should I try again or will it go through?'],
  },
  {
    title: () => 'Discount code not working',
    opening: () => 'the code SPRING20 from your newsletter says "invalid" at checkout.',
    followUps: [(n) => `I placed order #${n} without it anyway, can you apply it afterwards?`, () => 'It should still be valid until Sunday.'],
  },
  {
    title: (n) => `Damaged item in #${n}`,
    opening: (n) => `the mug in order #${n} arrived broken. The box was crushed on one side.`,
    followUps: [() => 'I kept the packaging.', () => 'A replacement would be great, no need for a refund.'],
  },
  {
    title: (n) => `Cancel order #${n}`,
    opening: (n) => `please cancel order #${n}, I ordered the same thing twice by mistake.`,
    followUps: [() => 'The other one is fine, keep that one.', () => 'Is it cancelled? I see no email yet.'],
  },
];

const systemScheduler: DemoScheduler = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // A demo simulation must never keep the process alive on its own.
    timer.unref();
    return () => clearInterval(timer);
  },
};

export class DemoCustomers {
  private readonly fake: FakeTelegram;
  private readonly chatId: string;
  private readonly random: () => number;
  private readonly scheduler: DemoScheduler;
  private readonly tickMs: number;
  private rate: DemoRate;
  private readonly people: Array<FakeUserInfo & { language: Language }> = [];
  private readonly open: OpenTopic[] = [];
  private stopTimer: (() => void) | null = null;

  constructor(options: DemoCustomersOptions) {
    this.fake = options.fake;
    this.chatId = options.forum.chatId;
    this.random = options.random ?? Math.random;
    this.scheduler = options.scheduler ?? systemScheduler;
    this.tickMs = options.tickMs ?? 1000;
    this.rate = options.rate ?? { topicsPerMinute: 2, messagesPerMinute: 6 };
    const count = Math.max(1, Math.min(options.customers ?? 12, PERSONAS.length));
    // A fake restored from an earlier demo run already knows these customers: reuse them.
    const known = this.fake.listUsers();
    for (const persona of PERSONAS.slice(0, count)) {
      const { language, ...user } = persona;
      const existing = known.find((u) => u.firstName === user.firstName && u.lastName === user.lastName && !u.phone);
      this.people.push({ ...(existing ?? this.fake.addUser(user)), language });
    }
  }

  /** Starts writing at the configured rate; safe to call twice. */
  start(): void {
    if (this.stopTimer) return;
    this.stopTimer = this.scheduler.every(this.tickMs, () => this.tick());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  setRate(rate: DemoRate): void {
    this.rate = rate;
  }

  /** One step of the simulation: on average, the configured share of a minute's activity. */
  tick(): void {
    const perTick = this.tickMs / 60_000;
    for (let i = this.draws(this.rate.topicsPerMinute * perTick); i > 0; i--) this.openTopic();
    for (let i = this.draws(this.rate.messagesPerMinute * perTick); i > 0; i--) this.followUp();
  }

  /** Opens `count` topics at once, each with a short history (1 to 3 customer messages). */
  seed(count: number): number[] {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const topic = this.newTopic();
      this.open.push(topic);
      const extra = Math.floor(this.random() * 3);
      for (let j = 0; j < extra; j++) this.writeIn(topic);
      ids.push(topic.topicId);
    }
    return ids;
  }

  /** A customer opens a new topic with a greeting and their question. */
  openTopic(): { topicId: number; customerId: string } {
    const topic = this.newTopic();
    this.open.push(topic);
    return { topicId: topic.topicId, customerId: topic.customerId };
  }

  private newTopic(): OpenTopic {
    const person = this.pick(this.people);
    const scenario = this.pick(SCENARIOS);
    // The demo store (src-main/core/shopline/demo-store.ts) has orders #1001 to #1060.
    const order = 1001 + Math.floor(this.random() * 60);
    const greeting = this.pick(GREETINGS[person.language]);
    const { topicId } = this.fake.customerCreatesTopic(this.chatId, person.id, scenario.title(order), `${greeting} ${scenario.opening(order)}`);
    return { topicId, customerId: person.id, language: person.language, scenario, order, messages: 1 };
  }

  /** A customer writes again in one of their open topics; null if none is open. */
  followUp(): number | null {
    if (this.open.length === 0) return null;
    const topic = this.pick(this.open);
    try {
      return this.writeIn(topic);
    } catch {
      // The topic was closed under the customer (FakeTelegram refuses): they stop writing there.
      this.open.splice(this.open.indexOf(topic), 1);
      return null;
    }
  }

  private writeIn(topic: OpenTopic): number {
    // After a few messages customers tend to wrap up.
    const text = topic.messages >= 3 && this.random() < 0.5 ? THANKS[topic.language] : this.pick(topic.scenario.followUps)(topic.order);
    topic.messages++;
    return this.fake.customerWrites(this.chatId, topic.topicId, topic.customerId, text);
  }

  /** How many events happen this tick for an expected count (whole part, plus the fraction by chance). */
  private draws(expected: number): number {
    const whole = Math.floor(expected);
    return whole + (this.random() < expected - whole ? 1 : 0);
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('DemoCustomers: nothing to pick from');
    return item;
  }
}

export interface DemoTelegram {
  fake: FakeTelegram;
  forum: TgForum;
  agent: FakeUserInfo;
  /** A StringSession already signed in as the demo agent: hand it to GramjsGateway. */
  session: string;
  /** For trying the sign-in screen: this phone and code sign in as the demo agent. */
  login: { phone: string; code: string };
  customers: DemoCustomers;
}

/**
 * A complete demo Telegram: an agent account, a forum with a few other chats around it,
 * seeded topics and a customer simulation (not started). Build the gateway with
 * `new GramjsGateway({ apiId: 1, apiHash: 'demo', session, clientFactory: fake.clientFactory })`.
 */
export async function createDemoTelegram(
  options: { seedTopics?: number; rate?: DemoRate; random?: () => number; scheduler?: DemoScheduler; now?: () => number } = {},
): Promise<DemoTelegram> {
  const fake = new FakeTelegram({ now: options.now, random: options.random });
  const login = { phone: '+15550100', code: '12345' };
  const agent = fake.addUser({ firstName: 'Demo', lastName: 'Agent', username: 'topicdesk_demo', phone: login.phone });
  fake.setCodeAndPassword(login.phone, login.code);
  const forum = fake.addForum({ title: 'Acme Store Support (demo)', memberIds: [agent.id] });
  fake.addChat({ kind: 'supergroup', title: 'Acme Team Chat (demo)', memberIds: [agent.id] });
  fake.addChat({ kind: 'broadcast', title: 'Acme News (demo)', memberIds: [agent.id] });
  const customers = new DemoCustomers({ fake, forum, rate: options.rate, random: options.random, scheduler: options.scheduler });
  customers.seed(options.seedTopics ?? 8);
  const session = await fake.authorizeSession(agent.id);
  return { fake, forum, agent, session, login, customers };
}
