// RxDB schema of the tickets collection. Bump `version` and add a numbered migration in
// ../migrations when the shape changes.
import type { RxJsonSchema } from 'rxdb';
import type { Ticket } from '../../../../src-preload/contract';

const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const stringArray = { type: 'array', items: { type: 'string' } } as const;

export const ticketsSchema: RxJsonSchema<Ticket> = {
  title: 'tickets',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    subject: { type: 'string' },
    customer: {
      type: 'object',
      properties: {
        tgUserId: nullableString,
        name: { type: 'string' },
        username: nullableString,
        phone: nullableString,
        email: nullableString,
        shoplineCustomerId: nullableString,
        tier: { type: 'string' },
        language: nullableString,
      },
      required: ['name', 'tier'],
    },
    status: { type: 'string', maxLength: 32 },
    priority: { type: 'string', maxLength: 16 },
    tags: stringArray,
    category: nullableString,
    assigneeId: nullableString,
    queue: { type: 'string' },
    source: { type: 'string' },
    chatId: nullableString,
    topicId: nullableNumber,
    topicClosed: { type: 'boolean' },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedAt: { type: 'number' },
    firstResponseAt: nullableNumber,
    resolvedAt: nullableNumber,
    closedAt: nullableNumber,
    lastCustomerAt: nullableNumber,
    lastAgentAt: nullableNumber,
    lastMessageAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    lastMessagePreview: { type: 'string' },
    unreadCount: { type: 'number' },
    slaPolicyId: nullableString,
    slaDueAt: nullableNumber,
    slaState: { type: 'string' },
    escalationLevel: { type: 'number' },
    orderRefs: stringArray,
    fieldTimes: { type: 'object', additionalProperties: { type: 'number' } },
  },
  required: ['id', 'subject', 'customer', 'status', 'priority', 'createdAt', 'lastMessageAt'],
  indexes: ['createdAt', 'lastMessageAt'],
};
