// A serial queue of per-ticket work: each key is handled once per pending request (requests for
// a key already waiting are merged), in arrival order, one at a time. `idle()` lets dispose and
// tests wait for quiet. Main process.

export class KeyedWorkQueue {
  private readonly pending = new Set<string>();
  private running = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly handle: (key: string) => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly name: string,
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

  /** Drops what is waiting; the item being handled finishes. */
  stop(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    return this.idle();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let key = this.first(); key !== undefined; key = this.first()) {
        this.pending.delete(key);
        try {
          await this.handle(key);
        } catch (error) {
          this.log(`${this.name}: ${key} failed`, error);
        }
      }
    } finally {
      this.running = false;
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  private first(): string | undefined {
    for (const key of this.pending) return key;
    return undefined;
  }
}
