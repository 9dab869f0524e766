// Starts the headless host (`out/main/serve.js`, built by `npm run build`) as a separate
// process on a free port with its own data folder, as a person would with `npm run serve`.
import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  port: number;
  token: string;
  dataDir: string;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'topicdesk-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function waitForHealth(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The host exited early:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The host did not answer /healthz in 30 s:\n${output()}`);
}

export async function startHost(options: { dataDir: string; demo?: boolean; port?: number; token?: string; extraArgs?: string[] }): Promise<RunningHost> {
  const port = options.port ?? (await freePort());
  const token = options.token ?? 'e2e-token-123456';
  const args = ['out/main/serve.js', '--port', String(port), '--data', options.dataDir, '--token', token, ...(options.demo ? ['--demo'] : []), ...(options.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHealth(port, child, () => log);
  return {
    port,
    token,
    dataDir: options.dataDir,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * The demo host one spec file drives: started before its tests with no new demo topics (so the
 * list stays put under the keyboard), its log attached to a failing test (it says whether the app
 * or the page went wrong), stopped and its data removed after the file. `restart()` stops it and
 * starts it again on the same data and port.
 */
export function useDemoHost(): { readonly host: RunningHost; restart(): Promise<void> } {
  const data = tempDataDir();
  const args = { dataDir: data.dir, demo: true, extraArgs: ['--demo-rate', '0'] };
  let host: RunningHost | null = null;
  const running = (): RunningHost => {
    if (!host) throw new Error('the demo host is not running (used outside a test?)');
    return host;
  };

  test.beforeAll(async () => {
    host = await startHost(args);
  });
  // Playwright reads the fixtures a hook wants from its first parameter: this one wants none.
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, testInfo) => {
    if (host && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host-output', { body: host.output(), contentType: 'text/plain' });
  });
  test.afterAll(async () => {
    await host?.stop();
    data.remove();
  });

  return {
    get host() {
      return running();
    },
    async restart() {
      const { port } = running();
      await running().stop();
      host = null;
      host = await startHost({ ...args, port });
    },
  };
}
