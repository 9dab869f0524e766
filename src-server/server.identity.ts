// What keeps the embedded sync server the same server across restarts: its CouchDB uuid and the
// secret that signs `AuthSession` cookies (so sessions survive a restart, as on CouchDB).
// Kept in `<data>/server.json`, created on first start. Runs in the team server.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ServerIdentity = z.object({ uuid: z.string().regex(/^[0-9a-f]{32}$/), cookieSecret: z.string().min(16) });
export type ServerIdentity = z.infer<typeof ServerIdentity>;

export function loadOrCreateServerIdentity(dataDir: string): ServerIdentity {
  const path = join(dataDir, 'server.json');
  if (existsSync(path)) {
    const parsed = ServerIdentity.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
    throw new Error(`${path} is damaged; delete it to get a new server identity (sessions will end).`);
  }
  const identity: ServerIdentity = {
    uuid: randomUUID().replaceAll('-', ''),
    cookieSecret: randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  return identity;
}
