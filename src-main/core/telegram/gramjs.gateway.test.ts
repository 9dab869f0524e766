// Tests for GramjsGateway driven through FakeTelegram: real gramjs client code, real TL
// serialisation, a scripted server. Clocks are injected; nothing sleeps.
import { Api } from 'telegram';
import { LogLevel } from 'telegram/extensions/Logger';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram, type FakeTelegramOptions, type FakeUserInfo } from './fake-telegram';
import { type GatewayClock, GramjsGateway } from './gramjs.gateway';
import { checkPts } from './pts.rules';
import { TelegramError, TgUpdate, type TgChatUpdate, type TgForum } from './telegram.gateway';

/** Time that moves only when the test says so; timers fire as it passes them. */
class ManualClock implements GatewayClock {
  private time = Date.UTC(2025, 0, 15, 9, 0, 0);
  private timers: Array<{ at: number; callback: () => void }> = [];
  now = (): number => this.time;
  setTimeout = (callback: () => void, ms: number): (() => void) => {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.callback();
  }
  get pending(): number {
    return this.timers.length;
  }
}

const PHONE = '+44 7700 900001';
const gateways: GramjsGateway[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.dispose()));
});

function gatewayFor(fake: FakeTelegram, session: string, clock: GatewayClock): GramjsGateway {
  const gateway = new GramjsGateway({
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    session,
    clientFactory: fake.clientFactory,
    clock,
    logLevel: LogLevel.NONE,
  });
  gateways.push(gateway);
  return gateway;
}

interface World {
  fake: FakeTelegram;
  clock: ManualClock;
  agent: FakeUserInfo;
  alice: FakeUserInfo;
  bob: FakeUserInfo;
  forum: TgForum;
}

function world(options: FakeTelegramOptions = {}): World {
  const clock = new ManualClock();
  const fake = new FakeTelegram({ now: clock.now, ...options });
  const agent = fake.addUser({ firstName: 'Dana', lastName: 'Reyes', username: 'dana_support', phone: PHONE });
  const alice = fake.addUser({ firstName: 'Alice', lastName: 'Moreau', phone: '33612345678' });
  const bob = fake.addUser({ firstName: 'Bob', username: 'bobk' });
  const forum = fake.addForum({ title: 'Acme Support', memberIds: [agent.id] });
  return { fake, clock, agent, alice, bob, forum };
}

/** A world with the agent already signed in and connected, recording every update. */
async function connected(options: FakeTelegramOptions = {}) {
  const w = world(options);
  const gateway = gatewayFor(w.fake, await w.fake.authorizeSession(w.agent.id), w.clock);
  const updates: TgUpdate[] = [];
  gateway.onUpdate((update) => void updates.push(update));
  await gateway.connect();
  const chatUpdates = async (): Promise<TgChatUpdate[]> => {
    await gateway.idle();
    return updates.filter((u): u is TgChatUpdate => 'chatId' in u);
  };
  return { ...w, gateway, updates, chatUpdates };
}

async function rejection(promise: Promise<unknown>): Promise<TelegramError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TelegramError);
  return error as TelegramError;
}

