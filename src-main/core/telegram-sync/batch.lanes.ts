// Queues items per key (a chat) and hands each key's queue to one drain at a time, as a batch
// of everything queued so far, in order: while a batch is being written the next one gathers,
// so a busy chat costs a few large writes instead of one small write per update. Different
// keys drain independently. Pure scheduling, no I/O; runs in the main process.

export interface BatchLanesOptions {
  /** The most items one batch takes (the rest wait for the next): bounds a write's size. */
  maxBatch: number;
  /** Receives what a drain threw; the lane carries on with the next batch. */
  onError: (error: unknown) => void;
}

export class BatchLanes<T> {
  private readonly queues = new Map<string, T[]>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly drain: (key: string, batch: T[]) => Promise<void>,
    private readonly options: BatchLanesOptions,
  ) {}

  /** Queues `item` behind everything queued for `key`; returns at once. */
  push(key: string, item: T): void {
    const queue = this.queues.get(key);
    if (queue) queue.push(item);
    else this.queues.set(key, [item]);
    if (!this.running.has(key)) this.running.set(key, this.run(key));
  }

  /** Resolves once every item queued so far, in every lane, has been drained. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Forgets everything queued and not yet taken; a batch being drained finishes. */
  clear(): void {
    this.queues.clear();
  }

  private async run(key: string): Promise<void> {
    // Start after the caller's turn, so updates that arrive together make one batch.
    await Promise.resolve();
    for (;;) {
      const queue = this.queues.get(key);
      if (!queue || queue.length === 0) break;
      const batch = queue.splice(0, this.options.maxBatch);
      try {
        await this.drain(key, batch);
      } catch (error) {
        this.options.onError(error);
      }
    }
    // Checked and forgotten in the same turn as the last empty look: no push can slip between.
    this.queues.delete(key);
    this.running.delete(key);
  }
}
