// Runs tasks one after another per key (a chat), in the order they were queued, while
// different keys run independently. The gateway uses it because gramjs does not await
// update handlers in order. Pure scheduling, no I/O; runs in the main process.

export class UpdateLanes {
  private readonly tails = new Map<string, Promise<void>>();

  /** @param onError receives what a task threw; the lane carries on with the next task. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Queues `task` behind everything queued for `key`; resolves when it has run. */
  run(key: string, task: () => void | Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch((error: unknown) => this.onError(error));
    this.tails.set(key, next);
    // Forget a lane once it is drained, so idle chats cost nothing.
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves once every task queued so far, in every lane, has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