describe('sign-in', () => {
  it('signs in with a code, and the exported session works after a restart', async () => {
    const { fake, clock, agent, forum } = world();
    fake.setCodeAndPassword(PHONE, '12345');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    expect(await gateway.probeSession()).toBe('revoked');
    expect(await gateway.sendCode(PHONE)).toEqual({ codeViaApp: true });
    const result = await gateway.signIn('12345');
    expect(result).toEqual({
      kind: 'done',
      user: { id: agent.id, firstName: 'Dana', lastName: 'Reyes', username: 'dana_support', phone: PHONE, isBot: false },
    });
    const session = gateway.exportSession();
    expect(session).toMatch(/^1[A-Za-z0-9+/=]+$/);

    const restarted = gatewayFor(fake, session, clock);
    await restarted.connect();
    expect(await restarted.probeSession()).toBe('ok');
    expect((await restarted.getSelf()).id).toBe(agent.id);
    // The stored forum reference is enough: no dialog listing needed after a restart.
    expect((await restarted.listTopics(forum)).topics.map((t) => t.topicId)).toEqual([1]);
  });

  it('reports a wrong code, then accepts the right one', async () => {
    const { fake, clock } = world();
    fake.setCodeAndPassword(PHONE, '12345');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    await gateway.sendCode(PHONE);
    const error = await rejection(gateway.signIn('54321'));
    expect(error).toMatchObject({ kind: 'invalid_input', errorMessage: 'PHONE_CODE_INVALID' });
    expect((await gateway.signIn('12345')).kind).toBe('done');
  });

  it('reports an expired code', async () => {
    const { fake, clock } = world();
    fake.setCodeAndPassword(PHONE, '12345');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    await gateway.sendCode(PHONE);
    fake.expireCode(PHONE);
    expect(await rejection(gateway.signIn('12345'))).toMatchObject({ kind: 'invalid_input', errorMessage: 'PHONE_CODE_EXPIRED' });
  });

  it('asks for the code to be sent first', async () => {
    const { fake, clock } = world();
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    expect(await rejection(gateway.signIn('12345'))).toMatchObject({ kind: 'invalid_input', errorMessage: 'PHONE_CODE_HASH_EMPTY' });
  });

  it('signs in with 2FA: hint, wrong password rejected by the SRP check, right one accepted', async () => {
    const { fake, clock, agent } = world();
    fake.setCodeAndPassword(PHONE, '12345', 'tr0ub4dor&3', 'the usual');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    await gateway.sendCode(PHONE);
    expect(await gateway.signIn('12345')).toEqual({ kind: 'password_needed', hint: 'the usual' });
    const wrong = await rejection(gateway.checkPassword('correct horse'));
    expect(wrong).toMatchObject({ kind: 'invalid_input', errorMessage: 'PASSWORD_HASH_INVALID' });
    expect(await gateway.probeSession()).toBe('revoked');
    expect((await gateway.checkPassword('tr0ub4dor&3')).id).toBe(agent.id);
    expect(await gateway.probeSession()).toBe('ok');
  });

  it('surfaces a flood wait on sendCode at once, with its seconds', async () => {
    const { fake, clock } = world();
    fake.setCodeAndPassword(PHONE, '12345');
    fake.failNext('auth.SendCode', 'FLOOD_WAIT_30');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    const error = await rejection(gateway.sendCode(PHONE));
    expect(error).toMatchObject({ kind: 'flood', seconds: 30, errorMessage: 'FLOOD_WAIT_30' });
    // gramjs did not sleep and retry behind our back.
    expect(fake.requests.filter((r) => r === 'auth.SendCode')).toHaveLength(1);
  });

  it('signs in by QR code, showing a fresh code when one expires', async () => {
    const { fake, clock, agent } = world();
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    const shown: Array<{ url: string; expiresAt: number }> = [];
    const done = gateway.signInWithQr((url, expiresAt) => shown.push({ url, expiresAt }));
    await until(() => shown.length === 1);
    expect(shown[0]!.url).toMatch(/^tg:\/\/login\?token=[A-Za-z0-9_-]+$/);
    expect(shown[0]!.expiresAt).toBe(Math.floor(clock.now() / 1000) * 1000 + 30_000);
    clock.advance(30_000);
    await until(() => shown.length === 2);
    expect(shown[1]!.url).not.toBe(shown[0]!.url);
    expect(() => fake.acceptQrLogin(shown[0]!.url, agent.id)).toThrow(/unknown|expired/);
    fake.acceptQrLogin(shown[1]!.url, agent.id);
    expect(await done).toMatchObject({ kind: 'done', user: { id: agent.id } });
    expect(clock.pending).toBe(0);
    expect(await gateway.probeSession()).toBe('ok');
  });

  it('asks for the password after a QR scan on a 2FA account', async () => {
    const { fake, clock, agent } = world();
    fake.setCodeAndPassword(PHONE, '12345', 'pw', 'pet');
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    const result = await gateway.signInWithQr((url) => fake.acceptQrLogin(url, agent.id));
    expect(result).toEqual({ kind: 'password_needed', hint: 'pet' });
    expect((await gateway.checkPassword('pw')).id).toBe(agent.id);
  });

  it('stops a QR login when asked', async () => {
    const { fake, clock } = world();
    const gateway = gatewayFor(fake, '', clock);
    await gateway.connect();
    const abort = new AbortController();
    const done = gateway.signInWithQr(() => abort.abort(), { signal: abort.signal });
    expect(await rejection(done)).toMatchObject({ errorMessage: 'QR_LOGIN_CANCELLED' });
  });
});

