// RxDB schema of the team's configuration: templates, SLA policies, calendars, escalation
// policies, routing rules and team settings, one collection told apart by `kind` (RxDB's
// open-source build allows 16 open collections per process; two cores in one test process
// must fit). The id is `<kind>:<name>`; the body sits in `data` and is checked with the
// contract's zod schemas on every read and write through the core.
import type { RxJsonSchema } from 'rxdb';

export const configKinds = ['template', 'slapolicy', 'calendar', 'escalationpolicy', 'routingrule', 'setting', 'cursor'] as const;
export type ConfigKind = (typeof configKinds)[number];

/** Kinds any agent's app writes (round-robin cursors); every other kind is for leads. */
export const memberWritableConfigKinds: readonly ConfigKind[] = ['cursor'];

export interface ConfigDoc {
  id: string;
  kind: ConfigKind;
  updatedAt: number;
  data: Record<string, unknown>;
}

export const configId = (kind: ConfigKind, name: string) => `${kind}:${name}`;

export const configSchema: RxJsonSchema<ConfigDoc> = {
  title: 'config',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    kind: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'number' },
    data: { type: 'object' },
  },
  required: ['id', 'kind', 'updatedAt', 'data'],
  indexes: ['kind'],
};
