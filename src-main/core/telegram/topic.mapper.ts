// Maps gramjs TL objects (Api.*) to the gateway's plain data: users, forums, topics,
// messages, entities, media and channel updates. Pure; runs in the main process.
import { Api } from 'telegram';
import type { MediaMeta, MessageEntity } from '../../../src-preload/contract';
import {
  GENERAL_TOPIC_ID,
  type TgChatUpdate,
  type TgForum,
  type TgMessage,
  type TgServiceAction,
  type TgTopic,
  type TgUser,
} from './telegram.gateway';

const ms = (seconds: number): number => seconds * 1000;

/** A peer as one id string: users as is, basic groups as -id, channels as -100id (Telegram's marked ids). */
export function peerIdOf(peer: Api.TypePeer): string {
  if (peer instanceof Api.PeerUser) return peer.userId.toString();
  if (peer instanceof Api.PeerChat) return `-${peer.chatId.toString()}`;
  return `-100${peer.channelId.toString()}`;
}

export function mapUser(user: Api.TypeUser): TgUser | null {
  if (!(user instanceof Api.User)) return null;
  return {
    id: user.id.toString(),
    firstName: user.firstName ?? '',
    lastName: user.lastName || null,
    username: user.username || null,
    phone: user.phone || null,
    isBot: user.bot ?? false,
  };
}

/** Users by id, for attaching senders and topic creators to updates. */
export function indexUsers(users: readonly Api.TypeUser[]): Map<string, TgUser> {
  const index = new Map<string, TgUser>();
  for (const raw of users) {
    const user = mapUser(raw);
    if (user) index.set(user.id, user);
  }
  return index;
}

/** Only forum supergroups we can address (an access hash is needed after a restart). */
export function mapForum(chat: Api.TypeChat): TgForum | null {
  if (!(chat instanceof Api.Channel) || !chat.megagroup || !chat.forum || chat.min || !chat.accessHash) return null;
  return { chatId: chat.id.toString(), accessHash: chat.accessHash.toString(), title: chat.title };
}

/**
 * The topic a message belongs to. A topic's root is its TopicCreate service message, whose
 * id is the topic id; messages in a topic carry a forum-topic reply header; anything else
 * is in General.
 */
export function topicIdOf(message: Api.Message | Api.MessageService): number {
  if (message instanceof Api.MessageService && message.action instanceof Api.MessageActionTopicCreate) {
    return message.id;
  }
  const header = message.replyTo;
  if (header instanceof Api.MessageReplyHeader && header.forumTopic) {
    return header.replyToTopId ?? header.replyToMsgId ?? GENERAL_TOPIC_ID;
  }
  return GENERAL_TOPIC_ID;
}

function mapEntity(entity: Api.TypeMessageEntity): MessageEntity | null {
  const at = { offset: entity.offset, length: entity.length };
  if (entity instanceof Api.MessageEntityBold) return { type: 'bold', ...at };
  if (entity instanceof Api.MessageEntityItalic) return { type: 'italic', ...at };
  if (entity instanceof Api.MessageEntityUnderline) return { type: 'underline', ...at };
  if (entity instanceof Api.MessageEntityStrike) return { type: 'strike', ...at };
  if (entity instanceof Api.MessageEntitySpoiler) return { type: 'spoiler', ...at };
  if (entity instanceof Api.MessageEntityCode) return { type: 'code', ...at };
  if (entity instanceof Api.MessageEntityPre) {
    return entity.language ? { type: 'pre', ...at, language: entity.language } : { type: 'pre', ...at };
  }
  if (entity instanceof Api.MessageEntityUrl) return { type: 'url', ...at };
  if (entity instanceof Api.MessageEntityTextUrl) return { type: 'textUrl', ...at, url: entity.url };
  if (entity instanceof Api.MessageEntityMention) return { type: 'mention', ...at };
  // A mention of a user without a username: keep it clickable as a link to the user.
  if (entity instanceof Api.MessageEntityMentionName) {
    return { type: 'textUrl', ...at, url: `tg://user?id=${entity.userId.toString()}` };
  }
  if (entity instanceof Api.MessageEntityHashtag) return { type: 'hashtag', ...at };
  if (entity instanceof Api.MessageEntityEmail) return { type: 'email', ...at };
  if (entity instanceof Api.MessageEntityPhone) return { type: 'phone', ...at };
  if (entity instanceof Api.MessageEntityBlockquote) return { type: 'blockquote', ...at };
  // Bot commands, cashtags, bank cards, custom emoji: plain text is enough for a helpdesk.
  return null;
}

