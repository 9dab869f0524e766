// The app's own state as the UI shows it: who is signed in, connections, demo mode.
import { z } from 'zod';

export const ConnectionState = z.enum(['connected', 'connecting', 'disconnected', 'signed_out']);
export const SyncState = z.enum(['off', 'offline', 'syncing', 'up_to_date', 'error']);

export const AppStatus = z.object({
  workspace: z.string(),
  demo: z.boolean(),
  version: z.string(),
  me: z.object({ agentId: z.string(), name: z.string() }).nullable(),
  telegram: z.object({ state: ConnectionState, detail: z.string().nullable() }),
  backfill: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  sync: z.object({ state: SyncState, pending: z.number().int(), detail: z.string().nullable() }),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appCommands = {
  'app.ping': { params: z.object({}), result: z.object({ now: z.number() }) },
} as const;

export const appLiveQueries = {
  'app.status': { params: z.object({}), result: AppStatus },
} as const;
