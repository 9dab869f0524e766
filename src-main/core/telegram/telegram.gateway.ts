// The core's view of Telegram: plain, serialisable data types and the TelegramGateway
// interface. Runs in the main process; free of gramjs so the core depends on this file only.
import { z } from 'zod';
import { MediaMeta, MessageEntity } from '../../../src-preload/contract';

/** Telegram ids can exceed 2^53, so users and chats are decimal strings. */
const TgId = z.string().regex(/^-?\d+$/);

export const TgUser = z.object({
  id: TgId,
  firstName: z.string(),
  lastName: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  isBot: z.boolean(),
});
export type TgUser = z.infer<typeof TgUser>;

/**
 * What the core must keep to talk to a forum after a restart: StringSession stores no
 * access hashes. `chatId` is the bare channel id (no -100 prefix).
 */
export const TgForumRef = z.object({ chatId: TgId, accessHash: TgId });
export type TgForumRef = z.infer<typeof TgForumRef>;

export const TgForum = TgForumRef.extend({ title: z.string() });
export type TgForum = z.infer<typeof TgForum>;

/** The General topic: its messages are delivered, but it is not a ticket. */
export const GENERAL_TOPIC_ID = 1;

export const TgTopic = z.object({
  chatId: TgId,
  /** The id of the topic's TopicCreate service message; 1 is General. */
  topicId: z.number().int(),
  title: z.string(),
  /** A user id, or a marked peer id (-100…) when a channel created it. */
  creatorId: TgId,
  createdAt: z.number(),
  closed: z.boolean(),
  iconColor: z.number().int(),
  topMessageId: z.number().int(),
});
export type TgTopic = z.infer<typeof TgTopic>;

export const TgServiceAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('topicCreated'), title: z.string(), iconColor: z.number().int() }),
  /** null: that field did not change. */
  z.object({ type: z.literal('topicEdited'), title: z.string().nullable(), closed: z.boolean().nullable() }),
  z.object({ type: z.literal('other'), name: z.string() }),
]);
export type TgServiceAction = z.infer<typeof TgServiceAction>;

export const TgMessage = z.object({
  chatId: TgId,
  msgId: z.number().int(),
  topicId: z.number().int(),
  /** The sender's user id, a marked peer id for non-user senders, or null if Telegram gave none. */
  fromId: TgId.nullable(),
  /** Sent by the signed-in account. */
  out: z.boolean(),
  text: z.string(),
  entities: z.array(MessageEntity),
  media: MediaMeta.nullable(),
  date: z.number(),
  editDate: z.number().nullable(),
  isService: z.boolean(),
  action: TgServiceAction.nullable(),
});
export type TgMessage = z.infer<typeof TgMessage>;

/**
 * A channel update's position in the channel's pts sequence, when Telegram gave one.
 * Updates from a difference page carry none: store the page's pts after applying them.
 */
const PtsFields = { pts: z.number().int().nullable(), ptsCount: z.number().int().nullable() };

export const TgConnectionState = z.enum(['connected', 'reconnecting', 'disconnected']);
export type TgConnectionState = z.infer<typeof TgConnectionState>;

export const TgUpdate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('topicCreated'),
    chatId: TgId,
    topic: TgTopic,
    creator: TgUser.nullable(),
    message: TgMessage,
    ...PtsFields,
  }),
  z.object({
    kind: z.literal('topicEdited'),
    chatId: TgId,
    topicId: z.number().int(),
    title: z.string().nullable(),
    closed: z.boolean().nullable(),
    message: TgMessage,
    ...PtsFields,
  }),
  z.object({ kind: z.literal('newMessage'), chatId: TgId, message: TgMessage, sender: TgUser.nullable(), ...PtsFields }),
  z.object({ kind: z.literal('messageEdited'), chatId: TgId, message: TgMessage, ...PtsFields }),
  z.object({ kind: z.literal('messagesDeleted'), chatId: TgId, msgIds: z.array(z.number().int()), ...PtsFields }),
  /** Telegram dropped updates for this chat: call getChannelDifference. */
  z.object({ kind: z.literal('channelTooLong'), chatId: TgId, pts: z.number().int().nullable() }),
  z.object({ kind: z.literal('connection'), state: TgConnectionState }),
  /** The session was logged out elsewhere; sign in again. */
  z.object({ kind: z.literal('sessionRevoked') }),
]);
export type TgUpdate = z.infer<typeof TgUpdate>;
export type TgChatUpdate = Extract<TgUpdate, { chatId: string }>;