export function mapEntities(entities: readonly Api.TypeMessageEntity[] | undefined): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const entity of entities ?? []) {
    const mapped = mapEntity(entity);
    if (mapped) out.push(mapped);
  }
  return out;
}

function largestPhotoSize(photo: Api.TypePhoto | undefined): number | null {
  if (!(photo instanceof Api.Photo)) return null;
  let best: number | null = null;
  for (const size of photo.sizes) {
    const bytes =
      size instanceof Api.PhotoSize
        ? size.size
        : size instanceof Api.PhotoSizeProgressive
          ? Math.max(0, ...size.sizes)
          : size instanceof Api.PhotoCachedSize
            ? size.bytes.length
            : null;
    if (bytes !== null && (best === null || bytes > best)) best = bytes;
  }
  return best;
}

function mapDocument(media: Api.MessageMediaDocument): MediaMeta {
  const doc = media.document;
  if (!(doc instanceof Api.Document)) return { kind: 'document', size: null, name: null, mime: null };
  let kind: MediaMeta['kind'] = media.voice ? 'voice' : media.video || media.round ? 'video' : 'document';
  let name: string | null = null;
  for (const attr of doc.attributes) {
    if (attr instanceof Api.DocumentAttributeFilename) name = attr.fileName;
    else if (attr instanceof Api.DocumentAttributeSticker) kind = 'sticker';
    else if (attr instanceof Api.DocumentAttributeAudio && kind === 'document') kind = attr.voice ? 'voice' : 'audio';
    else if ((attr instanceof Api.DocumentAttributeVideo || attr instanceof Api.DocumentAttributeAnimated) && kind === 'document') {
      kind = 'video';
    }
  }
  return { kind, size: Number(doc.size.toString()), name, mime: doc.mimeType || null };
}

export function mapMedia(media: Api.TypeMessageMedia | undefined): MediaMeta | null {
  if (!media || media instanceof Api.MessageMediaEmpty) return null;
  // A link preview belongs to the text, not an attachment.
  if (media instanceof Api.MessageMediaWebPage) return null;
  if (media instanceof Api.MessageMediaPhoto) {
    return { kind: 'photo', size: largestPhotoSize(media.photo), name: null, mime: media.photo ? 'image/jpeg' : null };
  }
  if (media instanceof Api.MessageMediaDocument) return mapDocument(media);
  return { kind: 'other', size: null, name: null, mime: null };
}

export function mapAction(action: Api.TypeMessageAction): TgServiceAction {
  if (action instanceof Api.MessageActionTopicCreate) {
    return { type: 'topicCreated', title: action.title, iconColor: action.iconColor };
  }
  if (action instanceof Api.MessageActionTopicEdit) {
    return { type: 'topicEdited', title: action.title ?? null, closed: action.closed ?? null };
  }
  return { type: 'other', name: action.className };
}

/** A message of a channel (forum); null for empty messages and other chats. */
export function mapMessage(message: Api.TypeMessage): TgMessage | null {
  if (message instanceof Api.MessageEmpty || !(message.peerId instanceof Api.PeerChannel)) return null;
  const common = {
    chatId: message.peerId.channelId.toString(),
    msgId: message.id,
    topicId: topicIdOf(message),
    fromId: message.fromId ? peerIdOf(message.fromId) : null,
    out: message.out ?? false,
    date: ms(message.date),
  };
  if (message instanceof Api.MessageService) {
    return { ...common, text: '', entities: [], media: null, editDate: null, isService: true, action: mapAction(message.action) };
  }
  return {
    ...common,
    text: message.message ?? '',
    entities: mapEntities(message.entities),
    media: mapMedia(message.media),
    editDate: message.editDate ? ms(message.editDate) : null,
    isService: false,
    action: null,
  };
}

