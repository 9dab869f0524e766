// Tests for FakeTelegram's own behaviour that the gateway tests do not cover: several
// clients at once, who hears what, and requests held while the network is down.
import { Api } from 'telegram';
import { LogLevel } from 'telegram/extensions/Logger';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from './fake-telegram';
import { GramjsGateway } from './gramjs.gateway';
import type { TgUpdate } from './telegram.gateway';

const gateways: GramjsGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.dispose()));
});

async function agentOn(fake: FakeTelegram, userId: string) {
  const gateway = new GramjsGateway({
    apiId: 1,
    apiHash: 'hash',
    session: await fake.authorizeSession(userId),
    clientFactory: fake.clientFactory,
    logLevel: LogLevel.NONE,
  });
  gateways.push(gateway);
  const updates: TgUpdate[] = [];
  gateway.onUpdate((u) => void updates.push(u));
  await gateway.connect();
  const messages = async () => {
    await gateway.idle();
    return updates.flatMap((u) => (u.kind === 'newMessage' ? [u] : []));
  };
  return { gateway, messages };
}

function team() {
  const fake = new FakeTelegram();
  const dana = fake.addUser({ firstName: 'Dana' });
  const eli = fake.addUser({ firstName: 'Eli' });
  const outsider = fake.addUser({ firstName: 'Olga' });
  const alice = fake.addUser({ firstName: 'Alice' });
  const forum = fake.addForum({ title: 'Support', memberIds: [dana.id, eli.id] });
  return { fake, dana, eli, outsider, alice, forum };
}

