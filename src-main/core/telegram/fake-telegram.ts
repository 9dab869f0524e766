// FakeTelegram: a scripted Telegram server at gramjs's sender boundary, for tests and the
// demo. It installs on a real TelegramClient, answers the requests GramjsGateway sends
// with real Api.* results (both ways serialised to bytes and read back, as on the wire),
// keeps forum state with per-channel pts, and pushes live changes through gramjs's own
// update entry point. Runs in the main process (tests, `--demo`); never in production.
import { randomBytes } from 'node:crypto';
import { Api, TelegramClient, helpers } from 'telegram';
import type { TelegramClientParams } from 'telegram/client/telegramBaseClient';
import { _handleUpdate } from 'telegram/client/updates';
import { AuthKey } from 'telegram/crypto/AuthKey';
import type { MTProtoSender } from 'telegram/network';
import type { StringSession } from 'telegram/sessions';
import { type SrpAlgo, type SrpChallenge, newSrpAlgo, srpChallenge, srpVerifier, srpVerify, toKdfAlgo } from './fake-srp';
import {
  FakeTelegramSnapshot,
  type MessageJson,
  actionFromJson,
  entityFromJson,
  tlToJson,
} from './fake-telegram.snapshot';
import { FakeSender, RpcFailure, answerOnWire, errorCodeFor, roundTrip } from './fake-telegram.wire';
import type { TgForum } from './telegram.gateway';

/** Topic icon colours Telegram allows. */
export const TOPIC_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f] as const;

export interface FakeTelegramOptions {
  /** Epoch ms; inject to make dates deterministic. */
  now?: () => number;
  /** In [0, 1); used for ids, access hashes and colours. */
  random?: () => number;
  messageLengthMax?: number;
  /** GetChannelDifference answers ChannelDifferenceTooLong when asked from further back than this. */
  tooLongAfter?: number;
  qrTokenTtlSeconds?: number;
}

export interface FakeUserInfo {
  id: string;
  firstName: string;
  lastName?: string;
  username?: string;
  phone?: string;
  bot?: boolean;
}

type ChatKind = 'forum' | 'supergroup' | 'broadcast' | 'basic' | 'private';

interface StoredMessage {
  id: number;
  /** null: posted as the chat itself. */
  fromId: string | null;
  topicId: number;
  replyToMsgId: number | null;
  date: number;
  editDate: number | null;
  text: string;
  entities: Api.TypeMessageEntity[];
  action: Api.TypeMessageAction | null;
}

type Change =
  | { pts: number; ptsCount: number; kind: 'new' | 'edit'; message: StoredMessage }
  | { pts: number; ptsCount: number; kind: 'delete'; msgIds: number[] };

interface FakeTopic {
  id: number;
  title: string;
  iconColor: number;
  creatorId: string;
  date: number;
  closed: boolean;
}

interface FakeChat {
  id: string;
  accessHash: string;
  title: string;
  kind: ChatKind;
  ownerId: string | null;
  members: Set<string>;
  date: number;
  pts: number;
  log: Change[];
  messages: Map<number, StoredMessage>;
  topics: Map<number, FakeTopic>;
  nextId: number;
}

interface FakeAccount {
  userId: string;
  code: string;
  password: { text: string; hint: string | null; algo: SrpAlgo; verifier: Promise<Buffer> } | null;
  codeExpired: boolean;
}

interface FakeSession {
  keyId: string;
  userId: string | null;
  pendingPasswordFor: string | null;
  code: { phone: string; hash: string } | null;
  srp: { srpId: string; challenge: SrpChallenge } | null;
  qr: { token: Buffer; expires: number; acceptedBy: string | null } | null;
}

const long = (value: string | number) => helpers.returnBigInt(value);

export class FakeTelegram {
  /** Every messages.SendMessage a client sent (failed ones too), as read from its bytes. */
  readonly sentMessages: Api.messages.SendMessage[] = [];
  /** The class name of every request answered, in order (InvokeWithLayer unwrapped). */
  readonly requests: string[] = [];

