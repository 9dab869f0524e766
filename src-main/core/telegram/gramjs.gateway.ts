// GramjsGateway: the TelegramGateway on a real gramjs TelegramClient (MTProto, user
// account). Maps gramjs objects to plain data, serialises updates per chat, classifies
// errors. Runs in the main process (plain Node).
import os from 'node:os';
import { Api, Logger, TelegramClient, errors, helpers, utils } from 'telegram';
import type { TelegramClientParams } from 'telegram/client/telegramBaseClient';
import { Raw } from 'telegram/events';
import { LogLevel } from 'telegram/extensions/Logger';
import { UpdateConnectionState } from 'telegram/network';
import { computeCheck } from 'telegram/Password';
import { StringSession } from 'telegram/sessions';
import { toTelegramError } from './gramjs.errors';
import { DEFAULT_MESSAGE_LIMIT, splitMessage } from './message.split';
import {
  GENERAL_TOPIC_ID,
  TelegramError,
  type ChannelDifferencePage,
  type HistoryPage,
  type SendOptions,
  type SendResult,
  type SessionProbe,
  type SignInResult,
  type TelegramGateway,
  type TgConnectionState,
  type TgForum,
  type TgForumRef,
  type TgUpdate,
  type TgUser,
  type TopicCursor,
  type TopicPage,
  type Unsubscribe,
} from './telegram.gateway';
import {
  indexUsers,
  mapChannelUpdate,
  mapDifferenceUpdates,
  mapForum,
  mapForumTopic,
  mapMessage,
  mapUser,
} from './topic.mapper';
import { UpdateLanes } from './update.lanes';

export type TelegramClientFactory = (
  session: StringSession,
  apiId: number,
  apiHash: string,
  params: TelegramClientParams,
) => TelegramClient;

/** Time as the gateway sees it; inject one in tests. */
export interface GatewayClock {
  now(): number;
  /** Returns a function that cancels the timer. */
  setTimeout(callback: () => void, ms: number): () => void;
}

export interface GramjsGatewayOptions {
  apiId: number;
  apiHash: string;
  /** A StringSession from exportSession(), or '' to sign in afresh. */
  session: string;
  appVersion?: string;
  systemVersion?: string;
  /** Builds the client; tests and the demo hand in one wired to FakeTelegram. */
  clientFactory?: TelegramClientFactory;
  clock?: GatewayClock;
  /** How long probeSession waits for Telegram before answering 'network'. */
  probeTimeoutMs?: number;
  logLevel?: LogLevel;
  /** Called when an update handler throws; the next update is still delivered. */
  onHandlerError?: (error: unknown) => void;
}

const systemClock: GatewayClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

const defaultFactory: TelegramClientFactory = (session, apiId, apiHash, params) =>
  new TelegramClient(session, apiId, apiHash, params);

/** Connection and session events share one lane, apart from the chats. */
const ACCOUNT_LANE = '';

const isRpc = (error: unknown, message: string): boolean => error instanceof errors.RPCError && error.errorMessage === message;

const long = (value: string) => helpers.returnBigInt(value);

function requireUser(user: Api.TypeUser): TgUser {
  const mapped = mapUser(user);
  if (!mapped) throw new TelegramError('permanent', 'USER_EMPTY');
  return mapped;
}

/** The users gramjs attached to a live update (from its Updates container), if any. */
function usersOf(update: object): Map<string, TgUser> {
  const entities: unknown = Reflect.get(update, '_entities');
  if (!(entities instanceof Map)) return new Map();
  return indexUsers([...entities.values()].filter((e): e is Api.User => e instanceof Api.User));
}

export class GramjsGateway implements TelegramGateway {
  private readonly client: TelegramClient;
  private readonly session: StringSession;
  private readonly clock: GatewayClock;
  private readonly probeTimeoutMs: number;
  private readonly lanes: UpdateLanes;
  private readonly onHandlerError: (error: unknown) => void;
  private readonly handlers = new Set<(update: TgUpdate) => void | Promise<void>>();
  private readonly loginTokenWaiters = new Set<() => void>();
  private pendingCode: { phone: string; hash: string } | null = null;
  private messageLimit: number | null = null;
  private revoked = false;
  private loggedOut = false;

