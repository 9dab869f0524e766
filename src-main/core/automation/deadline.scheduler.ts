// One timer for many deadlines: keeps them in a DeadlineQueue and arms a single timer for the
// earliest, handing the keys that fell due to a callback. No polling loop. Main process.
import { DeadlineQueue } from './deadline.queue';
import { MAX_TIMER_DELAY_MS, type Timers } from './timers';

export class DeadlineScheduler {
  private readonly queue = new DeadlineQueue();
  private handle: unknown = null;
  /** The instant the armed timer was set for (or the hop towards it). */
  private armedFor: number | null = null;
  private disposed = false;

  constructor(
    private readonly timers: Timers,
    private readonly clock: () => number,
    private readonly onDue: (keys: string[]) => void,
  ) {}

  /** Schedules `key` at `at`, moves it, or cancels it (null). */
  set(key: string, at: number | null): void {
    if (this.disposed) return;
    this.queue.set(key, at);
    this.arm();
  }

  delete(key: string): void {
    this.set(key, null);
  }

  /** When `key` is due, if scheduled. */
  dueAt(key: string): number | undefined {
    return this.queue.get(key);
  }

  get size(): number {
    return this.queue.size;
  }

  /** The earliest scheduled instant (what the one timer waits for). */
  get nextAt(): number | null {
    return this.queue.peek()?.at ?? null;
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
    this.queue.clear();
  }

  private disarm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = null;
  }

  private arm(): void {
    const next = this.queue.peek();
    if (!next) return this.disarm();
    if (this.handle !== null && this.armedFor === next.at) return;
    this.disarm();
    const delay = Math.min(Math.max(0, next.at - this.clock()), MAX_TIMER_DELAY_MS);
    this.armedFor = next.at;
    this.handle = this.timers.setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.handle = null;
    this.armedFor = null;
    if (this.disposed) return;
    const due = this.queue.popDue(this.clock());
    // A timer may wake a hair early, or mid-hop for a far deadline: arm() simply waits again.
    this.arm();
    if (due.length > 0) this.onDue(due);
  }
}