  private readonly now: () => number;
  private readonly random: () => number;
  private readonly messageLengthMax: number;
  private readonly tooLongAfter: number;
  private readonly qrTtl: number;
  private readonly users = new Map<string, FakeUserInfo & { accessHash: string }>();
  private readonly chats = new Map<string, FakeChat>();
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly sessions = new Map<string, FakeSession>();
  private readonly senders = new Set<FakeSender>();
  /** Per request class: what the next requests get, in order (null: answered normally). */
  private readonly failures = new Map<string, Array<string | null>>();
  private nextUserId = 5_000_000_001;
  private nextChatId = 1_900_000_001;
  private nextGlobalMsgId = 1;
  private dropCount = 0;
  private online = true;
  private onlineWaiters: Array<() => void> = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FakeTelegramOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.messageLengthMax = options.messageLengthMax ?? 4096;
    this.tooLongAfter = options.tooLongAfter ?? 1000;
    this.qrTtl = options.qrTokenTtlSeconds ?? 30;
  }

  // ---------------------------------------------------------------- wiring to gramjs

  /** Makes this fake the client's server: requests and updates go through it from now on. */
  install(client: TelegramClient): void {
    const sender = new FakeSender(this, client);
    this.senders.add(sender);
    client._sender = sender as unknown as MTProtoSender;
  }

  /** A clientFactory for GramjsGateway: a real TelegramClient wired to this fake. */
  readonly clientFactory = (
    session: StringSession,
    apiId: number,
    apiHash: string,
    params: TelegramClientParams,
  ): TelegramClient => {
    const client = new TelegramClient(session, apiId, apiHash, params);
    this.install(client);
    return client;
  };

  get isOnline(): boolean {
    return this.online;
  }

  whenOnline(): Promise<void> {
    return this.online ? Promise.resolve() : new Promise((resolve) => this.onlineWaiters.push(resolve));
  }

  /** Network down: clients see a broken connection and requests wait; up: they go through. */
  setNetwork(up: boolean): void {
    if (up === this.online) return;
    this.online = up;
    for (const sender of this.senders) sender.stateChanged(up ? 1 : 0);
    if (up) {
      const waiters = this.onlineWaiters;
      this.onlineWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** @internal The session behind a connected sender's auth key. */
  sessionFor(sender: FakeSender): FakeSession {
    const keyId = sender.keyId;
    if (!keyId) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
    let session = this.sessions.get(keyId);
    if (!session) {
      session = { keyId, userId: null, pendingPasswordFor: null, code: null, srp: null, qr: null };
      this.sessions.set(keyId, session);
    }
    return session;
  }

  /** @internal Answers one request, serialised after the ones before it. */
  answer(sender: FakeSender, original: unknown, data: Buffer): Promise<unknown> {
    const run = async (): Promise<unknown> => {
      await this.whenOnline();
      return answerOnWire(original, data, (request) => this.dispatch(sender, request));
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async dispatch(sender: FakeSender, request: unknown): Promise<unknown> {
    if (request instanceof Api.InvokeWithLayer || request instanceof Api.InitConnection) {
      return this.dispatch(sender, request.query);
    }
    const name = classNameOf(request);
    if (request instanceof Api.PingDelayDisconnect || request instanceof Api.Ping) {
      // gramjs pings every few seconds; keeping them out of the log keeps a long demo lean.
      return new Api.Pong({ msgId: long(0), pingId: request.pingId });
    }
    this.requests.push(name);
    // Recorded before any injected failure: a test may assert what was attempted.
    if (request instanceof Api.messages.SendMessage) this.sentMessages.push(request);
    const injected = this.failures.get(name)?.shift();
    if (injected) throw new RpcFailure(errorCodeFor(injected), injected);

    if (request instanceof Api.help.GetConfig) return this.config();

    const session = this.sessionFor(sender);
    if (request instanceof Api.auth.SendCode) return this.sendCode(session, request);
    if (request instanceof Api.auth.SignIn) return this.signIn(session, request);
    if (request instanceof Api.account.GetPassword) return this.getPassword(session);
    if (request instanceof Api.auth.CheckPassword) return this.checkPassword(session, request);
    if (request instanceof Api.auth.ExportLoginToken) return this.exportLoginToken(session);

    const me = this.authorized(session);
    if (request instanceof Api.auth.LogOut) {
      session.userId = null;
      return new Api.auth.LoggedOut({});
    }
    if (request instanceof Api.updates.GetState) {
      return new Api.updates.State({ pts: 0, qts: 0, date: this.nowSec(), seq: 0, unreadCount: 0 });
    }
    if (request instanceof Api.users.GetUsers) return this.getUsers(me, request);
    if (request instanceof Api.messages.GetDialogs) return this.getDialogs(me, request);
    if (request instanceof Api.channels.GetForumTopics) return this.getForumTopics(me, request);
    if (request instanceof Api.messages.GetReplies) return this.getReplies(me, request);
    if (request instanceof Api.updates.GetChannelDifference) return this.getChannelDifference(me, request);
    if (request instanceof Api.messages.SendMessage) return this.sendMessage(sender, me, request);
    throw new RpcFailure(400, 'INPUT_METHOD_INVALID');
  }

  // ---------------------------------------------------------------- scripting: people and chats

  addUser(user: Omit<FakeUserInfo, 'id'> & { id?: string }): FakeUserInfo {
    const id = user.id ?? String(this.nextUserId++);
    const stored = { ...user, id, accessHash: this.randomLong() };
    this.users.set(id, stored);
    return { ...user, id };
  }

  /** A forum supergroup (topics on); its channel-create message opens General. */
  addForum(forum: { title: string; memberIds?: string[]; ownerId?: string }): TgForum {
    const chat = this.createChat('forum', forum.title, forum.memberIds ?? [], forum.ownerId);
    return { chatId: chat.id, accessHash: chat.accessHash, title: chat.title };
  }

  /** Other dialogs an account has, so forum discovery has something to leave out. */
  addChat(chat: { kind: Exclude<ChatKind, 'forum'>; title: string; memberIds: string[] }): string {
    return this.createChat(chat.kind, chat.title, chat.memberIds).id;
  }

  addMember(chatId: string, userId: string): void {
    this.chat(chatId).members.add(userId);
  }

  /** The phone's login code and, for 2FA, its cloud password. */
  setCodeAndPassword(phone: string, code: string, password?: string, hint?: string): void {
    const normalized = normalizePhone(phone);
    const user = [...this.users.values()].find((u) => u.phone && normalizePhone(u.phone) === normalized);
    if (!user) throw new Error(`FakeTelegram: no user with phone ${phone}; addUser it first`);
    const algo = newSrpAlgo();
    this.accounts.set(normalized, {
      userId: user.id,
      code,
      codeExpired: false,
      password: password === undefined ? null : { text: password, hint: hint ?? null, algo, verifier: srpVerifier(algo, password) },
    });
  }

  /** The code sent to this phone stops working (PHONE_CODE_EXPIRED). */
  expireCode(phone: string): void {
    const account = this.accounts.get(normalizePhone(phone));
    if (account) account.codeExpired = true;
  }

  /** A session string already signed in as this user (for the demo, or a restart test). */
  async authorizeSession(userId: string): Promise<string> {
    this.user(userId);
    const key = randomBytes(256);
    const authKey = new AuthKey();
    await authKey.setKey(key);
    const keyId = authKey.keyId?.toString();
    if (!keyId) throw new Error('FakeTelegram: no key id');
    this.sessions.set(keyId, { keyId, userId, pendingPasswordFor: null, code: null, srp: null, qr: null });
    return sessionString(key);
  }

  /** Logs this user out everywhere, as "terminate all sessions" does. */
  revokeSessions(userId: string): void {
    for (const session of this.sessions.values()) if (session.userId === userId) session.userId = null;
  }

  /** Approves a QR login from the user's phone: `url` is what signInWithQr showed. */
  acceptQrLogin(url: string, userId: string): void {
    this.user(userId);
    const token = Buffer.from(new URL(url).searchParams.get('token') ?? '', 'base64url');
    for (const sender of this.senders) {
      const session = sender.keyId ? this.sessions.get(sender.keyId) : undefined;
      if (!session?.qr || !session.qr.token.equals(token)) continue;
      if (session.qr.expires < this.nowSec()) throw new Error('FakeTelegram: QR token expired');
      session.qr.acceptedBy = userId;
      if (sender.receiving) {
        const update = new Api.UpdateShort({ update: new Api.UpdateLoginToken(), date: this.nowSec() });
        _handleUpdate(sender.client, roundTrip(update) as unknown as Api.TypeUpdate);
      }
      return;
    }
    throw new Error('FakeTelegram: unknown QR token');
  }

  /**
   * Requests of this class (e.g. 'messages.SendMessage') fail with `errorMessage`
   * (FLOOD_WAIT_30, SLOWMODE_WAIT_10, TOPIC_CLOSED, …): the next `times` of them, after
   * letting `after` through.
   */
  failNext(className: string, errorMessage: string, options: { times?: number; after?: number } = {}): void {
    const queue = this.failures.get(className) ?? [];
    for (let i = 0; i < (options.after ?? 0); i++) queue.push(null);
    for (let i = 0; i < (options.times ?? 1); i++) queue.push(errorMessage);
    this.failures.set(className, queue);
  }

  /** The next `count` changes happen (pts advances) but no client is told: a gap. */
  dropUpdates(count: number): void {
    this.dropCount += count;
  }

  // ---------------------------------------------------------------- scripting: what customers do

  customerCreatesTopic(
    chatId: string,
    userId: string,
    title: string,
    firstText?: string,
    options: { iconColor?: number } = {},
  ): { topicId: number; messageId: number | null } {
    const chat = this.forum(chatId);
    this.user(userId);
    chat.members.add(userId);
    const id = chat.nextId++;
    const iconColor = options.iconColor ?? TOPIC_COLORS[Math.floor(this.random() * TOPIC_COLORS.length)] ?? TOPIC_COLORS[0];
    chat.topics.set(id, { id, title, iconColor, creatorId: userId, date: this.nowSec(), closed: false });
    this.addMessage(chat, {
      id,
      fromId: userId,
      topicId: id,
      replyToMsgId: null,
      text: '',
      entities: [],
      action: new Api.MessageActionTopicCreate({ title, iconColor }),
    });
    const messageId = firstText === undefined ? null : this.customerWrites(chatId, id, userId, firstText);
    return { topicId: id, messageId };
  }

  customerWrites(
    chatId: string,
    topicId: number,
    userId: string,
    text: string,
    entities: Api.TypeMessageEntity[] = [],
    options: { replyToMsgId?: number } = {},
  ): number {
    const chat = this.forum(chatId);
    this.user(userId);
    const topic = this.topic(chat, topicId);
    if (topic.closed) throw new Error(`FakeTelegram: topic ${topicId} is closed`);
    chat.members.add(userId);
    const id = chat.nextId++;
    this.addMessage(chat, { id, fromId: userId, topicId, replyToMsgId: options.replyToMsgId ?? null, text, entities, action: null });
    return id;
  }

  editMessage(chatId: string, msgId: number, text: string, entities: Api.TypeMessageEntity[] = []): void {
    const chat = this.chat(chatId);
    const message = chat.messages.get(msgId);
    if (!message) throw new Error(`FakeTelegram: no message ${msgId}`);
    Object.assign(message, { text, entities, editDate: this.nowSec() });
    this.record(chat, { kind: 'edit', message: { ...message } }, 1);
  }

  deleteMessages(chatId: string, msgIds: number[]): void {
    const chat = this.chat(chatId);
    for (const id of msgIds) chat.messages.delete(id);
    this.record(chat, { kind: 'delete', msgIds: [...msgIds] }, msgIds.length);
  }

  renameTopic(chatId: string, topicId: number, title: string, byUserId?: string): void {
    const chat = this.forum(chatId);
    const topic = this.topic(chat, topicId);
    topic.title = title;
    this.topicEdit(chat, topic, new Api.MessageActionTopicEdit({ title }), byUserId);
  }

  setTopicClosed(chatId: string, topicId: number, closed: boolean, byUserId?: string): void {
    const chat = this.forum(chatId);
    const topic = this.topic(chat, topicId);
    topic.closed = closed;
    this.topicEdit(chat, topic, new Api.MessageActionTopicEdit({ closed }), byUserId);
  }

  // ---------------------------------------------------------------- saving between demo runs

  /** Everything needed to carry on later (users, chats, pts, signed-in sessions), as JSON-safe data. */
  snapshot(): FakeTelegramSnapshot {
    const password = (account: FakeAccount) =>
      account.password && {
        text: account.password.text,
        hint: account.password.hint,
        salt1: account.password.algo.salt1.toString('base64'),
        salt2: account.password.algo.salt2.toString('base64'),
      };
    return {
      version: 1,
      counters: { nextUserId: this.nextUserId, nextChatId: this.nextChatId, nextGlobalMsgId: this.nextGlobalMsgId },
      users: [...this.users.values()].map((user) => ({ ...user })),
      chats: [...this.chats.values()].map((chat) => ({
        id: chat.id,
        accessHash: chat.accessHash,
        title: chat.title,
        kind: chat.kind,
        ownerId: chat.ownerId,
        members: [...chat.members],
        date: chat.date,
        pts: chat.pts,
        nextId: chat.nextId,
        topics: [...chat.topics.values()].map((topic) => ({ ...topic })),
        messages: [...chat.messages.values()].map(messageToJson),
        log: chat.log.map((change) =>
          change.kind === 'delete' ? { ...change, msgIds: [...change.msgIds] } : { ...change, message: messageToJson(change.message) },
        ),
      })),
      accounts: [...this.accounts.entries()].map(([phone, account]) => ({
        phone,
        userId: account.userId,
        code: account.code,
        password: password(account),
      })),
      sessions: [...this.sessions.values()].flatMap((session) => (session.userId ? [{ keyId: session.keyId, userId: session.userId }] : [])),
    };
  }

  /** A fake that carries on from a snapshot (read from a file: it is validated first). */
  static restore(snapshot: unknown, options: FakeTelegramOptions = {}): FakeTelegram {
    const data = FakeTelegramSnapshot.parse(snapshot);
    const fake = new FakeTelegram(options);
    fake.nextUserId = data.counters.nextUserId;
    fake.nextChatId = data.counters.nextChatId;
    fake.nextGlobalMsgId = data.counters.nextGlobalMsgId;
    for (const user of data.users) fake.users.set(user.id, { ...user });
    for (const chat of data.chats) {
      fake.chats.set(chat.id, {
        ...chat,
        members: new Set(chat.members),
        topics: new Map(chat.topics.map((topic) => [topic.id, { ...topic }])),
        messages: new Map(chat.messages.map((m) => [m.id, messageFromJson(m)])),
        log: chat.log.map((change) => (change.kind === 'delete' ? { ...change } : { ...change, message: messageFromJson(change.message) })),
      });
    }
    for (const account of data.accounts) {
      const password = account.password;
      const algo = password && { salt1: Buffer.from(password.salt1, 'base64'), salt2: Buffer.from(password.salt2, 'base64') };
      fake.accounts.set(account.phone, {
        userId: account.userId,
        code: account.code,
        codeExpired: false,
        password: password && algo ? { text: password.text, hint: password.hint, algo, verifier: srpVerifier(algo, password.text) } : null,
      });
    }
    for (const { keyId, userId } of data.sessions) {
      fake.sessions.set(keyId, { keyId, userId, pendingPasswordFor: null, code: null, srp: null, qr: null });
    }
    return fake;
  }

  // ---------------------------------------------------------------- inspection

  listUsers(): FakeUserInfo[] {
    return [...this.users.values()].map(({ accessHash: _accessHash, ...user }) => user);
  }

  ptsOf(chatId: string): number {
    return this.chat(chatId).pts;
  }

  /** Topic ids of a forum, General (1) included, oldest first. */
  topicIds(chatId: string): number[] {
    return [...this.forum(chatId).topics.keys()];
  }

  /** Message ids in a topic, oldest first (the topic's own service message included). */
  messageIds(chatId: string, topicId: number): number[] {
    return [...this.chat(chatId).messages.values()].filter((m) => m.topicId === topicId).map((m) => m.id);
  }

  // ---------------------------------------------------------------- state changes

  private createChat(kind: ChatKind, title: string, memberIds: string[], ownerId?: string): FakeChat {
    for (const id of memberIds) this.user(id);
    const owner = ownerId ?? memberIds[0] ?? null;
    const chat: FakeChat = {
      id: String(this.nextChatId++),
      accessHash: this.randomLong(),
      title,
      kind,
      ownerId: owner,
      members: new Set([...memberIds, ...(owner ? [owner] : [])]),
      date: this.nowSec(),
      pts: 0,
      log: [],
      messages: new Map(),
      topics: new Map(),
      nextId: 1,
    };
    this.chats.set(chat.id, chat);
    if (kind === 'forum') {
      chat.topics.set(1, { id: 1, title: 'General', iconColor: TOPIC_COLORS[0], creatorId: owner ?? '', date: chat.date, closed: false });
    }
    // Every dialog needs a top message: the creation service message, or a greeting in a private chat.
    const action =
      kind === 'private'
        ? null
        : kind === 'basic'
          ? new Api.MessageActionChatCreate({ title, users: memberIds.map(long) })
          : new Api.MessageActionChannelCreate({ title });
    this.addMessage(chat, {
      // Channels number their messages themselves; other chats share the account's sequence.
      id: this.isChannel(chat) ? chat.nextId++ : this.nextGlobalMsgId++,
      fromId: owner,
      topicId: 1,
      replyToMsgId: null,
      text: action ? '' : `Hi, this is ${title}`,
      entities: [],
      action,
    });
    return chat;
  }

  private addMessage(chat: FakeChat, message: Omit<StoredMessage, 'date' | 'editDate'>): void {
    const stored: StoredMessage = { ...message, date: this.nowSec(), editDate: null };
    chat.messages.set(stored.id, stored);
    this.record(chat, { kind: 'new', message: { ...stored } }, 1);
  }

  /**
   * Advances the chat's pts, keeps the change for GetChannelDifference and tells the
   * clients (except `origin`, which learns from its own request's result).
   */
  private record(
    chat: FakeChat,
    change: { kind: 'new' | 'edit'; message: StoredMessage } | { kind: 'delete'; msgIds: number[] },
    ptsCount: number,
    origin: FakeSender | null = null,
  ): Change {
    chat.pts += ptsCount;
    const entry: Change = { ...change, pts: chat.pts, ptsCount };
    chat.log.push(entry);
    // Older changes are never replayed (that answer is ChannelDifferenceTooLong): forget them.
    while ((chat.log[0]?.pts ?? Infinity) <= chat.pts - this.tooLongAfter) chat.log.shift();
    if (!this.isChannel(chat)) return entry;
    if (this.dropCount > 0) {
      this.dropCount--;
      return entry;
    }
    this.publish(chat, entry, origin);
    return entry;
  }

  /** Tells every connected member's client about a change, as live Updates. */
  private publish(chat: FakeChat, change: Change, origin: FakeSender | null): void {
    for (const sender of this.senders) {
      if (sender === origin || !sender.receiving || !sender.keyId) continue;
      const viewer = this.sessions.get(sender.keyId)?.userId;
      if (!viewer || !chat.members.has(viewer)) continue;
      const update = this.changeToUpdate(chat, change, viewer);
      const updates = new Api.Updates({
        updates: [update],
        users: this.apiUsers(this.usersIn(chat, change), viewer),
        chats: [this.apiChat(chat, viewer)],
        date: this.nowSec(),
        seq: 0,
      });
      _handleUpdate(sender.client, roundTrip(updates) as unknown as Api.TypeUpdate);
    }
  }

  private topicEdit(chat: FakeChat, topic: FakeTopic, action: Api.MessageActionTopicEdit, byUserId?: string): void {
    const by = byUserId ?? chat.ownerId ?? topic.creatorId;
    this.addMessage(chat, { id: chat.nextId++, fromId: by, topicId: topic.id, replyToMsgId: null, text: '', entities: [], action });
  }

  // ---------------------------------------------------------------- request handlers

  private sendCode(session: FakeSession, request: Api.auth.SendCode): Api.auth.SentCode {
    const phone = normalizePhone(request.phoneNumber);
    const account = this.accounts.get(phone);
    if (!account) throw new RpcFailure(400, 'PHONE_NUMBER_INVALID');
    account.codeExpired = false;
    const hash = randomBytes(8).toString('hex');
    session.code = { phone, hash };
    return new Api.auth.SentCode({
      type: new Api.auth.SentCodeTypeApp({ length: account.code.length }),
      phoneCodeHash: hash,
      timeout: 60,
    });
  }

  private signIn(session: FakeSession, request: Api.auth.SignIn): Api.auth.Authorization {
    const phone = normalizePhone(request.phoneNumber);
    const account = this.accounts.get(phone);
    if (!account || !session.code || session.code.phone !== phone) throw new RpcFailure(400, 'PHONE_NUMBER_INVALID');
    if (session.code.hash !== request.phoneCodeHash || account.codeExpired) throw new RpcFailure(400, 'PHONE_CODE_EXPIRED');
    if (!request.phoneCode) throw new RpcFailure(400, 'PHONE_CODE_EMPTY');
    if (request.phoneCode !== account.code) throw new RpcFailure(400, 'PHONE_CODE_INVALID');
    session.code = null;
    return this.completeSignIn(session, account.userId);
  }

  /** Signs the session in, or asks for the cloud password first. */
  private completeSignIn(session: FakeSession, userId: string): Api.auth.Authorization {
    if (this.accountOf(userId)?.password) {
      session.pendingPasswordFor = userId;
      throw new RpcFailure(401, 'SESSION_PASSWORD_NEEDED');
    }
    session.userId = userId;
    return new Api.auth.Authorization({ user: this.apiUser(this.user(userId), userId) });
  }

  private async getPassword(session: FakeSession): Promise<Api.account.Password> {
    const userId = session.pendingPasswordFor ?? session.userId;
    if (!userId) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
    const password = this.accountOf(userId)?.password;
    const common = {
      newAlgo: toKdfAlgo(newSrpAlgo()),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
      secureRandom: randomBytes(32),
    };
    if (!password) return new Api.account.Password({ hasPassword: false, ...common });
    const challenge = srpChallenge(await password.verifier);
    const srpId = this.randomLong();
    session.srp = { srpId, challenge };
    return new Api.account.Password({
      hasPassword: true,
      currentAlgo: toKdfAlgo(password.algo),
      srp_B: challenge.B,
      srpId: long(srpId),
      hint: password.hint ?? undefined,
      ...common,
    });
  }

  private async checkPassword(session: FakeSession, request: Api.auth.CheckPassword): Promise<Api.auth.Authorization> {
    const userId = session.pendingPasswordFor;
    const password = userId ? this.accountOf(userId)?.password : null;
    if (!userId || !password) throw new RpcFailure(400, 'PASSWORD_HASH_INVALID');
    const check = request.password;
    if (!(check instanceof Api.InputCheckPasswordSRP) || !session.srp || check.srpId.toString() !== session.srp.srpId) {
      throw new RpcFailure(400, 'SRP_ID_INVALID');
    }
    const { challenge } = session.srp;
    // Each challenge is good for one attempt, as on Telegram.
    session.srp = null;
    if (!srpVerify(password.algo, await password.verifier, challenge, { A: check.A, M1: check.M1 })) {
      throw new RpcFailure(400, 'PASSWORD_HASH_INVALID');
    }
    session.pendingPasswordFor = null;
    session.userId = userId;
    return new Api.auth.Authorization({ user: this.apiUser(this.user(userId), userId) });
  }

  private exportLoginToken(session: FakeSession): Api.auth.TypeLoginToken {
    if (session.qr?.acceptedBy) {
      const userId = session.qr.acceptedBy;
      session.qr = null;
      return new Api.auth.LoginTokenSuccess({ authorization: this.completeSignIn(session, userId) });
    }
    const token = randomBytes(32);
    const expires = this.nowSec() + this.qrTtl;
    session.qr = { token, expires, acceptedBy: null };
    return new Api.auth.LoginToken({ expires, token });
  }

  private getUsers(me: string, request: Api.users.GetUsers): Api.TypeUser[] {
    return request.id.map((input) => {
      const id = input instanceof Api.InputUserSelf ? me : input instanceof Api.InputUser ? input.userId.toString() : null;
      const user = id ? this.users.get(id) : undefined;
      return user ? this.apiUser(user, me) : new Api.UserEmpty({ id: long(id ?? 0) });
    });
  }

  private getDialogs(me: string, request: Api.messages.GetDialogs): Api.messages.TypeDialogs {
    const all = [...this.chats.values()]
      .filter((chat) => chat.members.has(me))
      .map((chat) => ({ chat, top: this.topMessage(chat, null) }))
      .filter((d): d is { chat: FakeChat; top: StoredMessage } => d.top !== null)
      .sort((a, b) => b.top.date - a.top.date || b.top.id - a.top.id);
    const after = request.offsetDate
      ? all.filter((d) => d.top.date < request.offsetDate || (d.top.date === request.offsetDate && d.top.id < request.offsetId))
      : all;
    const page = after.slice(0, Math.max(1, request.limit));
    const dialogs = page.map(({ chat, top }) => this.apiDialog(chat, top.id, me));
    const messages = page.map(({ chat, top }) => this.apiMessage(chat, top, me));
    const chats = page.filter(({ chat }) => chat.kind !== 'private').map(({ chat }) => this.apiChat(chat, me));
    const userIds = new Set<string>([me]);
    for (const { chat, top } of page) {
      if (top.fromId) userIds.add(top.fromId);
      if (chat.kind === 'private') for (const id of chat.members) userIds.add(id);
    }
    const users = this.apiUsers([...userIds], me);
    if (page.length === after.length && after.length === all.length) return new Api.messages.Dialogs({ dialogs, messages, chats, users });
    return new Api.messages.DialogsSlice({ count: all.length, dialogs, messages, chats, users });
  }

  private getForumTopics(me: string, request: Api.channels.GetForumTopics): Api.messages.ForumTopics {
    const chat = this.channelFor(me, request.channel);
    if (chat.kind !== 'forum') throw new RpcFailure(400, 'CHANNEL_FORUM_MISSING');
    const query = request.q?.toLowerCase();
    const listed = [...chat.topics.values()]
      .filter((topic) => !query || topic.title.toLowerCase().includes(query))
      .map((topic) => ({ topic, top: this.topMessage(chat, topic.id) }))
      .sort((a, b) => (b.top?.id ?? 0) - (a.top?.id ?? 0));
    const after = request.offsetId
      ? listed.filter(({ topic, top }) => {
          const date = top?.date ?? 0;
          const id = top?.id ?? 0;
          if (date !== request.offsetDate) return date < request.offsetDate;
          return id < request.offsetId || (id === request.offsetId && topic.id < request.offsetTopic);
        })
      : listed;
    const page = after.slice(0, request.limit);
    const tops = page.map(({ top }) => top).filter((m): m is StoredMessage => m !== null);
    const userIds = [...page.map(({ topic }) => topic.creatorId), ...tops.map((m) => m.fromId)].filter((id): id is string => !!id);
    return new Api.messages.ForumTopics({
      count: listed.length,
      topics: page.map(({ topic, top }) => this.apiTopic(topic, top?.id ?? topic.id, me)),
      messages: tops.map((m) => this.apiMessage(chat, m, me)),
      chats: [this.apiChat(chat, me)],
      users: this.apiUsers(userIds, me),
      pts: chat.pts,
    });
  }

  private getReplies(me: string, request: Api.messages.GetReplies): Api.messages.ChannelMessages {
    const chat = this.channelFor(me, request.peer);
    const topicId = msgIdOf(request.msgId);
    if (chat.kind !== 'forum' || !chat.topics.has(topicId)) throw new RpcFailure(400, 'MSG_ID_INVALID');
    const thread = [...chat.messages.values()]
      .filter((m) => m.topicId === topicId)
      .filter((m) => (!request.maxId || m.id < request.maxId) && (!request.minId || m.id > request.minId))
      .sort((a, b) => b.id - a.id);
    let start = request.offsetId ? thread.findIndex((m) => m.id < request.offsetId) : 0;
    if (start < 0) start = thread.length;
    start = Math.max(0, start + request.addOffset);
    const page = thread.slice(start, start + request.limit);
    return new Api.messages.ChannelMessages({
      pts: chat.pts,
      count: thread.length,
      messages: page.map((m) => this.apiMessage(chat, m, me)),
      topics: [],
      chats: [this.apiChat(chat, me)],
      users: this.apiUsers(page.map((m) => m.fromId).filter((id): id is string => !!id), me),
    });
  }

  private getChannelDifference(me: string, request: Api.updates.GetChannelDifference): Api.updates.TypeChannelDifference {
    const chat = this.channelFor(me, request.channel);
    if (request.pts > chat.pts || request.pts <= 0) throw new RpcFailure(400, 'PERSISTENT_TIMESTAMP_INVALID');
    if (request.pts === chat.pts) return new Api.updates.ChannelDifferenceEmpty({ final: true, pts: chat.pts });
    if (chat.pts - request.pts > this.tooLongAfter) {
      const top = this.topMessage(chat, null);
      return new Api.updates.ChannelDifferenceTooLong({
        final: true,
        dialog: this.apiDialog(chat, top?.id ?? 0, me),
        messages: top ? [this.apiMessage(chat, top, me)] : [],
        chats: [this.apiChat(chat, me)],
        users: this.apiUsers(top?.fromId ? [top.fromId] : [], me),
      });
    }
    const pending = chat.log.filter((change) => change.pts > request.pts);
    const taken = pending.slice(0, Math.max(1, request.limit));
    const newMessages = taken.flatMap((c) => (c.kind === 'new' ? [this.apiMessage(chat, c.message, me)] : []));
    const otherUpdates = taken.filter((c) => c.kind !== 'new').map((c) => this.changeToUpdate(chat, c, me));
    const userIds = taken.flatMap((c) => (c.kind === 'delete' ? [] : c.message.fromId ? [c.message.fromId] : []));
    return new Api.updates.ChannelDifference({
      final: taken.length === pending.length,
      pts: taken.at(-1)?.pts ?? chat.pts,
      newMessages,
      otherUpdates,
      chats: [this.apiChat(chat, me)],
      users: this.apiUsers(userIds, me),
    });
  }

  private sendMessage(sender: FakeSender, me: string, request: Api.messages.SendMessage): Api.Updates {
    const chat = this.channelFor(me, request.peer);
    if (chat.kind === 'broadcast' && chat.ownerId !== me) throw new RpcFailure(403, 'CHAT_WRITE_FORBIDDEN');
    if (!request.message.trim()) throw new RpcFailure(400, 'MESSAGE_EMPTY');
    if (request.message.length > this.messageLengthMax) throw new RpcFailure(400, 'MESSAGE_TOO_LONG');
    let topicId = 1;
    let replyToMsgId: number | null = null;
    const replyTo = request.replyTo;
    if (replyTo instanceof Api.InputReplyToMessage) {
      const target = replyTo.topMsgId ?? replyTo.replyToMsgId;
      if (chat.kind === 'forum' && chat.topics.has(target)) {
        topicId = target;
        if (replyTo.topMsgId && replyTo.replyToMsgId !== replyTo.topMsgId) replyToMsgId = replyTo.replyToMsgId;
      } else {
        const repliedTo = chat.messages.get(replyTo.replyToMsgId);
        if (!repliedTo) throw new RpcFailure(400, 'REPLY_TO_INVALID');
        topicId = repliedTo.topicId;
        replyToMsgId = repliedTo.id;
      }
    }
    if (chat.topics.get(topicId)?.closed) throw new RpcFailure(400, 'TOPIC_CLOSED');
    const id = chat.nextId++;
    const stored: StoredMessage = {
      id,
      fromId: me,
      topicId,
      replyToMsgId,
      date: this.nowSec(),
      editDate: null,
      text: request.message,
      entities: request.entities ?? [],
      action: null,
    };
    chat.messages.set(id, stored);
    // The sender learns of its own message from this result, the others from live updates.
    this.record(chat, { kind: 'new', message: { ...stored } }, 1, sender);
    return new Api.Updates({
      updates: [
        new Api.UpdateMessageID({ id, randomId: request.randomId }),
        new Api.UpdateNewChannelMessage({ message: this.apiMessage(chat, stored, me), pts: chat.pts, ptsCount: 1 }),
      ],
      users: this.apiUsers([me], me),
      chats: [this.apiChat(chat, me)],
      date: stored.date,
      seq: 0,
    });
  }

  // ---------------------------------------------------------------- building Api objects

  private config(): Api.Config {
    return new Api.Config({
      date: this.nowSec(),
      expires: this.nowSec() + 3600,
      testMode: false,
      thisDc: 2,
      dcOptions: [new Api.DcOption({ id: 2, ipAddress: '127.0.0.1', port: 443 })],
      dcTxtDomainName: 'fake.invalid',
      chatSizeMax: 200,
      megagroupSizeMax: 200_000,
      forwardedCountMax: 100,
      onlineUpdatePeriodMs: 210_000,
      offlineBlurTimeoutMs: 5000,
      offlineIdleTimeoutMs: 30_000,
      onlineCloudTimeoutMs: 300_000,
      notifyCloudDelayMs: 30_000,
      notifyDefaultDelayMs: 1500,
      pushChatPeriodMs: 60_000,
      pushChatLimit: 2,
      editTimeLimit: 172_800,
      revokeTimeLimit: 2_147_483_647,
      revokePmTimeLimit: 2_147_483_647,
      ratingEDecay: 2_419_200,
      stickersRecentLimit: 200,
      channelsReadMediaPeriod: 604_800,
      callReceiveTimeoutMs: 20_000,
      callRingTimeoutMs: 90_000,
      callConnectTimeoutMs: 30_000,
      callPacketTimeoutMs: 10_000,
      meUrlPrefix: 'https://t.me/',
      captionLengthMax: 1024,
      messageLengthMax: this.messageLengthMax,
      webfileDcId: 4,
    });
  }

  private apiUser(user: FakeUserInfo & { accessHash: string }, viewer: string): Api.User {
    return new Api.User({
      id: long(user.id),
      accessHash: long(user.accessHash),
      self: user.id === viewer,
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      phone: user.phone,
      bot: user.bot,
      botInfoVersion: user.bot ? 1 : undefined,
    });
  }

  private apiUsers(ids: Iterable<string>, viewer: string): Api.User[] {
    const unique = new Set(ids);
    unique.add(viewer);
    return [...unique].flatMap((id) => {
      const user = this.users.get(id);
      return user ? [this.apiUser(user, viewer)] : [];
    });
  }

  private apiChat(chat: FakeChat, viewer: string): Api.TypeChat {
    if (chat.kind === 'basic') {
      return new Api.Chat({
        id: long(chat.id),
        title: chat.title,
        photo: new Api.ChatPhotoEmpty(),
        participantsCount: chat.members.size,
        date: chat.date,
        version: 1,
        creator: chat.ownerId === viewer,
      });
    }
    return new Api.Channel({
      id: long(chat.id),
      accessHash: long(chat.accessHash),
      title: chat.title,
      photo: new Api.ChatPhotoEmpty(),
      date: chat.date,
      creator: chat.ownerId === viewer,
      megagroup: chat.kind !== 'broadcast',
      broadcast: chat.kind === 'broadcast',
      forum: chat.kind === 'forum',
    });
  }

  private peerOf(chat: FakeChat, viewer: string): Api.TypePeer {
    if (chat.kind === 'basic') return new Api.PeerChat({ chatId: long(chat.id) });
    if (chat.kind === 'private') {
      const other = [...chat.members].find((id) => id !== viewer) ?? viewer;
      return new Api.PeerUser({ userId: long(other) });
    }
    return new Api.PeerChannel({ channelId: long(chat.id) });
  }

  private apiMessage(chat: FakeChat, m: StoredMessage, viewer: string): Api.TypeMessage {
    const inTopic = chat.kind === 'forum' && m.topicId !== 1 && m.id !== m.topicId;
    const replyTo = inTopic
      ? new Api.MessageReplyHeader({
          forumTopic: true,
          replyToMsgId: m.replyToMsgId ?? m.topicId,
          replyToTopId: m.replyToMsgId ? m.topicId : undefined,
        })
      : m.replyToMsgId
        ? new Api.MessageReplyHeader({ replyToMsgId: m.replyToMsgId })
        : undefined;
    const common = {
      id: m.id,
      peerId: this.peerOf(chat, viewer),
      fromId: m.fromId ? new Api.PeerUser({ userId: long(m.fromId) }) : undefined,
      out: m.fromId === viewer,
      replyTo,
      date: m.date,
    };
    if (m.action) return new Api.MessageService({ ...common, action: m.action });
    return new Api.Message({
      ...common,
      message: m.text,
      entities: m.entities.length ? m.entities : undefined,
      editDate: m.editDate ?? undefined,
    });
  }

  private apiTopic(topic: FakeTopic, topMessage: number, viewer: string): Api.ForumTopic {
    return new Api.ForumTopic({
      id: topic.id,
      date: topic.date,
      title: topic.title,
      iconColor: topic.iconColor,
      topMessage,
      readInboxMaxId: topMessage,
      readOutboxMaxId: 0,
      unreadCount: 0,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      fromId: new Api.PeerUser({ userId: long(topic.creatorId || 0) }),
      notifySettings: new Api.PeerNotifySettings({}),
      closed: topic.closed,
      my: topic.creatorId === viewer,
    });
  }

  private apiDialog(chat: FakeChat, topMessage: number, viewer: string): Api.Dialog {
    return new Api.Dialog({
      peer: this.peerOf(chat, viewer),
      topMessage,
      readInboxMaxId: topMessage,
      readOutboxMaxId: 0,
      unreadCount: 0,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      notifySettings: new Api.PeerNotifySettings({}),
      pts: this.isChannel(chat) ? chat.pts : undefined,
    });
  }

  private changeToUpdate(chat: FakeChat, change: Change, viewer: string): Api.TypeUpdate {
    if (change.kind === 'delete') {
      return new Api.UpdateDeleteChannelMessages({
        channelId: long(chat.id),
        messages: change.msgIds,
        pts: change.pts,
        ptsCount: change.ptsCount,
      });
    }
    const message = this.apiMessage(chat, change.message, viewer);
    return change.kind === 'new'
      ? new Api.UpdateNewChannelMessage({ message, pts: change.pts, ptsCount: change.ptsCount })
      : new Api.UpdateEditChannelMessage({ message, pts: change.pts, ptsCount: change.ptsCount });
  }

  private usersIn(chat: FakeChat, change: Change): string[] {
    if (change.kind === 'delete') return [];
    const ids = change.message.fromId ? [change.message.fromId] : [];
    const topic = chat.topics.get(change.message.topicId);
    if (topic?.creatorId) ids.push(topic.creatorId);
    return ids;
  }

  // ---------------------------------------------------------------- lookups

  private authorized(session: FakeSession): string {
    if (!session.userId) throw new RpcFailure(401, 'AUTH_KEY_UNREGISTERED');
    return session.userId;
  }

  private channelFor(me: string, input: unknown): FakeChat {
    const id = input instanceof Api.InputChannel || input instanceof Api.InputPeerChannel ? input.channelId.toString() : null;
    const chat = id ? this.chats.get(id) : undefined;
    if (!chat || !(input instanceof Api.InputChannel || input instanceof Api.InputPeerChannel)) throw new RpcFailure(400, 'CHANNEL_INVALID');
    if (input.accessHash.toString() !== chat.accessHash) throw new RpcFailure(400, 'CHANNEL_INVALID');
    if (!chat.members.has(me)) throw new RpcFailure(400, 'CHANNEL_PRIVATE');
    return chat;
  }

  private topMessage(chat: FakeChat, topicId: number | null): StoredMessage | null {
    let top: StoredMessage | null = null;
    for (const m of chat.messages.values()) {
      if (topicId !== null && m.topicId !== topicId) continue;
      if (!top || m.id > top.id) top = m;
    }
    return top;
  }

  private isChannel(chat: FakeChat): boolean {
    return chat.kind === 'forum' || chat.kind === 'supergroup' || chat.kind === 'broadcast';
  }

  private chat(chatId: string): FakeChat {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`FakeTelegram: no chat ${chatId}`);
    return chat;
  }

  private forum(chatId: string): FakeChat {
    const chat = this.chat(chatId);
    if (chat.kind !== 'forum') throw new Error(`FakeTelegram: chat ${chatId} is not a forum`);
    return chat;
  }

  private topic(chat: FakeChat, topicId: number): FakeTopic {
    const topic = chat.topics.get(topicId);
    if (!topic) throw new Error(`FakeTelegram: no topic ${topicId} in ${chat.id}`);
    return topic;
  }

  private user(userId: string): FakeUserInfo & { accessHash: string } {
    const user = this.users.get(userId);
    if (!user) throw new Error(`FakeTelegram: no user ${userId}`);
    return user;
  }

  private accountOf(userId: string): FakeAccount | undefined {
    return [...this.accounts.values()].find((account) => account.userId === userId);
  }

  private nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  private randomLong(): string {
    return String(Math.floor(this.random() * Number.MAX_SAFE_INTEGER) + 1);
  }
}

function hasClassName(value: unknown): value is { className: string } {
  return typeof value === 'object' && value !== null && 'className' in value && typeof value.className === 'string';
}

function classNameOf(value: unknown): string {
  return hasClassName(value) ? value.className : 'unknown';
}

function messageToJson(message: StoredMessage): MessageJson {
  return {
    ...message,
    entities: message.entities.map(tlToJson),
    action: message.action ? tlToJson(message.action) : null,
  };
}

function messageFromJson(message: MessageJson): StoredMessage {
  return {
    ...message,
    entities: message.entities.map(entityFromJson),
    action: message.action ? actionFromJson(message.action) : null,
  };
}

function normalizePhone(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

/** A StringSession string for DC 2 with this auth key (gramjs's own format, version "1"). */
function sessionString(key: Buffer): string {
  const address = Buffer.from('149.154.167.51');
  const addressLength = Buffer.alloc(2);
  addressLength.writeInt16BE(address.length);
  const port = Buffer.alloc(2);
  port.writeInt16BE(443);
  return `1${Buffer.concat([Buffer.from([2]), addressLength, address, port, key]).toString('base64')}`;
}

/** Message ids in requests are plain ints on the wire. */
function msgIdOf(value: unknown): number {
  if (typeof value !== 'number') throw new RpcFailure(400, 'MSG_ID_INVALID');
  return value;
}