  constructor(private readonly options: GramjsGatewayOptions) {
    this.session = new StringSession(options.session);
    this.clock = options.clock ?? systemClock;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 10_000;
    this.onHandlerError = options.onHandlerError ?? ((error) => console.error('[telegram] update handler failed', error));
    this.lanes = new UpdateLanes(this.onHandlerError);
    const params: TelegramClientParams = {
      // Shown to the user in Telegram's list of active sessions.
      deviceModel: 'Topicdesk',
      appVersion: options.appVersion ?? '0.1.0',
      systemVersion: options.systemVersion ?? `${os.type()} ${os.release()}`,
      // Flood waits go to the caller: the core's outbox owns backoff and must not be blocked.
      floodSleepThreshold: 0,
      // Give up on the first connect after a few tries so start-up can report "offline";
      // once connected, gramjs keeps reconnecting on its own.
      connectionRetries: 5,
      retryDelay: 2000,
      autoReconnect: true,
      baseLogger: new Logger(options.logLevel ?? LogLevel.ERROR),
    };
    this.client = (options.clientFactory ?? defaultFactory)(this.session, options.apiId, options.apiHash, params);
    this.client.addEventHandler((update: unknown) => this.onRawUpdate(update), new Raw({}));
  }

  // ---------------------------------------------------------------- connection

  async connect(): Promise<void> {
    const connected = await this.call(() => this.client.connect());
    if (!connected) throw new TelegramError('network', 'CONNECT_FAILED');
    await this.primeSelf();
  }

  async disconnect(): Promise<void> {
    await this.client.disconnect();
  }

  async dispose(): Promise<void> {
    this.handlers.clear();
    for (const wake of this.loginTokenWaiters) wake();
    await this.client.destroy();
    await this.lanes.idle();
  }

