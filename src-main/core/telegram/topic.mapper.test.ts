// Tests for mapping gramjs TL objects to the gateway's plain data, with real Api objects
// (several also serialised and read back, as they arrive from the network).
import { Api, helpers } from 'telegram';
import { BinaryReader } from 'telegram/extensions';
import { describe, expect, it } from 'vitest';
import { TgMessage, TgUpdate } from './telegram.gateway';
import {
  indexUsers,
  mapAction,
  mapChannelUpdate,
  mapDifferenceUpdates,
  mapEntities,
  mapForum,
  mapForumTopic,
  mapMedia,
  mapMessage,
  mapNewChannelMessage,
  mapUser,
  peerIdOf,
  topicIdOf,
} from './topic.mapper';

const long = (value: string | number) => helpers.returnBigInt(value);
const CHAT = '1987654321';
const channelPeer = () => new Api.PeerChannel({ channelId: long(CHAT) });
const userPeer = (id: string) => new Api.PeerUser({ userId: long(id) });

function roundTrip<T extends { getBytes(): Buffer }>(obj: T): T {
  return new BinaryReader(obj.getBytes()).tgReadObject() as T;
}

const alice = new Api.User({
  id: long('5000000001'),
  accessHash: long('-123456789'),
  firstName: 'Alice',
  lastName: 'Moreau',
  username: 'alice_m',
  phone: '33612345678',
});

const inTopic = (topicId: number) => new Api.MessageReplyHeader({ forumTopic: true, replyToMsgId: topicId });

describe('users', () => {
  it('maps a user with every field', () => {
    expect(mapUser(roundTrip(alice))).toEqual({
      id: '5000000001',
      firstName: 'Alice',
      lastName: 'Moreau',
      username: 'alice_m',
      phone: '33612345678',
      isBot: false,
    });
  });

  it('maps missing names and handles to null, and keeps ids beyond 2^53 exact', () => {
    // Telegram always sends botInfoVersion with the bot flag (they share a flag bit).
    const user = new Api.User({ id: long('9007199254740993'), bot: true, botInfoVersion: 1 });
    expect(mapUser(roundTrip(user))).toEqual({
      id: '9007199254740993',
      firstName: '',
      lastName: null,
      username: null,
      phone: null,
      isBot: true,
    });
  });

  it('skips empty users when indexing', () => {
    const index = indexUsers([alice, new Api.UserEmpty({ id: long(7) })]);
    expect([...index.keys()]).toEqual(['5000000001']);
  });
});

describe('forums', () => {
  const channel = (flags: Partial<{ megagroup: boolean; forum: boolean; broadcast: boolean; min: boolean }>, accessHash = '42') =>
    new Api.Channel({
      id: long(CHAT),
      accessHash: long(accessHash),
      title: 'Acme support',
      photo: new Api.ChatPhotoEmpty(),
      date: 1_700_000_000,
      ...flags,
    });

  it('offers forum supergroups with their access hash', () => {
    expect(mapForum(roundTrip(channel({ megagroup: true, forum: true }, '-8000000000000000001')))).toEqual({
      chatId: CHAT,
      accessHash: '-8000000000000000001',
      title: 'Acme support',
    });
  });

  it('rejects supergroups without topics, broadcast channels, min channels and basic groups', () => {
    expect(mapForum(channel({ megagroup: true }))).toBeNull();
    expect(mapForum(channel({ broadcast: true }))).toBeNull();
    expect(mapForum(channel({ megagroup: true, forum: true, min: true }))).toBeNull();
    const basic = new Api.Chat({ id: long(5), title: 'Old group', photo: new Api.ChatPhotoEmpty(), participantsCount: 3, date: 1, version: 1 });
    expect(mapForum(basic)).toBeNull();
  });
});

