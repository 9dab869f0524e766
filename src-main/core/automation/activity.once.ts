// Writes an automatic fact to the activity log exactly once across every agent's app: the event
// id is deterministic and inserted (never upserted), so a second app producing the same fact
// gets a conflict, which means "already recorded". Optionally adds the system line to the
// thread, under an id derived from the event's. Main process.
import type { ActivityEvent } from '../../../src-preload/contract';
import { systemMessage } from '../activity/activity.log';
import type { TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';

export type AutomationEvent = ActivityEvent;

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
