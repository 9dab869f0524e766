// The demo workspace: a simulated Telegram forum (FakeTelegram behind the real gramjs
// gateway, exactly as the tests drive it) whose customers keep writing, a demo agent who
// is signed in, and colleagues to assign to. Everything is labelled demo in the UI.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from '../../../src-preload/contract';
import type { Core } from '../start-core';
import { DemoCustomers } from '../telegram/demo-customers';
import { FakeTelegram } from '../telegram/fake-telegram';
import { GramjsGateway } from '../telegram/gramjs.gateway';
import type { TelegramGateway } from '../telegram/telegram.gateway';
import { agentIdOf } from '../telegram-sync/telegram-account.service';
import { applyDemoConfig } from './demo.config';

export const DEMO_PHONE = '+15550100';
export const DEMO_CODE = '24680';
const DEMO_API = { apiId: 1, apiHash: '0123456789abcdef0123456789abcdef' };

const colleagues = [
  { firstName: 'Priya', lastName: 'Shah', skills: ['billing', 'refunds'], languages: ['en', 'hi'] },
  { firstName: 'Mateo', lastName: 'García', skills: ['shipping'], languages: ['es', 'en'] },
  { firstName: 'Yuki', lastName: 'Tanaka', skills: ['technical'], languages: ['ja', 'en'] },
];

export interface DemoOptions {
  dataDir: string;
  /** New topics per minute from simulated customers (0 stops the simulation). */
  topicsPerMinute: number;
  /** Topics created at the very first start, so the inbox is never empty. */
  seedTopics?: number;
}

interface DemoState {
  snapshot: unknown;
  agentUserId: string;
  colleagueIds: string[];
  forumId: string;
}

/** How often the simulated Telegram is written to disk while it changes. */
const SAVE_EVERY_MS = 2_000;

export class DemoWorkspace {
  private saveTimer: NodeJS.Timeout | null = null;
  private savedPts = -1;
  readonly customers: DemoCustomers;

  private constructor(
    readonly fake: FakeTelegram,
    private readonly state: DemoState,
    private readonly options: DemoOptions,
    fresh: boolean,
  ) {
    const perMinute = options.topicsPerMinute;
    this.customers = new DemoCustomers({ fake, forum: { chatId: state.forumId }, rate: { topicsPerMinute: perMinute, messagesPerMinute: perMinute * 3 } });
    if (fresh) this.customers.seed(options.seedTopics ?? 8);
  }

  /** Restores the simulated Telegram of an earlier run (so pts and ids carry on), or makes one. */
  static open(options: DemoOptions): DemoWorkspace {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'demo-telegram.json');
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoState;
      return new DemoWorkspace(FakeTelegram.restore(saved.snapshot), saved, options, false);
    }
    const fake = new FakeTelegram();
    const agent = fake.addUser({ firstName: 'Dana', lastName: 'Demo', phone: DEMO_PHONE, username: 'dana_demo' });
    const team = colleagues.map((c) => fake.addUser({ firstName: c.firstName, lastName: c.lastName }));
    const forum = fake.addForum({ title: 'Acme Store Support (demo)', memberIds: [agent.id, ...team.map((u) => u.id)] });
    fake.addChat({ kind: 'supergroup', title: 'Acme Team Chat (demo, not a forum)', memberIds: [agent.id] });
    return new DemoWorkspace(fake, { snapshot: null, agentUserId: agent.id, colleagueIds: team.map((u) => u.id), forumId: forum.chatId }, options, true);
  }

  readonly createGateway = (session: string): TelegramGateway =>
    new GramjsGateway({ ...DEMO_API, session, clientFactory: this.fake.clientFactory, onHandlerError: () => {} });

  /** Signs the demo agent in (as a person would, by code), picks the forum, adds colleagues. */
  async attach(core: Core): Promise<void> {
    this.fake.setCodeAndPassword(DEMO_PHONE, DEMO_CODE);
    await core.started;
    if (core.telegram.current.step !== 'signed_in') {
      await core.telegram.sendCode(DEMO_PHONE);
      await core.telegram.signIn(DEMO_CODE);
    }
    // Team and rules first, so the first topics are routed as they arrive.
    await this.addColleagues(core);
    const configIds = new Set((await core.db.config.find().exec()).map((doc) => doc.id));
    await applyDemoConfig(core.dispatcher, configIds);
    if (!core.telegram.current.forums.some((f) => f.selected)) {
      await core.telegram.refreshForums();
      await core.telegram.selectForums([this.state.forumId]);
    }
    if (this.options.topicsPerMinute > 0) this.customers.start();
    this.saveTimer = setInterval(() => this.persistIfChanged(), SAVE_EVERY_MS);
    this.saveTimer.unref();
  }

  private async addColleagues(core: Core): Promise<void> {
    const users = this.fake.listUsers().filter((u) => this.state.colleagueIds.includes(u.id));
    const docs: Agent[] = users.map((user, i) => ({
      id: agentIdOf(user.id),
      tgUserId: user.id,
      name: `${user.firstName} ${user.lastName ?? ''}`.trim(),
      role: i === 0 ? 'lead' : 'agent',
      skills: ['support', ...(colleagues[i]?.skills ?? [])],
      languages: colleagues[i]?.languages ?? ['en'],
      capacity: 8,
      availability: i === 2 ? 'away' : 'online',
      updatedAt: Date.now(),
    }));
    const existing = await core.db.agents.findByIds(docs.map((d) => d.id)).exec();
    await core.db.agents.bulkInsert(docs.filter((d) => !existing.has(d.id)));
    // The demo agent takes the general queue too, so routing hands them tickets.
    const me = await core.db.agents.findOne(agentIdOf(this.state.agentUserId)).exec();
    if (me && !me.skills.includes('support')) await me.incrementalPatch({ skills: ['support', ...me.skills], capacity: 8 });
  }

  private persistIfChanged(): void {
    const pts = this.fake.ptsOf(this.state.forumId);
    if (pts !== this.savedPts) this.persist();
  }

  /** Writes the simulated Telegram to disk, so a restart carries on with the same forum. */
  persist(): void {
    this.savedPts = this.fake.ptsOf(this.state.forumId);
    const state: DemoState = { ...this.state, snapshot: this.fake.snapshot() };
    const file = join(this.options.dataDir, 'demo-telegram.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  }

  get forumId(): string {
    return this.state.forumId;
  }

  dispose(): void {
    this.customers.stop();
    if (this.saveTimer) clearInterval(this.saveTimer);
    this.persist();
  }
}
