// Everything a bench process must undo before it exits (temp dirs, child processes, open cores), run
// once on normal exit, on an error and on Ctrl+C / SIGTERM. Bench only; plain Node.

export type CleanupTask = () => void | Promise<void>;

export class CleanupRegistry {
  private readonly tasks = new Map<number, CleanupTask>();
  private nextId = 1;
  private running: Promise<void> | null = null;

  /** Registers a task; the returned function drops it again (call after undoing it yourself). */
  add(task: CleanupTask): () => void {
    const id = this.nextId++;
    this.tasks.set(id, task);
    return () => this.tasks.delete(id);
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Runs every task, newest first (a core closes before its temp dir goes); failures do not stop the rest. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      const tasks = [...this.tasks.entries()].reverse();
      this.tasks.clear();
      for (const [, task] of tasks) {
        try {
          await task();
        } catch (error) {
          console.error('[bench] cleanup step failed:', error instanceof Error ? error.message : error);
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}

/** The registry of this process. */
export const cleanup = new CleanupRegistry();

let installed = false;

/**
 * Cleans up on SIGINT/SIGTERM and exits with the conventional code (130/143). Ctrl+C in a terminal reaches
 * the whole process group, so the runner and its scenario child each clean up their own part.
 */
export function installSignalCleanup(onSignal: () => void = () => {}): void {
  if (installed) return;
  installed = true;
  const handle = (signal: NodeJS.Signals, code: number) => {
    onSignal();
    console.error(`\n[bench] ${signal}: cleaning up…`);
    // A second Ctrl+C while cleaning up means "now".
    process.once(signal, () => process.exit(code));
    void cleanup.runAll().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => handle('SIGINT', 130));
  process.once('SIGTERM', () => handle('SIGTERM', 143));
}
