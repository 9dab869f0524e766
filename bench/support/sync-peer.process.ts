// Starts and talks to the sync-live scenario's second app (bench/sync-peer.child.ts) over IPC: every
// reply is parsed with the protocol's zod schema. Bench only.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cleanup } from './cleanup.registry';
import { PeerReply, type PeerCommand } from './sync-peer.protocol';

export interface SyncPeer {
  /** The next reply of this type that `accept` takes (listen before causing it). */
  waitFor<T extends PeerReply['type']>(type: T, accept: (reply: Extract<PeerReply, { type: T }>) => boolean, timeoutMs: number): Promise<Extract<PeerReply, { type: T }>>;
  request<T extends PeerReply['type']>(command: PeerCommand, expect: T, accept?: (reply: Extract<PeerReply, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<PeerReply, { type: T }>>;
  stop(): Promise<void>;
}

export async function startSyncPeer(benchDir: string, args: { dataDir: string; url: string; username: string; password: string; workspace: string }): Promise<SyncPeer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, join(benchDir, 'sync-peer.child.ts'), args.dataDir, args.url, args.username, args.password, args.workspace],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const listeners = new Set<(reply: PeerReply) => void>();
  let failure: string | null = null;
  child.on('message', (raw: unknown) => {
    const parsed = PeerReply.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === 'failed') failure = parsed.data.message;
    for (const listener of [...listeners]) listener(parsed.data);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    forget();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send({ type: 'stop' } satisfies PeerCommand);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const forget = cleanup.add(stop);

  function next<T extends PeerReply['type']>(type: T, accept: (reply: Extract<PeerReply, { type: T }>) => boolean, timeoutMs: number): Promise<Extract<PeerReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(() => reject(new Error(`the peer app sent no ${type} within ${timeoutMs} ms${failure ? `: ${failure}` : ''}`))), timeoutMs);
      const listener = (reply: PeerReply) => {
        if (reply.type === 'failed') return done(() => reject(new Error(`the peer app failed: ${reply.message}`)));
        if (reply.type === type && accept(reply as Extract<PeerReply, { type: T }>)) done(() => resolve(reply as Extract<PeerReply, { type: T }>));
      };
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(listener);
        settle();
      };
      listeners.add(listener);
    });
  }

  try {
    await next('ready', () => true, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    waitFor: next,
    request(command, expect, accept = () => true, timeoutMs = 30_000) {
      const reply = next(expect, accept, timeoutMs);
      child.send(command);
      return reply;
    },
    stop,
  };
}
