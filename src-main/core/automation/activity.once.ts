// Writes an automatic fact to the activity log exactly once across every agent's app: the event
// id is deterministic and inserted (never upserted), so a second app producing the same fact
// gets a conflict, which means "already recorded". Optionally adds the system line to the
// thread, under an id derived from the event's. Main process.
import { isBulkWriteConflictError, rxStorageWriteErrorToRxError, type RxStorageWriteError } from 'rxdb';
import type { ActivityEvent } from '../../../src-preload/contract';
import { systemMessage } from '../activity/activity.log';
import type { TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';

export type AutomationEvent = ActivityEvent;

/** A fact to record, with the line it leaves in its ticket's thread, if any. */
export interface Recording {
  event: AutomationEvent;
  threadText?: string;
}

export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'CONFLICT';
}

/** True when this call recorded the event; false when it was already there. */
export async function recordOnce(db: TopicdeskDatabase, event: AutomationEvent, threadText?: string): Promise<boolean> {
  try {
    await db.events.insert(event);
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
  if (threadText && event.ticketId) {
    await db.messages.upsert(toMessageDoc(systemMessage({ ...event, actorId: null, ticketId: event.ticketId }, threadText)));
  }
  return true;
}

/** Throws the first failure that is not a conflict: those mean the write was wrong, not late. */
function throwUnlessConflicts<T>(errors: readonly RxStorageWriteError<T>[]): void {
  const failure = errors.find((error) => !isBulkWriteConflictError(error));
  if (failure) throw rxStorageWriteErrorToRxError(failure);
}

/**
 * `recordOnce` for many facts with two writes: the events in one bulk insert, then the thread
 * lines of those this call recorded in one bulk upsert. Resolves the ids of the events this call
 * recorded (the others were already there). A fact that fails for another reason does not keep
 * the others out: it is thrown once they are stored.
 */
export async function recordAll(db: TopicdeskDatabase, recordings: readonly Recording[]): Promise<Set<string>> {
  if (recordings.length === 0) return new Set();
  const inserted = await db.events.bulkInsert(recordings.map((r) => r.event));
  const recorded = new Set(inserted.success.map((doc) => doc.id));
  const lines = recordings
    .filter(({ event, threadText }) => threadText && event.ticketId && recorded.has(event.id))
    .map(({ event, threadText }) => toMessageDoc(systemMessage({ ...event, actorId: null, ticketId: event.ticketId as string }, threadText as string)));
  const upserted = lines.length > 0 ? await db.messages.bulkUpsert(lines) : { error: [] };
  throwUnlessConflicts(inserted.error);
  throwUnlessConflicts(upserted.error);
  return recorded;
}