  /**
   * Resolves once every update received so far has been delivered to the handlers. gramjs
   * hands updates over a few promise steps after receiving them, so let those run first.
   */
  async idle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.lanes.idle();
  }

  onUpdate(handler: (update: TgUpdate) => void | Promise<void>): Unsubscribe {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onConnectionState(handler: (state: TgConnectionState | 'revoked') => void): Unsubscribe {
    return this.onUpdate((update) => {
      if (update.kind === 'connection') handler(update.state);
      else if (update.kind === 'sessionRevoked') handler('revoked');
    });
  }

  // ---------------------------------------------------------------- sign-in

  async sendCode(phone: string): Promise<{ codeViaApp: boolean }> {
    const { apiId, apiHash } = this.options;
    const sent = await this.call(() => this.client.sendCode({ apiId, apiHash }, phone));
    this.pendingCode = { phone, hash: sent.phoneCodeHash };
    return { codeViaApp: sent.isCodeViaApp };
  }

  async signIn(code: string): Promise<SignInResult> {
    const pending = this.pendingCode;
    if (!pending) throw new TelegramError('invalid_input', 'PHONE_CODE_HASH_EMPTY');
    try {
      const auth = await this.client.invoke(
        new Api.auth.SignIn({ phoneNumber: pending.phone, phoneCodeHash: pending.hash, phoneCode: code }),
      );
      // Topicdesk signs agents in; it does not register new Telegram accounts.
      if (auth instanceof Api.auth.AuthorizationSignUpRequired) throw new TelegramError('invalid_input', 'PHONE_NUMBER_UNOCCUPIED');
      this.pendingCode = null;
      return this.signedIn(auth.user);
    } catch (error) {
      if (isRpc(error, 'SESSION_PASSWORD_NEEDED')) {
        this.pendingCode = null;
        return this.passwordNeeded();
      }
      throw this.fail(error);
    }
  }

  async checkPassword(password: string): Promise<TgUser> {
    return this.call(async () => {
      const srp = await this.client.invoke(new Api.account.GetPassword());
      const check = await computeCheck(srp, password);
      const auth = await this.client.invoke(new Api.auth.CheckPassword({ password: check }));
      if (auth instanceof Api.auth.AuthorizationSignUpRequired) throw new TelegramError('invalid_input', 'PHONE_NUMBER_UNOCCUPIED');
      return this.signedIn(auth.user).user;
    });
  }

  async signInWithQr(
    onToken: (url: string, expiresAt: number) => void,
    options: { signal?: AbortSignal } = {},
  ): Promise<SignInResult> {
    const { apiId, apiHash } = this.options;
    for (;;) {
      if (options.signal?.aborted) throw new TelegramError('permanent', 'QR_LOGIN_CANCELLED');
      let token: Api.auth.TypeLoginToken;
      try {
        token = await this.client.invoke(new Api.auth.ExportLoginToken({ apiId, apiHash, exceptIds: [] }));
        if (token instanceof Api.auth.LoginTokenMigrateTo) {
          // The account lives on another data centre: finish the login there.
          await this.client._switchDC(token.dcId);
          token = await this.client.invoke(new Api.auth.ImportLoginToken({ token: token.token }));
        }
      } catch (error) {
        if (isRpc(error, 'SESSION_PASSWORD_NEEDED')) return this.passwordNeeded();
        throw this.fail(error);
      }
      if (token instanceof Api.auth.LoginTokenSuccess) {
        const auth = token.authorization;
        if (!(auth instanceof Api.auth.Authorization)) throw new TelegramError('invalid_input', 'PHONE_NUMBER_UNOCCUPIED');
        return this.signedIn(auth.user);
      }
      if (!(token instanceof Api.auth.LoginToken)) throw new TelegramError('permanent', 'QR_LOGIN_UNEXPECTED');
      const expiresAt = token.expires * 1000;
      // Listen before showing the code, so a fast scan cannot slip past.
      const scannedOrExpired = this.waitForLoginToken(expiresAt - this.clock.now(), options.signal);
      onToken(`tg://login?token=${token.token.toString('base64url')}`, expiresAt);
      await scannedOrExpired;
    }
  }

  async getSelf(): Promise<TgUser> {
    return this.call(async () => requireUser(await this.client.getMe()));
  }

  exportSession(): string {
    return this.loggedOut ? '' : this.session.save();
  }

  async logOut(): Promise<void> {
    await this.call(() => this.client.invoke(new Api.auth.LogOut()));
    // The auth key is dead on Telegram's side: nothing in this session is worth keeping.
    this.loggedOut = true;
    await this.client.destroy();
  }

  async probeSession(): Promise<SessionProbe> {
    let cancel = (): void => {};
    const timedOut = new Promise<'network'>((resolve) => {
      cancel = this.clock.setTimeout(() => resolve('network'), this.probeTimeoutMs);
    });
    const probe = this.client.invoke(new Api.updates.GetState()).then(
      (): SessionProbe => 'ok',
      (error: unknown): SessionProbe => {
        const failure = toTelegramError(error);
        if (failure.kind === 'revoked') {
          this.markRevoked();
          return 'revoked';
        }
        // Any other answer from Telegram (even a flood wait) means the key is accepted.
        return error instanceof errors.RPCError ? 'ok' : 'network';
      },
    );
    try {
      return await Promise.race([probe, timedOut]);
    } finally {
      cancel();
    }
  }

  // ---------------------------------------------------------------- forums and topics

  async listForums(): Promise<TgForum[]> {
    const dialogs = await this.call(() => this.client.getDialogs({}));
    const forums = new Map<string, TgForum>();
    for (const dialog of dialogs) {
      const forum = dialog.entity instanceof Api.Channel ? mapForum(dialog.entity) : null;
      if (forum) forums.set(forum.chatId, forum);
    }
    return [...forums.values()];
  }

  async listTopics(forum: TgForumRef, cursor: TopicCursor | null = null, limit = 100): Promise<TopicPage> {
    const result = await this.call(() =>
      this.client.invoke(
        new Api.channels.GetForumTopics({
          channel: inputChannel(forum),
          offsetDate: cursor?.offsetDate ?? 0,
          offsetId: cursor?.offsetId ?? 0,
          offsetTopic: cursor?.offsetTopic ?? 0,
          limit,
        }),
      ),
    );
    const topics = result.topics.flatMap((topic) => mapForumTopic(forum.chatId, topic) ?? []);
    const last = result.topics.at(-1);
    let next: TopicCursor | null = null;
    if (result.topics.length >= limit && last instanceof Api.ForumTopic) {
      const top = result.messages.find((m) => m.id === last.topMessage);
      const date = top && !(top instanceof Api.MessageEmpty) ? top.date : 0;
      next = { offsetDate: date, offsetId: last.topMessage, offsetTopic: last.id };
    }
    return { topics, users: [...indexUsers(result.users).values()], total: result.count, pts: result.pts, next };
  }

  async getTopicHistory(forum: TgForumRef, topicId: number, page: { limit: number; offsetId?: number }): Promise<HistoryPage> {
    const list = await this.call(() =>
      this.client.getMessages(inputPeer(forum), { replyTo: topicId, limit: page.limit, offsetId: page.offsetId ?? 0 }),
    );
    // gramjs returns a TotalList (an Array subclass): copy into a plain array before mapping.
    const found = Array.from(list);
    const messages = found.flatMap((message) => mapMessage(message) ?? []);
    const senders = found.map((message) => message.sender).filter((s): s is Api.User => s instanceof Api.User);
    return { messages, users: [...indexUsers(senders).values()] };
  }

  async getChannelDifference(forum: TgForumRef, pts: number, limit = 100): Promise<ChannelDifferencePage> {
    const diff = await this.call(() =>
      this.client.invoke(
        new Api.updates.GetChannelDifference({
          channel: inputChannel(forum),
          filter: new Api.ChannelMessagesFilterEmpty(),
          pts,
          limit,
        }),
      ),
    );
    if (diff instanceof Api.updates.ChannelDifferenceEmpty) return { kind: 'empty', pts: diff.pts };
    if (diff instanceof Api.updates.ChannelDifferenceTooLong) {
      return { kind: 'too_long', pts: diff.dialog instanceof Api.Dialog ? (diff.dialog.pts ?? pts) : pts };
    }
    return {
      kind: 'difference',
      updates: mapDifferenceUpdates(diff.newMessages, diff.otherUpdates, indexUsers(diff.users)),
      pts: diff.pts,
      final: diff.final ?? false,
    };
  }

  // ---------------------------------------------------------------- sending

  async sendText(forum: TgForumRef, topicId: number, text: string, options: SendOptions = {}): Promise<SendResult> {
    if (!text.trim()) throw new TelegramError('invalid_input', 'MESSAGE_EMPTY');
    const parts = splitMessage(text, await this.messageLengthMax());
    const msgIds: number[] = [];
    let date: number | null = null;
    for (let part = options.fromPart ?? 0; part < parts.length; part++) {
      try {
        const result = await this.client.invoke(
          new Api.messages.SendMessage({
            peer: inputPeer(forum),
            message: parts[part] ?? '',
            // General takes no reply header; any other topic is addressed by its root message.
            replyTo: topicId === GENERAL_TOPIC_ID ? undefined : new Api.InputReplyToMessage({ replyToMsgId: topicId }),
          }),
        );
        const sent = this.ingestSent(result);
        msgIds.push(sent.id);
        date ??= sent.date;
      } catch (error) {
        const failure = this.fail(error);
        if (msgIds.length === 0) throw failure;
        throw new TelegramError(failure.kind, failure.errorMessage, { ...failure.options, sentMsgIds: msgIds });
      }
    }
    return { msgIds, date: date ?? this.clock.now() };
  }

  // ---------------------------------------------------------------- internals

  /** Runs a gramjs call, turning whatever it throws into a TelegramError. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.fail(error);
    }
  }

  private fail(error: unknown): TelegramError {
    const failure = toTelegramError(error);
    if (failure.kind === 'revoked') this.markRevoked();
    return failure;
  }

  private markRevoked(): void {
    if (this.revoked) return;
    this.revoked = true;
    this.deliver(ACCOUNT_LANE, { kind: 'sessionRevoked' });
  }

  private signedIn(user: Api.TypeUser): Extract<SignInResult, { kind: 'done' }> {
    const mapped = requireUser(user);
    this.revoked = false;
    this.rememberSelf(user);
    return { kind: 'done', user: mapped };
  }

  /**
   * gramjs asks Telegram who we are (users.GetUsers) before dispatching every update until
   * it knows; updates caught in that round trip can be dispatched out of order. Learning it
   * once, right after connecting or signing in, keeps dispatch in arrival order.
   */
  private async primeSelf(): Promise<void> {
    if (this.client._selfInputPeer) return;
    try {
      await this.client.getMe(true);
    } catch {
      // Not signed in yet: sign-in sets it.
    }
  }

  private rememberSelf(user: Api.TypeUser): void {
    if (!(user instanceof Api.User)) return;
    const peer = utils.getInputPeer(user, false);
    if (peer instanceof Api.InputPeerUser) this.client._selfInputPeer = peer;
  }

  private async passwordNeeded(): Promise<SignInResult> {
    const password = await this.call(() => this.client.invoke(new Api.account.GetPassword()));
    return { kind: 'password_needed', hint: password.hint || null };
  }

  private waitForLoginToken(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        cancelTimer();
        this.loginTokenWaiters.delete(done);
        signal?.removeEventListener('abort', aborted);
        resolve();
      };
      const aborted = (): void => {
        done();
        reject(new TelegramError('permanent', 'QR_LOGIN_CANCELLED'));
      };
      const cancelTimer = this.clock.setTimeout(done, Math.max(0, ms));
      this.loginTokenWaiters.add(done);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  private async messageLengthMax(): Promise<number> {
    if (this.messageLimit !== null) return this.messageLimit;
    try {
      const config = await this.client.invoke(new Api.help.GetConfig());
      this.messageLimit = config.messageLengthMax;
      return this.messageLimit;
    } catch {
      // Not worth failing a reply over: Telegram's default holds unless the config says otherwise.
      return DEFAULT_MESSAGE_LIMIT;
    }
  }

  /** The sent message from a SendMessage result; its update goes to the handlers like any other. */
  private ingestSent(result: Api.TypeUpdates): { id: number; date: number } {
    if (result instanceof Api.UpdateShortSentMessage) return { id: result.id, date: result.date * 1000 };
    const updates = result instanceof Api.Updates || result instanceof Api.UpdatesCombined ? result.updates : [];
    const users = result instanceof Api.Updates || result instanceof Api.UpdatesCombined ? indexUsers(result.users) : new Map();
    let sent: { id: number; date: number } | null = null;
    for (const update of updates) {
      const mapped = mapChannelUpdate(update, users);
      if (!mapped) continue;
      // Telegram does not echo our own message as a live update: its pts arrives only here.
      this.deliver(mapped.chatId, mapped);
      if (mapped.kind === 'newMessage' && !sent) sent = { id: mapped.message.msgId, date: mapped.message.date };
    }
    if (!sent) throw new TelegramError('permanent', 'SEND_RESULT_WITHOUT_MESSAGE');
    return sent;
  }

  private onRawUpdate(update: unknown): void {
    if (update instanceof UpdateConnectionState) {
      const state: TgConnectionState = update.state === 1 ? 'connected' : update.state === 0 ? 'reconnecting' : 'disconnected';
      this.deliver(ACCOUNT_LANE, { kind: 'connection', state });
      return;
    }
    if (update instanceof Api.UpdateLoginToken) {
      for (const wake of [...this.loginTokenWaiters]) wake();
      return;
    }
    if (typeof update !== 'object' || update === null || !('CONSTRUCTOR_ID' in update)) return;
    const mapped = mapChannelUpdate(update as Api.TypeUpdate, usersOf(update));
    if (mapped) this.deliver(mapped.chatId, mapped);
  }

  private deliver(lane: string, update: TgUpdate): void {
    void this.lanes.run(lane, async () => {
      for (const handler of [...this.handlers]) {
        try {
          await handler(update);
        } catch (error) {
          // One failing subscriber must not keep the update from the others.
          this.onHandlerError(error);
        }
      }
    });
  }
}

function inputChannel(forum: TgForumRef): Api.InputChannel {
  return new Api.InputChannel({ channelId: long(forum.chatId), accessHash: long(forum.accessHash) });
}

function inputPeer(forum: TgForumRef): Api.InputPeerChannel {
  return new Api.InputPeerChannel({ channelId: long(forum.chatId), accessHash: long(forum.accessHash) });
}