describe('topicIdOf', () => {
  const msg = (replyTo?: Api.TypeMessageReplyHeader) =>
    new Api.Message({ id: 50, peerId: channelPeer(), date: 1, message: 'x', replyTo });

  it('is the replied-to topic root for a message written in a topic', () => {
    expect(topicIdOf(roundTrip(msg(inTopic(12))))).toBe(12);
  });

  it('is the top id for a reply to another message inside a topic', () => {
    const header = new Api.MessageReplyHeader({ forumTopic: true, replyToMsgId: 40, replyToTopId: 12 });
    expect(topicIdOf(roundTrip(msg(header)))).toBe(12);
  });

  it('is General for plain replies, no reply header, or a story reply', () => {
    expect(topicIdOf(msg(new Api.MessageReplyHeader({ replyToMsgId: 40 })))).toBe(1);
    expect(topicIdOf(msg())).toBe(1);
    expect(topicIdOf(msg(new Api.MessageReplyStoryHeader({ peer: userPeer('1'), storyId: 3 })))).toBe(1);
  });

  it('is its own id for the TopicCreate service message', () => {
    const created = new Api.MessageService({
      id: 77,
      peerId: channelPeer(),
      date: 1,
      action: new Api.MessageActionTopicCreate({ title: 'Refund', iconColor: 0x6fb9f0 }),
    });
    expect(topicIdOf(roundTrip(created))).toBe(77);
  });
});

describe('entities', () => {
  it('maps every entity the contract knows, in order', () => {
    const at = { offset: 1, length: 2 };
    const mapped = mapEntities([
      new Api.MessageEntityBold(at),
      new Api.MessageEntityItalic(at),
      new Api.MessageEntityUnderline(at),
      new Api.MessageEntityStrike(at),
      new Api.MessageEntitySpoiler(at),
      new Api.MessageEntityCode(at),
      new Api.MessageEntityPre({ ...at, language: 'json' }),
      new Api.MessageEntityPre({ ...at, language: '' }),
      new Api.MessageEntityUrl(at),
      new Api.MessageEntityTextUrl({ ...at, url: 'https://acme.test/track' }),
      new Api.MessageEntityMention(at),
      new Api.MessageEntityMentionName({ ...at, userId: long('5000000001') }),
      new Api.MessageEntityHashtag(at),
      new Api.MessageEntityEmail(at),
      new Api.MessageEntityPhone(at),
      new Api.MessageEntityBlockquote(at),
    ]);
    expect(mapped).toEqual([
      { type: 'bold', ...at },
      { type: 'italic', ...at },
      { type: 'underline', ...at },
      { type: 'strike', ...at },
      { type: 'spoiler', ...at },
      { type: 'code', ...at },
      { type: 'pre', ...at, language: 'json' },
      { type: 'pre', ...at },
      { type: 'url', ...at },
      { type: 'textUrl', ...at, url: 'https://acme.test/track' },
      { type: 'mention', ...at },
      { type: 'textUrl', ...at, url: 'tg://user?id=5000000001' },
      { type: 'hashtag', ...at },
      { type: 'email', ...at },
      { type: 'phone', ...at },
      { type: 'blockquote', ...at },
    ]);
  });

  it('drops entities a helpdesk does not render', () => {
    const at = { offset: 0, length: 4 };
    expect(
      mapEntities([
        new Api.MessageEntityBotCommand(at),
        new Api.MessageEntityCashtag(at),
        new Api.MessageEntityBankCard(at),
        new Api.MessageEntityCustomEmoji({ ...at, documentId: long(9) }),
        new Api.MessageEntityUnknown(at),
      ]),
    ).toEqual([]);
    expect(mapEntities(undefined)).toEqual([]);
  });
});

