// RxDB schema shared by the team's configuration collections (templates, SLA policies,
// calendars, escalation policies, routing rules, settings). The document body sits in
// `data` and is checked with the contract's zod schemas on every read and write through
// the core; the storage only needs the key and the change time.
import type { RxJsonSchema } from 'rxdb';

export interface ConfigDoc {
  id: string;
  updatedAt: number;
  data: Record<string, unknown>;
}

export const configSchema = (title: string): RxJsonSchema<ConfigDoc> => ({
  title,
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    updatedAt: { type: 'number' },
    data: { type: 'object' },
  },
  required: ['id', 'updatedAt', 'data'],
});
