// How the bench starts a core: persistent DenoKV storage in a given dir, errors counted rather than
// printed (a flood of log lines would distort the timing; a failure still shows as a wrong count or a
// timeout), and disposal registered for Ctrl+C. Bench only.
import { startCore, type Core, type CoreOptions } from '../../src-main/core/start-core';
import { cleanup } from './cleanup.registry';

export interface BenchCore {
  core: Core;
  errors: { count: number; first: string | null };
  dispose(): Promise<void>;
}

export async function startBenchCore(dataDir: string, options: Partial<Omit<CoreOptions, 'storage' | 'log'>> = {}): Promise<BenchCore> {
  const errors = { count: 0, first: null as string | null };
  const core = await startCore({
    workspace: 'bench',
    createTelegramGateway: null,
    ...options,
    storage: { kind: 'denokv', dataDir },
    log: (message, error) => {
      errors.count += 1;
      errors.first ??= `${message}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ''}`;
    },
  });
  let disposed: Promise<void> | null = null;
  const dispose = () => (disposed ??= core.dispose());
  const forget = cleanup.add(dispose);
  return {
    core,
    errors,
    dispose: async () => {
      forget();
      await dispose();
    },
  };
}
