// The headless host as a separate process (`node out/main/serve.js`), the way `npm run serve` runs the app:
// started on a prepared data dir with a token, ready when it prints its URL. Bench only.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, startChild, type ChildHandle } from './child.processes';

export interface HostProcess {
  child: ChildHandle;
  /** e.g. http://127.0.0.1:43121/ */
  url: string;
  token: string;
}

export function serveScript(repoRoot: string): string {
  const script = join(repoRoot, 'out', 'main', 'serve.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build the app first (npx electron-vite build).`);
  return script;
}

/** Spawns the host; `onSpawn` gets called right before the spawn (the cold-start clock starts there). */
export async function startHostProcess(options: { repoRoot: string; dataDir: string; workspace: string; onSpawn?: () => void }): Promise<HostProcess> {
  const token = randomBytes(12).toString('hex');
  const script = serveScript(options.repoRoot);
  options.onSpawn?.();
  const child = startChild(process.execPath, [script, '--port', '0', '--data', options.dataDir, '--token', token, '--workspace', options.workspace], {
    cwd: options.repoRoot,
    env: cleanEnv({ NODE_ENV: 'production' }),
  });
  try {
    const match = await child.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=/, 120_000);
    return { child, url: match[1] as string, token };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
