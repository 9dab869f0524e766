// The sync server's admin account: the one given with `--admin USER:PASS`, or else one generated
// on the first start and kept in `<data>/admin.json` (mode 0600), so it is stable across
// restarts and the users CLI can find it. Runs in Node (team server and CLI).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface AdminCredentials {
  name: string;
  password: string;
}

export type AdminSource = 'flag' | 'stored' | 'generated';

export const ADMIN_FILE = 'admin.json';

const StoredAdmin = z.object({ name: z.string().min(1), password: z.string().min(1) });

/** `USER:PASS` → credentials; the password may contain colons. */
export function parseAdminFlag(value: string): AdminCredentials {
  const colon = value.indexOf(':');
  const name = colon < 0 ? '' : value.slice(0, colon);
  const password = colon < 0 ? '' : value.slice(colon + 1);
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name) || password.length === 0) {
    throw new Error('--admin takes USER:PASS (user: letters, digits, . _ @ -; a non-empty password).');
  }
  return { name, password };
}

export function adminFilePath(dataDir: string): string {
  return join(dataDir, ADMIN_FILE);
}

/** The stored admin of a data dir, or null if none was generated there. */
export function readStoredAdmin(dataDir: string): AdminCredentials | null {
  const path = adminFilePath(dataDir);
  if (!existsSync(path)) return null;
  const parsed = StoredAdmin.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not {"name": ..., "password": ...}; fix or delete it.`);
  return parsed.data;
}

/** The admin to run with: the flag's, else the stored one, else a new one (stored now). */
export function resolveAdmin(dataDir: string, given?: AdminCredentials): AdminCredentials & { source: AdminSource } {
  if (given) return { ...given, source: 'flag' };
  const stored = readStoredAdmin(dataDir);
  if (stored) return { ...stored, source: 'stored' };
  const generated = { name: 'admin', password: randomBytes(18).toString('base64url') };
  mkdirSync(dataDir, { recursive: true });
  const path = adminFilePath(dataDir);
  writeFileSync(path, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { ...generated, source: 'generated' };
}
