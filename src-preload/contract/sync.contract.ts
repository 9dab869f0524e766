// Team sync in the UI: which sync server this app replicates with (Settings), its state, and the
// changes the server's rules refused. Declared once with zod; runtime-free apart from zod.
import { z } from 'zod';
import { AppStatus } from './app.contract';

export const SyncServerUrl = z
  .string()
  .trim()
  .min(1, 'Enter the sync server address')
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, 'The sync server address starts with http:// or https://, e.g. http://127.0.0.1:5984/');

export const SyncUsername = z
  .string()
  .trim()
  .min(1, 'Enter your sync user name (an agent is tg followed by their Telegram user id)')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'A user name is letters, digits and . _ @ -');

export const SyncConfig = z.object({
  url: SyncServerUrl,
  username: SyncUsername,
  password: z.string().min(1, 'Enter the password').max(1024),
});
export type SyncConfig = z.input<typeof SyncConfig>;

/** A change of this app that the server's rules refused; the server's version was kept. */
export const SyncRefusal = z.object({
  collection: z.string(),
  docId: z.string(),
  reason: z.string(),
  at: z.number(),
});
export type SyncRefusal = z.infer<typeof SyncRefusal>;

export const SyncSettings = z.object({
  enabled: z.boolean(),
  /** The server's address, never with credentials in it. */
  url: z.string().nullable(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  /** Where the password is kept, and a warning when it is lost at exit. */
  secretStorage: z.string(),
  secretWarning: z.string().nullable(),
  status: AppStatus.shape.sync,
  /** The latest refusals, newest first (at most 20). */
  refusals: z.array(SyncRefusal),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export const syncCommands = {
  /** Checks the password with the server when it answers (offline, it is saved and tried later), then replicates. */
  'sync.configure': { params: SyncConfig, result: SyncSettings },
  /** Stops replicating and forgets the password; the address and user name stay filled in. */
  'sync.disable': { params: z.object({}), result: SyncSettings },
  /** "Sync now": retries at once and clears a shown refusal. */
  'sync.resume': { params: z.object({}), result: SyncSettings },
} as const;

export const syncLiveQueries = {
  'sync.settings': { params: z.object({}), result: SyncSettings },
} as const;
