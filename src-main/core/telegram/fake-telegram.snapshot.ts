// What FakeTelegram saves between demo runs (so ids, pts and signed-in sessions carry on),
// as plain JSON with its zod schema; TL parts (entities, service actions) travel as their
// own bytes in base64. Test and demo support; runs in the main process.
import type { Api } from 'telegram';
import { BinaryReader } from 'telegram/extensions';
import { z } from 'zod';

const Int = z.number().int();
/** A TL object's bytes, base64. */
const TlBytes = z.string();

const MessageJson = z.object({
  id: Int,
  fromId: z.string().nullable(),
  topicId: Int,
  replyToMsgId: Int.nullable(),
  date: Int,
  editDate: Int.nullable(),
  text: z.string(),
  entities: z.array(TlBytes),
  action: TlBytes.nullable(),
});
export type MessageJson = z.infer<typeof MessageJson>;

const ChangeJson = z.union([
  z.object({ kind: z.enum(['new', 'edit']), pts: Int, ptsCount: Int, message: MessageJson }),
  z.object({ kind: z.literal('delete'), pts: Int, ptsCount: Int, msgIds: z.array(Int) }),
]);

export const FakeTelegramSnapshot = z.object({
  version: z.literal(1),
  counters: z.object({ nextUserId: Int, nextChatId: Int, nextGlobalMsgId: Int }),
  users: z.array(
    z.object({
      id: z.string(),
      accessHash: z.string(),
      firstName: z.string(),
      lastName: z.string().optional(),
      username: z.string().optional(),
      phone: z.string().optional(),
      bot: z.boolean().optional(),
    }),
  ),
  chats: z.array(
    z.object({
      id: z.string(),
      accessHash: z.string(),
      title: z.string(),
      kind: z.enum(['forum', 'supergroup', 'broadcast', 'basic', 'private']),
      ownerId: z.string().nullable(),
      members: z.array(z.string()),
      date: Int,
      pts: Int,
      nextId: Int,
      topics: z.array(
        z.object({ id: Int, title: z.string(), iconColor: Int, creatorId: z.string(), date: Int, closed: z.boolean() }),
      ),
      messages: z.array(MessageJson),
      log: z.array(ChangeJson),
    }),
  ),
  accounts: z.array(
    z.object({
      phone: z.string(),
      userId: z.string(),
      code: z.string(),
      password: z.object({ text: z.string(), hint: z.string().nullable(), salt1: z.string(), salt2: z.string() }).nullable(),
    }),
  ),
  /** Signed-in sessions by auth key id: the session strings the app keeps stay valid. */
  sessions: z.array(z.object({ keyId: z.string(), userId: z.string() })),
});
export type FakeTelegramSnapshot = z.infer<typeof FakeTelegramSnapshot>;

export const tlToJson = (value: { getBytes(): Buffer }): string => value.getBytes().toString('base64');

function tlFromJson(base64: string): unknown {
  return new BinaryReader(Buffer.from(base64, 'base64')).tgReadObject();
}

function isTl(value: unknown, prefix: string): value is { className: string } {
  return typeof value === 'object' && value !== null && 'className' in value && String(value.className).startsWith(prefix);
}

export function entityFromJson(base64: string): Api.TypeMessageEntity {
  const value = tlFromJson(base64);
  if (!isTl(value, 'MessageEntity')) throw new Error('FakeTelegram snapshot: not a message entity');
  return value as Api.TypeMessageEntity;
}

export function actionFromJson(base64: string): Api.TypeMessageAction {
  const value = tlFromJson(base64);
  if (!isTl(value, 'MessageAction')) throw new Error('FakeTelegram snapshot: not a message action');
  return value as Api.TypeMessageAction;
}
