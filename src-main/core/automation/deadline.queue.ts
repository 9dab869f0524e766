// A min-heap of deadlines keyed by id (one entry per key, moved in place when it changes), so a
// scheduler finds the earliest of thousands of ticket deadlines without scanning them. Pure.

interface Entry {
  key: string;
  at: number;
}

export class DeadlineQueue {
  private readonly heap: Entry[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.heap.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): number | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.heap[i]?.at;
  }

  /** Sets, moves or (with null) removes the key's deadline. */
  set(key: string, at: number | null): void {
    if (at === null || !Number.isFinite(at)) {
      this.delete(key);
      return;
    }
    const i = this.index.get(key);
    if (i === undefined) {
      this.heap.push({ key, at });
      this.index.set(key, this.heap.length - 1);
      this.up(this.heap.length - 1);
      return;
    }
    const entry = this.heap[i] as Entry;
    const before = entry.at;
    entry.at = at;
    if (at < before) this.up(i);
    else if (at > before) this.down(i);
  }

  delete(key: string): void {
    const i = this.index.get(key);
    if (i === undefined) return;
    const last = this.heap.pop() as Entry;
    this.index.delete(key);
    if (i === this.heap.length) return;
    this.heap[i] = last;
    this.index.set(last.key, i);
    this.down(i);
    this.up(i);
  }

  peek(): { key: string; at: number } | undefined {
    const top = this.heap[0];
    return top ? { key: top.key, at: top.at } : undefined;
  }

  /** Removes and returns every key due at or before `now`, earliest first. */
  popDue(now: number): string[] {
    const due: string[] = [];
    for (let top = this.heap[0]; top !== undefined && top.at <= now; top = this.heap[0]) {
      due.push(top.key);
      this.delete(top.key);
    }
    return due;
  }

  clear(): void {
    this.heap.length = 0;
    this.index.clear();
  }

  // Ties are broken by key so the pop order does not depend on insertion history.
  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.key < b.key);
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i] as Entry;
    const b = this.heap[j] as Entry;
    this.heap[i] = b;
    this.heap[j] = a;
    this.index.set(b.key, i);
    this.index.set(a.key, j);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i] as Entry, this.heap[parent] as Entry)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.less(this.heap[l] as Entry, this.heap[smallest] as Entry)) smallest = l;
      if (r < n && this.less(this.heap[r] as Entry, this.heap[smallest] as Entry)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
