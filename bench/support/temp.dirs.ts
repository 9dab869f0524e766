// Temp dirs for one bench run: each made under the run's root and removed on cleanup (also on Ctrl+C).
// Bench only; plain Node.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from './cleanup.registry';

/** A fresh directory under `root` (default: the OS temp dir), removed when the process cleans up. */
export function makeTempDir(prefix: string, root: string = tmpdir()): string {
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, `${prefix}-`));
  const forget = cleanup.add(() => removeDir(dir));
  tracked.set(dir, forget);
  return dir;
}

const tracked = new Map<string, () => void>();

/** Removes a temp dir now (when a run is done with it) rather than at exit. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  tracked.get(dir)?.();
  tracked.delete(dir);
}