export function mapForumTopic(chatId: string, topic: Api.TypeForumTopic): TgTopic | null {
  if (!(topic instanceof Api.ForumTopic)) return null;
  return {
    chatId,
    topicId: topic.id,
    title: topic.title,
    creatorId: peerIdOf(topic.fromId),
    createdAt: ms(topic.date),
    closed: topic.closed ?? false,
    iconColor: topic.iconColor,
    topMessageId: topic.topMessage,
  };
}

interface Pts {
  pts: number | null;
  ptsCount: number | null;
}

const NO_PTS: Pts = { pts: null, ptsCount: null };

/** What a new channel message means: a topic opened, a topic changed, or a message. */
export function mapNewChannelMessage(
  raw: Api.TypeMessage,
  users: ReadonlyMap<string, TgUser>,
  pts: Pts = NO_PTS,
): TgChatUpdate | null {
  const message = mapMessage(raw);
  if (!message) return null;
  const { chatId } = message;
  const sender = message.fromId ? (users.get(message.fromId) ?? null) : null;
  const action = message.action;
  if (action?.type === 'topicCreated') {
    const topic: TgTopic = {
      chatId,
      topicId: message.msgId,
      title: action.title,
      creatorId: message.fromId ?? `-100${chatId}`,
      createdAt: message.date,
      closed: false,
      iconColor: action.iconColor,
      topMessageId: message.msgId,
    };
    return { kind: 'topicCreated', chatId, topic, creator: sender, message, ...pts };
  }
  if (action?.type === 'topicEdited') {
    return { kind: 'topicEdited', chatId, topicId: message.topicId, title: action.title, closed: action.closed, message, ...pts };
  }
  return { kind: 'newMessage', chatId, message, sender, ...pts };
}

/**
 * A live channel update from Telegram, with its pts. Updates that are not about channel
 * messages (typing, read marks, user status, …) give null.
 */
export function mapChannelUpdate(update: Api.TypeUpdate, users: ReadonlyMap<string, TgUser>): TgChatUpdate | null {
  if (update instanceof Api.UpdateNewChannelMessage) {
    return mapNewChannelMessage(update.message, users, { pts: update.pts, ptsCount: update.ptsCount });
  }
  if (update instanceof Api.UpdateEditChannelMessage) {
    const message = mapMessage(update.message);
    if (!message) return null;
    return { kind: 'messageEdited', chatId: message.chatId, message, pts: update.pts, ptsCount: update.ptsCount };
  }
  if (update instanceof Api.UpdateDeleteChannelMessages) {
    return {
      kind: 'messagesDeleted',
      chatId: update.channelId.toString(),
      msgIds: [...update.messages],
      pts: update.pts,
      ptsCount: update.ptsCount,
    };
  }
  if (update instanceof Api.UpdateChannelTooLong) {
    return { kind: 'channelTooLong', chatId: update.channelId.toString(), pts: update.pts ?? null };
  }
  return null;
}

/**
 * The updates of one updates.ChannelDifference page, new messages first (Telegram lists
 * other updates after them). They carry no pts of their own: the page's pts applies.
 */
export function mapDifferenceUpdates(
  newMessages: readonly Api.TypeMessage[],
  otherUpdates: readonly Api.TypeUpdate[],
  users: ReadonlyMap<string, TgUser>,
): TgChatUpdate[] {
  const out: TgChatUpdate[] = [];
  for (const message of newMessages) {
    const update = mapNewChannelMessage(message, users);
    if (update) out.push(update);
  }
  for (const other of otherUpdates) {
    const update = mapChannelUpdate(other, users);
    if (!update || update.kind === 'channelTooLong') continue;
    out.push({ ...update, pts: null, ptsCount: null });
  }
  return out;
}