describe('media', () => {
  const document = (mimeType: string, attributes: Api.TypeDocumentAttribute[], size = 2048) =>
    new Api.Document({
      id: long(1),
      accessHash: long(2),
      fileReference: Buffer.alloc(0),
      date: 1,
      mimeType,
      size: long(size),
      dcId: 2,
      attributes,
    });
  const media = (doc: Api.Document, flags: Partial<{ voice: boolean; video: boolean; round: boolean }> = {}) =>
    roundTrip(new Api.MessageMediaDocument({ document: doc, ...flags }));

  it('reports a photo with its largest size', () => {
    const photo = new Api.Photo({
      id: long(1),
      accessHash: long(2),
      fileReference: Buffer.alloc(0),
      date: 1,
      dcId: 2,
      sizes: [
        new Api.PhotoStrippedSize({ type: 'i', bytes: Buffer.alloc(40) }),
        new Api.PhotoCachedSize({ type: 's', w: 90, h: 90, bytes: Buffer.alloc(500) }),
        new Api.PhotoSize({ type: 'm', w: 320, h: 320, size: 20_000 }),
        new Api.PhotoSizeProgressive({ type: 'y', w: 1280, h: 1280, sizes: [10_000, 60_000, 120_000] }),
      ],
    });
    expect(mapMedia(roundTrip(new Api.MessageMediaPhoto({ photo })))).toEqual({
      kind: 'photo',
      size: 120_000,
      name: null,
      mime: 'image/jpeg',
    });
    expect(mapMedia(new Api.MessageMediaPhoto({}))).toEqual({ kind: 'photo', size: null, name: null, mime: null });
  });

  it('reports documents with name, size and mime type', () => {
    const invoice = document('application/pdf', [new Api.DocumentAttributeFilename({ fileName: 'invoice-1042.pdf' })], 48_213);
    expect(mapMedia(media(invoice))).toEqual({ kind: 'document', size: 48_213, name: 'invoice-1042.pdf', mime: 'application/pdf' });
  });

  it('tells voice notes, audio, video, GIFs and stickers apart', () => {
    const voice = document('audio/ogg', [new Api.DocumentAttributeAudio({ voice: true, duration: 4 })]);
    expect(mapMedia(media(voice, { voice: true }))?.kind).toBe('voice');
    expect(mapMedia(media(voice))?.kind).toBe('voice');
    const song = document('audio/mpeg', [new Api.DocumentAttributeAudio({ duration: 200, title: 'Jingle' })]);
    expect(mapMedia(media(song))?.kind).toBe('audio');
    const clip = document('video/mp4', [new Api.DocumentAttributeVideo({ duration: 3, w: 640, h: 480 })]);
    expect(mapMedia(media(clip, { video: true }))?.kind).toBe('video');
    expect(mapMedia(media(clip, { round: true }))?.kind).toBe('video');
    const gif = document('video/mp4', [new Api.DocumentAttributeAnimated()]);
    expect(mapMedia(media(gif))?.kind).toBe('video');
    const sticker = document('image/webp', [
      new Api.DocumentAttributeSticker({ alt: '👍', stickerset: new Api.InputStickerSetEmpty() }),
      new Api.DocumentAttributeImageSize({ w: 512, h: 512 }),
    ]);
    expect(mapMedia(media(sticker))?.kind).toBe('sticker');
  });

  it('treats no media and link previews as no attachment, anything else as other', () => {
    expect(mapMedia(undefined)).toBeNull();
    expect(mapMedia(new Api.MessageMediaEmpty())).toBeNull();
    expect(mapMedia(new Api.MessageMediaWebPage({ webpage: new Api.WebPageEmpty({ id: long(1) }) }))).toBeNull();
    const geo = new Api.MessageMediaGeo({ geo: new Api.GeoPoint({ long: 2.35, lat: 48.85, accessHash: long(1) }) });
    expect(mapMedia(geo)).toEqual({ kind: 'other', size: null, name: null, mime: null });
  });
});

