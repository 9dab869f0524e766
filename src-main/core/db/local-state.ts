// Typed access to this device's own key-value state (never replicated).
import type { z } from 'zod';
import type { TopicdeskDatabase } from './database';

export class LocalState {
  constructor(
    private readonly db: TopicdeskDatabase,
    private readonly clock: () => number,
  ) {}

  /** The stored value, or `fallback` when missing or no longer of the expected shape. */
  async get<T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
    const doc = await this.db.localstate.findOne(key).exec();
    if (!doc) return fallback;
    let value: unknown;
    try {
      value = JSON.parse(doc.json);
    } catch {
      return fallback;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  }

  /**
   * `incrementalUpsert`, not `upsert`: for a key that exists (the usual case: pts, drafts) it is
   * one write on the stored document, where `upsert` first tries an insert that fails.
   */
  async set(key: string, value: unknown): Promise<void> {
    await this.db.localstate.incrementalUpsert({ key, json: JSON.stringify(value ?? null), updatedAt: this.clock() });
  }

  async delete(key: string): Promise<void> {
    await this.db.localstate.findOne(key).remove();
  }
}