export type SignInResult = { kind: 'done'; user: TgUser } | { kind: 'password_needed'; hint: string | null };

/** Where the next page of channels.GetForumTopics starts (the last topic of this page). */
export const TopicCursor = z.object({
  offsetDate: z.number().int(),
  offsetId: z.number().int(),
  offsetTopic: z.number().int(),
});
export type TopicCursor = z.infer<typeof TopicCursor>;

export interface TopicPage {
  /** Includes General (topicId 1) when Telegram lists it. */
  topics: TgTopic[];
  users: TgUser[];
  total: number;
  /** The forum's pts when the page was read: the starting point for updates. */
  pts: number;
  next: TopicCursor | null;
}

export interface HistoryPage {
  /** Newest first, as Telegram returns them. */
  messages: TgMessage[];
  users: TgUser[];
}

export type ChannelDifferencePage =
  | { kind: 'empty'; pts: number }
  | { kind: 'difference'; updates: TgChatUpdate[]; pts: number; final: boolean }
  /** Too far behind: refetch topics and history, then continue from `pts`. */
  | { kind: 'too_long'; pts: number };

export interface SendResult {
  /** One id per part, in order (a long text goes out as several messages). */
  msgIds: number[];
  /** Telegram's time of the first part, epoch ms. */
  date: number;
}

export interface SendOptions {
  /** Resume a partly sent text: skip the parts already sent (see TelegramError.sentMsgIds). */
  fromPart?: number;
}

export type SessionProbe = 'ok' | 'revoked' | 'network';

export type Unsubscribe = () => void;

export type TelegramErrorKind = 'flood' | 'slowmode' | 'network' | 'revoked' | 'permanent' | 'invalid_input';

/** Every failure the gateway reports; the outbox decides retry and backoff from `kind`. */
export class TelegramError extends Error {
  override readonly name = 'TelegramError';
  constructor(
    readonly kind: TelegramErrorKind,
    /** Telegram's error string (FLOOD_WAIT_30, TOPIC_CLOSED, …) or a short local reason. */
    readonly errorMessage: string,
    readonly options: {
      /** For flood and slowmode: how long to wait before trying again. */
      seconds?: number;
      /** sendText failed after sending these parts; resume with fromPart = sentMsgIds.length. */
      sentMsgIds?: number[];
      cause?: unknown;
    } = {},
  ) {
    super(`${kind}: ${errorMessage}`, { cause: options.cause });
  }
  get seconds(): number | null {
    return this.options.seconds ?? null;
  }
  get sentMsgIds(): number[] {
    return this.options.sentMsgIds ?? [];
  }
}

export interface TelegramGateway {
  connect(): Promise<void>;
  /** Keeps handlers; connect() again to resume. */
  disconnect(): Promise<void>;
  /** Disconnects and drops every handler and timer. */
  dispose(): Promise<void>;
  onConnectionState(handler: (state: TgConnectionState | 'revoked') => void): Unsubscribe;
  /**
   * Chat updates arrive in order per chat: the next one for a chat waits until every
   * handler has finished (awaited) with the previous one.
   */
  onUpdate(handler: (update: TgUpdate) => void | Promise<void>): Unsubscribe;

  sendCode(phone: string): Promise<{ codeViaApp: boolean }>;
  signIn(code: string): Promise<SignInResult>;
  checkPassword(password: string): Promise<TgUser>;
  /** Calls onToken with a tg://login URL to show as a QR code, again each time it expires. */
  signInWithQr(
    onToken: (url: string, expiresAt: number) => void,
    options?: { signal?: AbortSignal },
  ): Promise<SignInResult>;
  getSelf(): Promise<TgUser>;
  /** The StringSession to keep (encrypted) for the next start. */
  exportSession(): string;
  /** Ends the session on Telegram. The gateway is finished afterwards: sign in again with a new one. */
  logOut(): Promise<void>;
  probeSession(): Promise<SessionProbe>;

  listForums(): Promise<TgForum[]>;
  listTopics(forum: TgForumRef, cursor?: TopicCursor | null, limit?: number): Promise<TopicPage>;
  getTopicHistory(forum: TgForumRef, topicId: number, page: { limit: number; offsetId?: number }): Promise<HistoryPage>;
  getChannelDifference(forum: TgForumRef, pts: number, limit?: number): Promise<ChannelDifferencePage>;
  sendText(forum: TgForumRef, topicId: number, text: string, options?: SendOptions): Promise<SendResult>;
}
