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

/**
 * Documents per atomic commit. @deno/kv refuses a commit of more than 1,000 mutations, and a
 * document costs one per index plus its body (7 for messages): 500 made any bulk write of more
 * than ~160 documents fail (seen as a first sync that retried forever).
 */
export const DENOKV_BATCH_SIZE = 100;

export function createDenoKvStorage(file: string): RxStorage<unknown, unknown> {
  installDenoShim();
  return getRxStorageDenoKV({ consistencyLevel: 'strong', openKvPath: file, batchSize: DENOKV_BATCH_SIZE }) as RxStorage<
    unknown,
    unknown
  >;
}
