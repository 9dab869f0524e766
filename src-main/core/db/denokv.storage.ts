// Persistent RxDB storage for the main process: RxDB's DenoKV storage over @deno/kv's
// SQLite engine (an N-API prebuild shipped in the npm package, so no download or rebuild).
import { openKv } from '@deno/kv';
import type { RxStorage } from 'rxdb';
import { getRxStorageDenoKV } from 'rxdb/plugins/storage-denokv';

interface DenoShim {
  openKv(path?: string): ReturnType<typeof openKv>;
}

/**
 * RxDB reads `globalThis.Deno.openKv(path)`. @deno/kv's own `openKv` also checks for
 * `globalThis.Deno` and would call back into this shim forever unless the implementation
 * is named explicitly.
 */
function installDenoShim(): void {
  const global = globalThis as { Deno?: DenoShim };
  if (global.Deno) return;
  global.Deno = { openKv: (path?: string) => openKv(path, { implementation: 'sqlite' }) };
}

export function createDenoKvStorage(file: string): RxStorage<unknown, unknown> {
  installDenoShim();
  return getRxStorageDenoKV({ consistencyLevel: 'strong', openKvPath: file, batchSize: 500 }) as RxStorage<
    unknown,
    unknown
  >;
}
