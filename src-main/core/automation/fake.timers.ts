// A hand-driven clock and timers for the automation tests: time moves only when a test says so,
// and due timers fire in order, each at its own instant, with the work they start settled in
// between. Tests only.
import type { Timers } from './timers';

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
}

export class FakeTime {
  private seq = 0;
  private readonly pending = new Map<number, FakeTimer>();

  constructor(public now: number) {}

  readonly clock = (): number => this.now;

  readonly timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = ++this.seq;
      this.pending.set(id, { at: this.now + Math.max(0, ms), seq: id, fn });
      return id;
    },
    clearTimeout: (handle) => {
      this.pending.delete(handle as number);
    },
  };

  /** How many timers are armed (the services should keep this small: one each). */
  get armed(): number {
    return this.pending.size;
  }

  /** The instants timers are armed for, earliest first. */
  get armedAt(): number[] {
    return [...this.pending.values()].map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves time to `target`, firing due timers at their own instants, settling after each. */
  async advanceTo(target: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      await settle();
      const next = this.earliestDue(target);
      if (next) {
        this.pending.delete(next[0]);
        this.now = Math.max(this.now, next[1].at);
        next[1].fn();
        continue;
      }
      if (this.now < target) {
        this.now = target;
        continue;
      }
      return;
    }
  }

  advance(ms: number, settle: () => Promise<void>): Promise<void> {
    return this.advanceTo(this.now + ms, settle);
  }

  private earliestDue(target: number): [number, FakeTimer] | undefined {
    let best: [number, FakeTimer] | undefined;
    for (const entry of this.pending) {
      const t = entry[1];
      if (t.at > target) continue;
      if (!best || t.at < best[1].at || (t.at === best[1].at && t.seq < best[1].seq)) best = entry;
    }
    return best;
  }
}
