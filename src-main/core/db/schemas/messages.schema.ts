// RxDB schema of the messages collection. `deliveryState` mirrors `delivery.state` at the
// top level (or 'none') because RxDB can only index required top-level scalars; the outbox
// finds its work through it. 'replaced' marks a local reply whose Telegram copies (`tg:` ids,
// the same documents every agent's app ingests) now stand for it in the thread.
import type { RxJsonSchema } from 'rxdb';
import type { DeliveryState, Message } from '../../../../src-preload/contract';

export type MessageDoc = Message & { deliveryState: DeliveryState | 'none' | 'replaced' };

export const toMessageDoc = (message: Message): MessageDoc => ({
  ...message,
  deliveryState: message.delivery?.state ?? 'none',
});

export const fromMessageDoc = ({ deliveryState: _, ...message }: MessageDoc): Message => message;

export const messagesSchema: RxJsonSchema<MessageDoc> = {
  title: 'messages',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    ticketId: { type: 'string', maxLength: 200 },
    kind: { type: 'string' },
    authorId: { type: ['string', 'null'] },
    authorName: { type: 'string' },
    text: { type: 'string' },
    entities: { type: 'array', items: { type: 'object' } },
    media: { type: ['object', 'null'] },
    sentAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    editedAt: { type: ['number', 'null'] },
    deleted: { type: 'boolean' },
    delivery: { type: ['object', 'null'] },
    deliveryState: { type: 'string', maxLength: 16 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
  },
  required: ['id', 'ticketId', 'kind', 'text', 'sentAt', 'createdAt', 'deliveryState'],
  indexes: [
    ['ticketId', 'sentAt'],
    ['deliveryState', 'createdAt'],
  ],
};
