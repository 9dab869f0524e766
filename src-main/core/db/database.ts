// Opens the workspace's RxDB database in the main process and creates its collections.
// Persistent (DenoKV on SQLite) in the app, memory in unit tests.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { ActivityEvent, Agent, Ticket } from '../../../src-preload/contract';
import { createDenoKvStorage } from './denokv.storage';
import { agentsSchema } from './schemas/agents.schema';
import { configSchema, type ConfigDoc } from './schemas/config.schema';
import { eventsSchema } from './schemas/events.schema';
import { localStateSchema, type LocalStateDoc } from './schemas/local-state.schema';
import { messagesSchema, type MessageDoc } from './schemas/messages.schema';
import { ticketsSchema } from './schemas/tickets.schema';
import {
  agentConflictHandler,
  configConflictHandler,
  eventConflictHandler,
  messageConflictHandler,
  ticketConflictHandler,
} from '../sync/conflict.handlers';

export interface Collections {
  tickets: RxCollection<Ticket>;
  messages: RxCollection<MessageDoc>;
  agents: RxCollection<Agent>;
  events: RxCollection<ActivityEvent>;
  localstate: RxCollection<LocalStateDoc>;
  /** Templates, SLA policies, calendars, escalation policies, routing rules, settings. */
  config: RxCollection<ConfigDoc>;
}
export type TopicdeskDatabase = RxDatabase<Collections>;

/** The collections every agent's app replicates; `localstate` stays on this device. */
export const sharedCollections = ['tickets', 'messages', 'agents', 'events', 'config'] as const;
export type SharedCollection = (typeof sharedCollections)[number];

export type StorageOption = { kind: 'denokv'; dataDir: string } | { kind: 'memory' };

export interface OpenDatabaseOptions {
  workspace: string;
  storage: StorageOption;
  /** Validate every write against the JSON schema (tests): catches shape drift early. */
  validate?: boolean;
}

function makeStorage(option: StorageOption): RxStorage<unknown, unknown> {
  if (option.kind === 'memory') return getRxStorageMemory() as RxStorage<unknown, unknown>;
  mkdirSync(option.dataDir, { recursive: true });
  return createDenoKvStorage(join(option.dataDir, 'topicdesk.sqlite'));
}

/** The memory storage is shared per name within a process: give every memory database its own. */
function databaseName(options: OpenDatabaseOptions): string {
  const name = `topicdesk-${options.workspace}`;
  return options.storage.kind === 'memory' ? `${name}-${randomUUID()}` : name;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<TopicdeskDatabase> {
  const base = makeStorage(options.storage);
  const storage = options.validate ? wrappedValidateAjvStorage({ storage: base }) : base;
  const db = await createRxDatabase<Collections>({
    name: databaseName(options),
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  await db.addCollections({
    // What a replicated document becomes when two apps changed it (sync/conflict.handlers.ts).
    tickets: { schema: ticketsSchema, conflictHandler: ticketConflictHandler },
    messages: { schema: messagesSchema, conflictHandler: messageConflictHandler },
    agents: { schema: agentsSchema, conflictHandler: agentConflictHandler },
    events: { schema: eventsSchema, conflictHandler: eventConflictHandler },
    localstate: { schema: localStateSchema },
    config: { schema: configSchema, conflictHandler: configConflictHandler },
  });
  return db;
}