describe('session and connection', () => {
  it('detects a revoked session and tells the subscribers', async () => {
    const { fake, gateway, agent, updates } = await connected();
    await gateway.idle();
    const states: string[] = [];
    gateway.onConnectionState((state) => void states.push(state));
    fake.revokeSessions(agent.id);
    expect(await gateway.probeSession()).toBe('revoked');
    await gateway.idle();
    expect(states).toEqual(['revoked']);
    expect(updates.filter((u) => u.kind === 'sessionRevoked')).toHaveLength(1);
    // Any other call fails as revoked too, without announcing it twice.
    expect(await rejection(gateway.listForums())).toMatchObject({ kind: 'revoked', errorMessage: 'AUTH_KEY_UNREGISTERED' });
    await gateway.idle();
    expect(states).toEqual(['revoked']);
  });

  it('answers network when Telegram does not reply in time', async () => {
    const { fake, gateway, clock } = await connected();
    fake.setNetwork(false);
    const probe = gateway.probeSession();
    await until(() => clock.pending === 1);
    clock.advance(10_000);
    expect(await probe).toBe('network');
    fake.setNetwork(true);
    expect(await gateway.probeSession()).toBe('ok');
  });

  it('reports connection state changes', async () => {
    const { fake, gateway, updates } = await connected();
    fake.setNetwork(false);
    fake.setNetwork(true);
    await gateway.disconnect();
    await gateway.idle();
    const states = updates.flatMap((u) => (u.kind === 'connection' ? [u.state] : []));
    expect(states).toEqual(['connected', 'reconnecting', 'connected', 'disconnected']);
    expect(await rejection(gateway.listForums())).toMatchObject({ kind: 'network' });
  });

  it('logs out: the session is gone on both sides', async () => {
    const { fake, gateway, clock } = await connected();
    const before = gateway.exportSession();
    await gateway.logOut();
    expect(gateway.exportSession()).toBe('');
    const again = gatewayFor(fake, before, clock);
    await again.connect();
    expect(await again.probeSession()).toBe('revoked');
  });
});

