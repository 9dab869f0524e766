// RxDB schema of this device's own state that is never replicated: per-forum pts, drafts,
// the signed-in account's forums. One JSON value per key.
import type { RxJsonSchema } from 'rxdb';

export interface LocalStateDoc {
  key: string;
  value: unknown;
  updatedAt: number;
}

export const localStateSchema: RxJsonSchema<LocalStateDoc> = {
  title: 'localstate',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 200 },
    value: { type: ['object', 'array', 'string', 'number', 'boolean', 'null'] },
    updatedAt: { type: 'number' },
  },
  required: ['key', 'updatedAt'],
};
