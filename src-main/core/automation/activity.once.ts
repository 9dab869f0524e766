// Writes an automatic fact to the activity log exactly once across every agent's app: the event
// id is deterministic and inserted (never upserted), so a second app producing the same fact
// gets a conflict, which means "already recorded". Optionally adds the system line to the
// thread, under an id derived from the event's. Main process.
import type { ActivityEvent, EventType, Message } from '../../../src-preload/contract';
import type { AutomationEventType } from '../../../src-preload/contract/automation.contract';
import type { TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';

/** Until events.contract.ts lists the automation's types, an event may carry either. */
export type AutomationEvent = Omit<ActivityEvent, 'type'> & { type: EventType | AutomationEventType };

export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'CONFLICT';
}

/** True when this call recorded the event; false when it was already there. */
export async function recordOnce(db: TopicdeskDatabase, event: AutomationEvent, threadText?: string): Promise<boolean> {
  try {
    // The events collection stores `type` as a plain string; only the TypeScript enum lags.
    await db.events.insert(event as ActivityEvent);
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
  if (threadText && event.ticketId) {
    const message: Message = {
      id: `sys:${event.id}`,
      ticketId: event.ticketId,
      kind: 'system',
      authorId: null,
      authorName: 'Topicdesk',
      text: threadText,
      entities: [],
      media: null,
      sentAt: event.at,
      editedAt: null,
      deleted: false,
      delivery: null,
      createdAt: event.at,
    };
    await db.messages.upsert(toMessageDoc(message));
  }
  return true;
}