describe('forums, topics and history', () => {
  it('lists only forum supergroups the account is in, with their access hashes', async () => {
    const { fake, gateway, agent, alice, forum } = await connected();
    fake.addChat({ kind: 'supergroup', title: 'Plain supergroup', memberIds: [agent.id] });
    fake.addChat({ kind: 'broadcast', title: 'Announcements', memberIds: [agent.id] });
    fake.addChat({ kind: 'basic', title: 'Old basic group', memberIds: [agent.id, alice.id] });
    fake.addChat({ kind: 'private', title: 'Alice', memberIds: [agent.id, alice.id] });
    fake.addForum({ title: 'Someone else’s forum', memberIds: [alice.id] });
    const wholesale = fake.addForum({ title: 'Wholesale', memberIds: [agent.id] });
    const forums = await gateway.listForums();
    expect(forums.sort((a, b) => a.title.localeCompare(b.title))).toEqual([forum, wholesale]);
  });

  it('pages through topics, most recently active first, with the forum pts', async () => {
    const { fake, gateway, alice, forum } = await connected();
    const ids: number[] = [];
    for (let i = 1; i <= 7; i++) ids.push(fake.customerCreatesTopic(forum.chatId, alice.id, `Order #${1040 + i}`, `Hi, about order #${1040 + i}`).topicId);
    // Activity in the oldest topic brings it to the front.
    fake.customerWrites(forum.chatId, ids[0]!, alice.id, 'Any news?');

    const seen: number[] = [];
    const pageSizes: number[] = [];
    let page = await gateway.listTopics(forum, null, 3);
    expect(page.pts).toBe(fake.ptsOf(forum.chatId));
    expect(page.total).toBe(8);
    for (;;) {
      pageSizes.push(page.topics.length);
      seen.push(...page.topics.map((t) => t.topicId));
      if (!page.next) break;
      page = await gateway.listTopics(forum, page.next, 3);
    }
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(seen).toEqual([ids[0], ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], 1]);
    const first = (await gateway.listTopics(forum, null, 1)).topics[0];
    expect(first).toMatchObject({ chatId: forum.chatId, topicId: ids[0], title: 'Order #1041', creatorId: alice.id, closed: false });
    expect((await gateway.listTopics(forum)).users.map((u) => u.id)).toContain(alice.id);
  });

  it('reads a topic’s history newest first, page by page, down to its opening', async () => {
    const { fake, gateway, alice, bob, forum } = await connected();
    const { topicId, messageId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Refund', 'I want a refund for #1042');
    const later = [
      fake.customerWrites(forum.chatId, topicId, alice.id, 'It arrived broken'),
      fake.customerWrites(forum.chatId, topicId, bob.id, 'Same here'),
      fake.customerWrites(forum.chatId, topicId, alice.id, 'Photos attached'),
    ];
    fake.customerWrites(forum.chatId, 1, bob.id, 'Off-topic in General');
    const first = await gateway.getTopicHistory(forum, topicId, { limit: 2 });
    expect(first.messages.map((m) => m.msgId)).toEqual([later[2], later[1]]);
    expect(first.messages.every((m) => m.topicId === topicId)).toBe(true);
    expect(first.users.map((u) => u.id).sort()).toEqual([alice.id, bob.id].sort());
    const rest = await gateway.getTopicHistory(forum, topicId, { limit: 10, offsetId: later[1] });
    expect(rest.messages.map((m) => m.msgId)).toEqual([later[0], messageId, topicId]);
    expect(rest.messages.at(-1)).toMatchObject({ isService: true, action: { type: 'topicCreated', title: 'Refund' } });
  });
});