describe('messages', () => {
  it('maps a customer message in a topic', () => {
    const message = new Api.Message({
      id: 101,
      peerId: channelPeer(),
      fromId: userPeer('5000000001'),
      replyTo: inTopic(100),
      date: 1_700_000_123,
      message: 'Where is my order #1042?',
      entities: [new Api.MessageEntityHashtag({ offset: 18, length: 5 })],
    });
    const mapped = mapMessage(roundTrip(message));
    expect(mapped).toEqual({
      chatId: CHAT,
      msgId: 101,
      topicId: 100,
      fromId: '5000000001',
      out: false,
      text: 'Where is my order #1042?',
      entities: [{ type: 'hashtag', offset: 18, length: 5 }],
      media: null,
      date: 1_700_000_123_000,
      editDate: null,
      isService: false,
      action: null,
    });
    expect(TgMessage.parse(mapped)).toEqual(mapped);
  });

  it('maps an edited message sent by the signed-in account', () => {
    const message = new Api.Message({
      id: 102,
      out: true,
      peerId: channelPeer(),
      fromId: userPeer('6000000001'),
      replyTo: inTopic(100),
      date: 1_700_000_200,
      editDate: 1_700_000_260,
      message: 'It ships today.',
    });
    expect(mapMessage(roundTrip(message))).toMatchObject({ out: true, editDate: 1_700_000_260_000, fromId: '6000000001' });
  });

  it('gives a marked id for a message sent as the group (anonymous admin)', () => {
    const message = new Api.Message({ id: 5, peerId: channelPeer(), fromId: channelPeer(), date: 1, message: 'Notice' });
    expect(mapMessage(message)?.fromId).toBe(`-100${CHAT}`);
    expect(mapMessage(new Api.Message({ id: 6, peerId: channelPeer(), date: 1, message: 'x' }))?.fromId).toBeNull();
  });

  it('maps service messages with their action and no text', () => {
    const edit = new Api.MessageService({
      id: 130,
      peerId: channelPeer(),
      fromId: userPeer('6000000001'),
      replyTo: inTopic(100),
      date: 1_700_000_300,
      action: new Api.MessageActionTopicEdit({ closed: true }),
    });
    expect(mapMessage(roundTrip(edit))).toMatchObject({
      msgId: 130,
      topicId: 100,
      text: '',
      isService: true,
      action: { type: 'topicEdited', title: null, closed: true },
    });
    expect(mapAction(new Api.MessageActionPinMessage())).toEqual({ type: 'other', name: 'MessageActionPinMessage' });
  });

  it('ignores empty messages and messages outside channels', () => {
    expect(mapMessage(new Api.MessageEmpty({ id: 1 }))).toBeNull();
    expect(mapMessage(new Api.Message({ id: 1, peerId: userPeer('5'), date: 1, message: 'hi' }))).toBeNull();
  });
});

describe('forum topics', () => {
  it('maps a topic from channels.GetForumTopics', () => {
    const topic = new Api.ForumTopic({
      id: 100,
      date: 1_700_000_000,
      title: 'Parcel not delivered',
      iconColor: 0xffd67e,
      topMessage: 131,
      readInboxMaxId: 0,
      readOutboxMaxId: 0,
      unreadCount: 0,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      fromId: userPeer('5000000001'),
      notifySettings: new Api.PeerNotifySettings({}),
      closed: true,
    });
    expect(mapForumTopic(CHAT, roundTrip(topic))).toEqual({
      chatId: CHAT,
      topicId: 100,
      title: 'Parcel not delivered',
      creatorId: '5000000001',
      createdAt: 1_700_000_000_000,
      closed: true,
      iconColor: 0xffd67e,
      topMessageId: 131,
    });
    expect(mapForumTopic(CHAT, new Api.ForumTopicDeleted({ id: 9 }))).toBeNull();
  });
});

