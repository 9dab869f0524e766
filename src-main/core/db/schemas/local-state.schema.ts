// RxDB schema of this device's own state that is never replicated: per-forum pts, drafts,
// the signed-in account's forums. One JSON value per key, kept as text so any shape
// passes the schema (LocalState parses it back with zod).
import type { RxJsonSchema } from 'rxdb';

export interface LocalStateDoc {
  key: string;
  json: string;
  updatedAt: number;
}

export const localStateSchema: RxJsonSchema<LocalStateDoc> = {
  title: 'localstate',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 200 },
    json: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['key', 'json', 'updatedAt'],
};
