// Reads the headless host's command line: `npm run serve -- [--demo] [--port N] [--data DIR]
// [--token T] [--workspace NAME] [--sync-url URL] [--demo-rate N]`. Pure, so every flag is tested.
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface ServeOptions {
  demo: boolean;
  port: number;
  dataDir: string;
  token: string;
  tokenGenerated: boolean;
  workspace: string;
  syncUrl: string | null;
  /** New demo topics per minute (the demo's other customers write about three times as often). */
  demoRate: number;
}

export const DEFAULT_PORT = 5180;
const WORKSPACE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class UsageError extends Error {}

export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        port: { type: 'string' },
        data: { type: 'string' },
        token: { type: 'string' },
        workspace: { type: 'string' },
        'sync-url': { type: 'string' },
        'demo-rate': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
  const workspace = values.workspace ?? (values.demo ? 'demo' : 'default');
  if (!WORKSPACE.test(workspace)) throw new UsageError('--workspace takes lower-case letters, digits and dashes.');
  if (values.token !== undefined && values.token.length < 8) throw new UsageError('--token must be at least 8 characters.');
  const syncUrl = values['sync-url'] ?? null;
  if (syncUrl !== null && !/^https?:\/\//.test(syncUrl)) throw new UsageError('--sync-url must be an http(s) URL.');
  const demoRate = values['demo-rate'] === undefined ? 3 : Number(values['demo-rate']);
  if (!Number.isFinite(demoRate) || demoRate < 0 || demoRate > 600) throw new UsageError('--demo-rate takes topics per minute, 0 to 600.');
  return {
    demoRate,
    demo: values.demo ?? false,
    port,
    dataDir: values.data ?? join(env.TOPICDESK_HOME ?? join(homedir(), '.topicdesk'), workspace),
    token: values.token ?? randomBytes(18).toString('base64url'),
    tokenGenerated: values.token === undefined,
    workspace,
    syncUrl,
  };
}