describe('FakeTelegram', () => {
  it('tells the other agents about a reply, and the sender only through its result', async () => {
    const { fake, dana, eli, alice, forum } = team();
    const a = await agentOn(fake, dana.id);
    const b = await agentOn(fake, eli.id);
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Help', 'hello');
    const { msgIds } = await a.gateway.sendText(forum, topicId, 'On it!');

    const seenByB = (await b.messages()).at(-1);
    expect(seenByB).toMatchObject({ message: { msgId: msgIds[0], fromId: dana.id, out: false, topicId }, sender: { id: dana.id } });
    const seenByA = (await a.messages()).filter((m) => m.message.msgId === msgIds[0]);
    expect(seenByA).toHaveLength(1);
    expect(seenByA[0]).toMatchObject({ message: { out: true }, pts: seenByB?.pts });
  });

  it('keeps a forum’s updates from accounts that are not in it', async () => {
    const { fake, outsider, alice, forum } = team();
    const o = await agentOn(fake, outsider.id);
    fake.customerCreatesTopic(forum.chatId, alice.id, 'Private matter', 'hi');
    expect(await o.messages()).toEqual([]);
    expect(await o.gateway.listForums()).toEqual([]);
  });

  it('holds requests while the network is down and answers them when it is back', async () => {
    const { fake, dana, forum } = team();
    const a = await agentOn(fake, dana.id);
    fake.setNetwork(false);
    let answered = false;
    const pending = a.gateway.listTopics(forum).then((page) => {
      answered = true;
      return page;
    });
    await a.gateway.idle();
    expect(answered).toBe(false);
    fake.setNetwork(true);
    expect((await pending).topics.map((t) => t.title)).toEqual(['General']);
  });

  it('fails to connect while the network is down, and connects once it is back', async () => {
    const { fake, dana } = team();
    fake.setNetwork(false);
    const gateway = new GramjsGateway({
      apiId: 1,
      apiHash: 'hash',
      session: await fake.authorizeSession(dana.id),
      clientFactory: fake.clientFactory,
      logLevel: LogLevel.NONE,
    });
    gateways.push(gateway);
    await expect(gateway.connect()).rejects.toMatchObject({ kind: 'network', errorMessage: 'CONNECT_FAILED' });
    fake.setNetwork(true);
    await gateway.connect();
    expect((await gateway.getSelf()).id).toBe(dana.id);
  });

  it('still answers a difference from the oldest pts it keeps after a long busy spell', async () => {
    const fake = new FakeTelegram({ tooLongAfter: 10 });
    const dana = fake.addUser({ firstName: 'Dana' });
    const alice = fake.addUser({ firstName: 'Alice' });
    const forum = fake.addForum({ title: 'Busy', memberIds: [dana.id] });
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Chatty');
    for (let i = 0; i < 40; i++) fake.customerWrites(forum.chatId, topicId, alice.id, `m${i}`);
    const a = await agentOn(fake, dana.id);
    const pts = fake.ptsOf(forum.chatId);
    const page = await a.gateway.getChannelDifference(forum, pts - 10);
    expect(page).toMatchObject({ kind: 'difference', final: true, pts });
    expect(page.kind === 'difference' && page.updates).toHaveLength(10);
    expect(await a.gateway.getChannelDifference(forum, pts - 11)).toEqual({ kind: 'too_long', pts });
  });

  it('refuses a difference from a pts it never gave', async () => {
    const { fake, dana, forum } = team();
    const a = await agentOn(fake, dana.id);
    const error = await a.gateway.getChannelDifference(forum, fake.ptsOf(forum.chatId) + 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', errorMessage: 'PERSISTENT_TIMESTAMP_INVALID' });
  });

  it('refuses a forum reference with the wrong access hash', async () => {
    const { fake, dana, forum } = team();
    const a = await agentOn(fake, dana.id);
    const error = await a.gateway.listTopics({ chatId: forum.chatId, accessHash: '1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', errorMessage: 'CHANNEL_INVALID' });
  });

  it('fails only the requests it was told to, after letting some through', async () => {
    const { fake, dana, forum } = team();
    const a = await agentOn(fake, dana.id);
    fake.failNext('channels.GetForumTopics', 'INTERNAL', { after: 1, times: 2 });
    await expect(a.gateway.listTopics(forum)).resolves.toBeDefined();
    await expect(a.gateway.listTopics(forum)).rejects.toMatchObject({ kind: 'network' });
    await expect(a.gateway.listTopics(forum)).rejects.toMatchObject({ kind: 'network' });
    await expect(a.gateway.listTopics(forum)).resolves.toBeDefined();
  });

  it('carries on from a JSON snapshot: same ids, pts, history and signed-in session', async () => {
    const { fake, dana, alice, forum } = team();
    const eve = fake.addUser({ firstName: 'Eve', phone: '+15550123' });
    fake.setCodeAndPassword('+15550123', '11111', 'secret', 'hint');
    const session = await fake.authorizeSession(dana.id);
    const { topicId } = fake.customerCreatesTopic(forum.chatId, alice.id, 'Saved topic', 'hello');
    fake.customerWrites(forum.chatId, topicId, alice.id, 'bold move', [new Api.MessageEntityBold({ offset: 0, length: 4 })]);

    const restored = FakeTelegram.restore(JSON.parse(JSON.stringify(fake.snapshot())));
    expect(restored.listUsers()).toEqual(fake.listUsers());
    expect(restored.ptsOf(forum.chatId)).toBe(fake.ptsOf(forum.chatId));
    // The session string the app kept is still signed in.
    const gateway = new GramjsGateway({ apiId: 1, apiHash: 'hash', session, clientFactory: restored.clientFactory, logLevel: LogLevel.NONE });
    gateways.push(gateway);
    await gateway.connect();
    expect(await gateway.probeSession()).toBe('ok');
    const history = await gateway.getTopicHistory(forum, topicId, { limit: 10 });
    expect(history.messages.map((m) => m.text)).toEqual(['bold move', 'hello', '']);
    expect(history.messages[0]?.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(history.messages[2]?.action).toEqual({ type: 'topicCreated', title: 'Saved topic', iconColor: expect.any(Number) });

    // Ids carry on where they stopped, and the 2FA account still checks its password.
    const next = restored.customerWrites(forum.chatId, topicId, alice.id, 'after restart');
    expect(next).toBe(Math.max(...fake.messageIds(forum.chatId, topicId)) + 1);
    const fresh = new GramjsGateway({ apiId: 1, apiHash: 'hash', session: '', clientFactory: restored.clientFactory, logLevel: LogLevel.NONE });
    gateways.push(fresh);
    await fresh.connect();
    await fresh.sendCode('+15550123');
    expect(await fresh.signIn('11111')).toEqual({ kind: 'password_needed', hint: 'hint' });
    expect((await fresh.checkPassword('secret')).id).toBe(eve.id);
  });

  it('refuses a snapshot that is not one', () => {
    expect(() => FakeTelegram.restore({ version: 2 })).toThrow();
    expect(() => FakeTelegram.restore(null)).toThrow();
  });
});
