// RxDB schema of the agents collection.
import type { RxJsonSchema } from 'rxdb';
import type { Agent } from '../../../../src-preload/contract';

export const agentsSchema: RxJsonSchema<Agent> = {
  title: 'agents',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    tgUserId: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    skills: { type: 'array', items: { type: 'string' } },
    languages: { type: 'array', items: { type: 'string' } },
    capacity: { type: 'number' },
    availability: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'tgUserId', 'name', 'role', 'capacity', 'availability'],
};