describe('channel updates', () => {
  const users = indexUsers([alice]);
  const topicCreate = new Api.MessageService({
    id: 100,
    peerId: channelPeer(),
    fromId: userPeer('5000000001'),
    date: 1_700_000_000,
    action: new Api.MessageActionTopicCreate({ title: 'Parcel not delivered', iconColor: 0x6fb9f0 }),
  });

  it('turns a TopicCreate service message into topicCreated with its creator', () => {
    const update = mapChannelUpdate(roundTrip(new Api.UpdateNewChannelMessage({ message: topicCreate, pts: 11, ptsCount: 1 })), users);
    expect(update).toMatchObject({
      kind: 'topicCreated',
      chatId: CHAT,
      pts: 11,
      ptsCount: 1,
      creator: { id: '5000000001', firstName: 'Alice' },
      topic: {
        chatId: CHAT,
        topicId: 100,
        title: 'Parcel not delivered',
        creatorId: '5000000001',
        createdAt: 1_700_000_000_000,
        closed: false,
        iconColor: 0x6fb9f0,
        topMessageId: 100,
      },
    });
    expect(TgUpdate.parse(update)).toEqual(update);
  });

  it('turns a message into newMessage in its topic, with the sender', () => {
    const message = new Api.Message({
      id: 101,
      peerId: channelPeer(),
      fromId: userPeer('5000000001'),
      replyTo: inTopic(100),
      date: 1_700_000_010,
      message: 'Hello?',
    });
    const update = mapChannelUpdate(new Api.UpdateNewChannelMessage({ message, pts: 12, ptsCount: 1 }), users);
    expect(update).toMatchObject({ kind: 'newMessage', chatId: CHAT, pts: 12, ptsCount: 1, sender: { id: '5000000001' } });
    expect(update?.kind === 'newMessage' && update.message.topicId).toBe(100);
  });

  it('leaves the sender null when Telegram did not include the user', () => {
    const message = new Api.Message({ id: 3, peerId: channelPeer(), fromId: userPeer('42'), date: 1, message: 'hi' });
    const update = mapNewChannelMessage(message, users);
    expect(update).toMatchObject({ kind: 'newMessage', sender: null, pts: null, ptsCount: null });
    expect(update?.kind === 'newMessage' && update.message.topicId).toBe(1);
  });

  it('turns TopicEdit service messages into topicEdited (rename, close, reopen)', () => {
    const edit = (action: Api.MessageActionTopicEdit) =>
      mapChannelUpdate(
        new Api.UpdateNewChannelMessage({
          message: new Api.MessageService({ id: 140, peerId: channelPeer(), replyTo: inTopic(100), date: 1, action }),
          pts: 20,
          ptsCount: 1,
        }),
        users,
      );
    expect(edit(new Api.MessageActionTopicEdit({ title: 'Parcel found' }))).toMatchObject({
      kind: 'topicEdited',
      topicId: 100,
      title: 'Parcel found',
      closed: null,
    });
    expect(edit(new Api.MessageActionTopicEdit({ closed: true }))).toMatchObject({ title: null, closed: true });
    expect(edit(new Api.MessageActionTopicEdit({ closed: false }))).toMatchObject({ closed: false });
  });

  it('maps edits, deletions and channelTooLong', () => {
    const edited = new Api.Message({ id: 101, peerId: channelPeer(), replyTo: inTopic(100), date: 1, editDate: 2, message: 'Hello!' });
    expect(mapChannelUpdate(roundTrip(new Api.UpdateEditChannelMessage({ message: edited, pts: 13, ptsCount: 1 })), users)).toMatchObject({
      kind: 'messageEdited',
      chatId: CHAT,
      pts: 13,
      message: { msgId: 101, text: 'Hello!', editDate: 2000 },
    });
    const deleted = new Api.UpdateDeleteChannelMessages({ channelId: long(CHAT), messages: [101, 102], pts: 15, ptsCount: 2 });
    expect(mapChannelUpdate(roundTrip(deleted), users)).toEqual({
      kind: 'messagesDeleted',
      chatId: CHAT,
      msgIds: [101, 102],
      pts: 15,
      ptsCount: 2,
    });
    expect(mapChannelUpdate(new Api.UpdateChannelTooLong({ channelId: long(CHAT), pts: 99 }), users)).toEqual({
      kind: 'channelTooLong',
      chatId: CHAT,
      pts: 99,
    });
  });

  it('ignores updates that are not about channel messages', () => {
    expect(mapChannelUpdate(new Api.UpdateUserStatus({ userId: long(1), status: new Api.UserStatusEmpty() }), users)).toBeNull();
    const privateMessage = new Api.Message({ id: 1, peerId: userPeer('5'), date: 1, message: 'hi' });
    expect(mapChannelUpdate(new Api.UpdateNewChannelMessage({ message: privateMessage, pts: 1, ptsCount: 1 }), users)).toBeNull();
  });

  it('maps a difference page: new messages first, then other updates, without pts', () => {
    const message = new Api.Message({ id: 101, peerId: channelPeer(), fromId: userPeer('5000000001'), replyTo: inTopic(100), date: 1, message: 'a' });
    const del = new Api.UpdateDeleteChannelMessages({ channelId: long(CHAT), messages: [90], pts: 30, ptsCount: 1 });
    const updates = mapDifferenceUpdates([topicCreate, message], [del, new Api.UpdateChannelTooLong({ channelId: long(CHAT) })], users);
    expect(updates.map((u) => u.kind)).toEqual(['topicCreated', 'newMessage', 'messagesDeleted']);
    for (const u of updates) expect(u).toMatchObject({ pts: null, ptsCount: null });
  });

  it('gives peer ids in Telegram marked form', () => {
    expect(peerIdOf(userPeer('7'))).toBe('7');
    expect(peerIdOf(new Api.PeerChat({ chatId: long(8) }))).toBe('-8');
    expect(peerIdOf(channelPeer())).toBe(`-100${CHAT}`);
  });
});
