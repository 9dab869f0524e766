// Messages of a ticket's thread: customer and agent messages, internal notes, system events.
import { z } from 'zod';

export const MessageKind = z.enum(['customer', 'agent', 'note', 'system']);
export type MessageKind = z.infer<typeof MessageKind>;

export const deliveryStates = ['queued', 'sending', 'sent', 'failed'] as const;
export const DeliveryState = z.enum(deliveryStates);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const Delivery = z.object({
  state: DeliveryState,
  reason: z.string().nullable(),
  attempts: z.number().int(),
  /** Telegram message ids the text went out as (a long reply is split into several). */
  tgMsgIds: z.array(z.number().int()),
  /** When the outbox may try again (backoff after a flood wait or network error). */
  retryAt: z.number().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const EntityType = z.enum([
  'bold',
  'italic',
  'underline',
  'strike',
  'spoiler',
  'code',
  'pre',
  'url',
  'textUrl',
  'mention',
  'hashtag',
  'email',
  'phone',
  'blockquote',
]);
export const MessageEntity = z.object({
  type: EntityType,
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  url: z.string().optional(),
  language: z.string().optional(),
});
export type MessageEntity = z.infer<typeof MessageEntity>;

export const MediaMeta = z.object({
  kind: z.enum(['photo', 'video', 'document', 'audio', 'voice', 'sticker', 'other']),
  size: z.number().int().nullable(),
  name: z.string().nullable(),
  mime: z.string().nullable(),
});
export type MediaMeta = z.infer<typeof MediaMeta>;

export const Message = z.object({
  id: z.string(),
  ticketId: z.string(),
  kind: MessageKind,
  authorId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  entities: z.array(MessageEntity),
  media: MediaMeta.nullable(),
  /** Telegram's time for ingested messages; the local write time for queued replies. */
  sentAt: z.number(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
  /** Outbound replies only; null for customer messages, notes and system events. */
  delivery: Delivery.nullable(),
  createdAt: z.number(),
});
export type Message = z.infer<typeof Message>;

export const ThreadPage = z.object({ items: z.array(Message), hasMore: z.boolean() });
export type ThreadPage = z.infer<typeof ThreadPage>;

const MessageRef = z.object({ messageId: z.string().min(1) });

export const messageCommands = {
  'messages.send': {
    params: z.object({
      ticketId: z.string().min(1),
      kind: z.enum(['agent', 'note']),
      text: z.string().trim().min(1).max(100_000),
    }),
    result: Message,
  },
  'messages.retry': { params: MessageRef, result: Message },
  'messages.edit': { params: MessageRef.extend({ text: z.string().trim().min(1).max(100_000) }), result: Message },
} as const;

export const messageLiveQueries = {
  'messages.thread': {
    params: z.object({ ticketId: z.string().min(1), limit: z.number().int().min(1).max(2000).default(200) }),
    result: ThreadPage,
  },
} as const;
