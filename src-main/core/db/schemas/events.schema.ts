// RxDB schema of the append-only events collection (activity and audit log).
import type { RxJsonSchema } from 'rxdb';
import type { ActivityEvent } from '../../../../src-preload/contract';

export const eventsSchema: RxJsonSchema<ActivityEvent> = {
  title: 'events',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    type: { type: 'string' },
    ticketId: { type: ['string', 'null'] },
    actorId: { type: ['string', 'null'] },
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    data: { type: 'object' },
  },
  required: ['id', 'type', 'at'],
  indexes: ['at'],
};