describe('live updates', () => {
  it('delivers a new topic and its first message, in its topic, with users and pts', async () => {
    const { fake, alice, forum, chatUpdates } = await connected();
    const before = fake.ptsOf(forum.chatId);
    const { topicId, messageId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Where is my parcel?', 'Order #1042 has not arrived');
    const [created, message] = await chatUpdates();
    expect(created).toMatchObject({
      kind: 'topicCreated',
      chatId: forum.chatId,
      topic: { topicId, title: 'Where is my parcel?', creatorId: alice.id, closed: false },
      creator: { id: alice.id, firstName: 'Alice', lastName: 'Moreau' },
      pts: before + 1,
      ptsCount: 1,
    });
    expect(message).toMatchObject({
      kind: 'newMessage',
      message: { msgId: messageId, topicId, fromId: alice.id, text: 'Order #1042 has not arrived', out: false },
      sender: { id: alice.id },
      pts: before + 2,
    });
    for (const update of await chatUpdates()) expect(TgUpdate.parse(update)).toEqual(update);
  });

  it('delivers edits, deletions, renames and close/reopen, each following on in pts', async () => {
    const { fake, forum, alice, chatUpdates } = await connected();
    const { topicId, messageId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Parcel', 'Hello?');
    const second = fake.customerWrites(forum.chatId, topicId, alice.id, 'Hello??', [new Api.MessageEntityBold({ offset: 0, length: 5 })]);
    fake.editMessage(forum.chatId, messageId!, 'Hello, order #1042?');
    fake.deleteMessages(forum.chatId, [second]);
    fake.renameTopic(forum.chatId, topicId, 'Parcel #1042');
    fake.setTopicClosed(forum.chatId, topicId, true);
    fake.setTopicClosed(forum.chatId, topicId, false);
    fake.customerWrites(forum.chatId, 1, alice.id, 'Hi all');

    const updates = await chatUpdates();
    expect(updates.map((u) => u.kind)).toEqual([
      'topicCreated',
      'newMessage',
      'newMessage',
      'messageEdited',
      'messagesDeleted',
      'topicEdited',
      'topicEdited',
      'topicEdited',
      'newMessage',
    ]);
    expect(updates[2]).toMatchObject({ message: { entities: [{ type: 'bold', offset: 0, length: 5 }] } });
    expect(updates[3]).toMatchObject({ message: { msgId: messageId, text: 'Hello, order #1042?', topicId } });
    expect(updates[4]).toMatchObject({ msgIds: [second] });
    expect(updates[5]).toMatchObject({ topicId, title: 'Parcel #1042', closed: null });
    expect(updates[6]).toMatchObject({ topicId, title: null, closed: true });
    expect(updates[7]).toMatchObject({ topicId, closed: false });
    // General is delivered but marked, so the core can skip it.
    expect(updates[8]).toMatchObject({ message: { topicId: 1, text: 'Hi all' } });

    let pts = (updates[0]!.pts ?? 0) - 1;
    for (const update of updates) {
      if (update.kind === 'channelTooLong' || update.pts === null || update.ptsCount === null) throw new Error('missing pts');
      expect(checkPts(pts, { pts: update.pts, ptsCount: update.ptsCount })).toBe('apply');
      pts = update.pts;
    }
    expect(pts).toBe(fake.ptsOf(forum.chatId));
  });

  it('delivers one chat’s updates in order even when handlers are slow and async', async () => {
    const { fake, gateway, forum, alice, clock } = await connected();
    const handled: number[] = [];
    let running = 0;
    let overlapped = false;
    gateway.onUpdate(async (update) => {
      if (update.kind !== 'newMessage') return;
      running++;
      if (running > 1) overlapped = true;
      // Earlier messages take longer, which would reorder them without per-chat lanes.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - handled.length * 2)));
      handled.push(update.message.msgId);
      running--;
    });
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Many messages');
    const sent: number[] = [];
    for (let i = 0; i < 8; i++) sent.push(fake.customerWrites(forum.chatId, topicId, alice.id, `message ${i}`));
    await gateway.idle();
    expect(handled).toEqual(sent);
    expect(overlapped).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('recovers a gap: the missed changes come from getChannelDifference with the right pts', async () => {
    const { fake, gateway, forum, alice, chatUpdates } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Gap test', 'first');
    const delivered = await chatUpdates();
    const stored = delivered.at(-1)!.pts!;

    fake.dropUpdates(3);
    const missed = [
      fake.customerWrites(forum.chatId, topicId, alice.id, 'missed 1'),
      fake.customerWrites(forum.chatId, topicId, alice.id, 'missed 2'),
    ];
    fake.deleteMessages(forum.chatId, [missed[0]!]);
    const seen = fake.customerWrites(forum.chatId, topicId, alice.id, 'seen');

    const live = (await chatUpdates()).at(-1);
    expect(live).toMatchObject({ kind: 'newMessage', message: { msgId: seen } });
    if (live?.kind !== 'newMessage' || live.pts === null || live.ptsCount === null) throw new Error('expected a live message with pts');
    expect(checkPts(stored, { pts: live.pts, ptsCount: live.ptsCount })).toBe('gap');

    const page = await gateway.getChannelDifference(forum, stored);
    expect(page.kind).toBe('difference');
    if (page.kind !== 'difference') return;
    expect(page.final).toBe(true);
    expect(page.pts).toBe(fake.ptsOf(forum.chatId));
    expect(page.updates.map((u) => u.kind)).toEqual(['newMessage', 'newMessage', 'newMessage', 'messagesDeleted']);
    expect(page.updates.flatMap((u) => (u.kind === 'newMessage' ? [u.message.msgId] : []))).toEqual([...missed, seen]);
    expect(page.updates[0]).toMatchObject({ sender: { id: alice.id }, pts: null, ptsCount: null });
    expect(page.updates[3]).toMatchObject({ msgIds: [missed[0]] });
  });

  it('pages a long difference until final, then reports it empty', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const start = fake.ptsOf(forum.chatId);
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Busy');
    for (let i = 0; i < 4; i++) fake.customerWrites(forum.chatId, topicId, alice.id, `m${i}`);
    const kinds: string[] = [];
    let pts = start;
    for (;;) {
      const page = await gateway.getChannelDifference(forum, pts, 2);
      if (page.kind !== 'difference') throw new Error(`unexpected ${page.kind}`);
      kinds.push(...page.updates.map((u) => u.kind));
      pts = page.pts;
      if (page.final) break;
    }
    expect(kinds).toEqual(['topicCreated', 'newMessage', 'newMessage', 'newMessage', 'newMessage']);
    expect(await gateway.getChannelDifference(forum, pts)).toEqual({ kind: 'empty', pts });
  });

  it('hears nothing while disconnected, and catches up after connecting again', async () => {
    const { fake, gateway, forum, alice, chatUpdates } = await connected();
    const stored = fake.ptsOf(forum.chatId);
    await gateway.disconnect();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Written while away', 'hello?');
    await gateway.connect();
    expect(await chatUpdates()).toEqual([]);
    const page = await gateway.getChannelDifference(forum, stored);
    expect(page).toMatchObject({ kind: 'difference', final: true, pts: fake.ptsOf(forum.chatId) });
    expect(page.kind === 'difference' && page.updates.map((u) => u.kind)).toEqual(['topicCreated', 'newMessage']);
    expect(page.kind === 'difference' && page.updates[0]).toMatchObject({ topic: { topicId }, creator: { id: alice.id } });
  });

  it('answers too_long when asked from too far back', async () => {
    const { fake, gateway, forum, alice } = await connected({ tooLongAfter: 5 });
    const start = fake.ptsOf(forum.chatId);
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Flood of messages');
    for (let i = 0; i < 6; i++) fake.customerWrites(forum.chatId, topicId, alice.id, `m${i}`);
    expect(await gateway.getChannelDifference(forum, start)).toEqual({ kind: 'too_long', pts: fake.ptsOf(forum.chatId) });
  });
});

describe('sending', () => {
  it('sends into the topic: the request names the forum and the topic, and the core hears of it with pts', async () => {
    const { fake, gateway, forum, alice, agent, chatUpdates } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Refund', 'Refund please');
    const result = await gateway.sendText(forum, topicId, 'Hi Alice, the refund for #1042 is on its way.');

    const [request] = fake.sentMessages;
    expect(request?.peer).toBeInstanceOf(Api.InputPeerChannel);
    const peer = request?.peer as Api.InputPeerChannel;
    expect(peer.channelId.toString()).toBe(forum.chatId);
    expect(peer.accessHash.toString()).toBe(forum.accessHash);
    expect(request?.replyTo).toBeInstanceOf(Api.InputReplyToMessage);
    expect((request?.replyTo as Api.InputReplyToMessage).replyToMsgId).toBe(topicId);
    expect(request?.message).toBe('Hi Alice, the refund for #1042 is on its way.');

    expect(result.msgIds).toHaveLength(1);
    expect(fake.messageIds(forum.chatId, topicId)).toContain(result.msgIds[0]);
    const own = (await chatUpdates()).at(-1);
    expect(own).toMatchObject({
      kind: 'newMessage',
      message: { msgId: result.msgIds[0], topicId, fromId: agent.id, out: true },
      pts: fake.ptsOf(forum.chatId),
      ptsCount: 1,
    });
    expect(result.date).toBe(own?.kind === 'newMessage' ? own.message.date : -1);
  });

  it('splits a 10,000-character reply into 3 messages, sent in order', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Long answer');
    const paragraph = 'Our returns policy covers every order shipped within the last thirty days. '.repeat(8).trim();
    let text = '';
    while (text.length < 10_000) text += `${paragraph}\n\n`;
    text = text.slice(0, 10_000).trim();
    const result = await gateway.sendText(forum, topicId, text);
    expect(result.msgIds).toHaveLength(3);
    expect([...result.msgIds].sort((a, b) => a - b)).toEqual(result.msgIds);
    const sent = fake.sentMessages.map((r) => r.message);
    expect(sent.every((part) => part.length <= 4096)).toBe(true);
    expect(sent.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const request of fake.sentMessages) expect((request.replyTo as Api.InputReplyToMessage).replyToMsgId).toBe(topicId);
  });

  it('uses the message length limit from Telegram’s config', async () => {
    const { fake, gateway, forum, alice } = await connected({ messageLengthMax: 1000 });
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Short limit');
    const result = await gateway.sendText(forum, topicId, 'word '.repeat(700));
    expect(result.msgIds).toHaveLength(4);
  });

  it('surfaces FloodWait as flood with seconds, without retrying', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Flood');
    fake.failNext('messages.SendMessage', 'FLOOD_WAIT_42');
    const error = await rejection(gateway.sendText(forum, topicId, 'hello'));
    expect(error).toMatchObject({ kind: 'flood', seconds: 42, sentMsgIds: [] });
    expect(fake.sentMessages).toHaveLength(1);
  });

  it('surfaces slow mode as slowmode with seconds', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Slow');
    fake.failNext('messages.SendMessage', 'SLOWMODE_WAIT_10');
    expect(await rejection(gateway.sendText(forum, topicId, 'hello'))).toMatchObject({ kind: 'slowmode', seconds: 10 });
  });

  it('reports a closed topic as permanent TOPIC_CLOSED', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Done');
    fake.setTopicClosed(forum.chatId, topicId, true);
    expect(await rejection(gateway.sendText(forum, topicId, 'hello'))).toMatchObject({ kind: 'permanent', errorMessage: 'TOPIC_CLOSED' });
  });

  it('says which parts went out when a long reply fails midway, and resumes from there', async () => {
    const { fake, gateway, forum, alice } = await connected();
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Partial');
    const text = 'chunk '.repeat(2000);
    fake.failNext('messages.SendMessage', 'FLOOD_WAIT_7', { after: 1 });
    const error = await rejection(gateway.sendText(forum, topicId, text));
    expect(error).toMatchObject({ kind: 'flood', seconds: 7 });
    expect(error.sentMsgIds).toHaveLength(1);
    const rest = await gateway.sendText(forum, topicId, text, { fromPart: error.sentMsgIds.length });
    expect(rest.msgIds).toHaveLength(2);
    const inTopic = fake.messageIds(forum.chatId, topicId);
    expect(inTopic.slice(-3)).toEqual([...error.sentMsgIds, ...rest.msgIds]);
  });

  it('refuses an empty reply without asking Telegram', async () => {
    const { fake, gateway, forum } = await connected();
    expect(await rejection(gateway.sendText(forum, 1, ' \n '))).toMatchObject({ kind: 'invalid_input', errorMessage: 'MESSAGE_EMPTY' });
    expect(fake.sentMessages).toHaveLength(0);
  });
});

/** Waits for gramjs's promise chains to reach a state, without sleeping on a timer. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}
