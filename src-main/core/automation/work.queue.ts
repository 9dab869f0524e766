// Serial queues of per-ticket work: each key is handled once per pending request (requests for
// a key already waiting are merged), in arrival order, one batch at a time. A batch queue hands
// its handler up to `maxBatch` waiting keys at once, so a burst can be read and written together;
// `KeyedWorkQueue` is the one-key-at-a-time case. `idle()` lets dispose and tests wait for quiet.
// Main process.

export class KeyedBatchQueue {
  private readonly pending = new Set<string>();
  private running = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly handle: (keys: string[]) => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly name: string,
    private readonly maxBatch: number,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    void this.pump();
  }

  get isIdle(): boolean {
    return !this.running && this.pending.size === 0;
  }

  idle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops what is waiting; the batch being handled finishes. */
  stop(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    return this.idle();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // Keys added in the same turn (a change stream delivers a bulk write's changes together)
      // belong in the same batch: let that turn finish before taking the first one.
      await Promise.resolve();
      for (let keys = this.take(); keys.length > 0; keys = this.take()) await this.run(keys);
    } finally {
      this.running = false;
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  private async run(keys: string[]): Promise<void> {
    try {
      await this.handle(keys);
    } catch (error) {
      if (keys.length === 1) {
        this.log(`${this.name}: ${keys[0]} failed`, error);
        return;
      }
      // One bad key must not hold back the rest: handle them again alone (handlers are
      // idempotent: they decide on the stored state), so only the culprit is logged and dropped.
      this.log(`${this.name}: a batch of ${keys.length} failed; handling its keys one at a time`, error);
      for (const key of keys) {
        if (this.stopped) return;
        await this.run([key]);
      }
    }
  }

  private take(): string[] {
    const keys: string[] = [];
    for (const key of this.pending) {
      if (keys.length === this.maxBatch) break;
      keys.push(key);
    }
    for (const key of keys) this.pending.delete(key);
    return keys;
  }
}

export class KeyedWorkQueue extends KeyedBatchQueue {
  constructor(handle: (key: string) => Promise<void>, log: (message: string, error?: unknown) => void, name: string) {
    super(([key]) => handle(key as string), log, name, 1);
  }
}
