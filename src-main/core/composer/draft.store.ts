// Composer drafts kept on this device (LocalState, never replicated) under `draft.<ticketId>`,
// with a live view per ticket. Writes for one ticket run in the order they were asked, so a
// late debounced save can never overwrite the "cleared on send" that followed it. Main process.
import { map, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { Draft, type DraftKind } from '../../../src-preload/contract/composer.contract';
import type { LocalState } from '../db/local-state';
import type { LocalStateDoc } from '../db/schemas/local-state.schema';

export const draftKey = (ticketId: string): string => `draft.${ticketId}`;

/** A stored JSON string as a draft; anything unreadable counts as no draft. */
export function parseDraft(json: string | undefined): Draft | null {
  if (json === undefined) return null;
  try {
    const parsed = Draft.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface DraftStoreDeps {
  local: LocalState;
  localstate: RxCollection<LocalStateDoc>;
  clock: () => number;
}

export class DraftStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DraftStoreDeps) {}

  /** Blank text deletes the draft. Resolves with what is stored afterwards. */
  save(ticketId: string, kind: DraftKind, text: string): Promise<Draft | null> {
    return this.serial(ticketId, async () => {
      const key = draftKey(ticketId);
      if (text.trim() === '') {
        await this.deps.local.delete(key);
        return null;
      }
      const draft: Draft = { kind, text, updatedAt: this.deps.clock() };
      await this.deps.local.set(key, draft);
      return draft;
    });
  }

  get(ticketId: string): Promise<Draft | null> {
    return this.deps.local.get(draftKey(ticketId), Draft.nullable(), null);
  }

  draft$(ticketId: string): Observable<Draft | null> {
    return this.deps.localstate.findOne(draftKey(ticketId)).$.pipe(map((doc) => parseDraft(doc?.json)));
  }

  /** Resolves when every write asked for so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private serial<T>(ticketId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(ticketId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(ticketId, settled);
    void settled.then(() => {
      if (this.queues.get(ticketId) === settled) this.queues.delete(ticketId);
    });
    return next;
  }
}
