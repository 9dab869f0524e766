// Writes facts to the append-only events log and, for the ones a person should see in the
// thread (status, assignment), a system message beside the conversation.
import { randomUUID } from 'node:crypto';
import type { ActivityEvent, Message } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';

export interface ActivityInput extends Omit<ActivityEvent, 'id'> {
  /** A deterministic id where several apps may record the same fact. */
  id?: string;
}

/** The line a fact leaves in its ticket's thread; its id follows the event's, so it is written once. */
export function systemMessage(event: Pick<ActivityEvent, 'id' | 'at' | 'actorId'> & { ticketId: string }, text: string): Message {
  return {
    id: `sys:${event.id}`,
    ticketId: event.ticketId,
    kind: 'system',
    authorId: event.actorId,
    authorName: 'Topicdesk',
    text,
    entities: [],
    media: null,
    sentAt: event.at,
    editedAt: null,
    deleted: false,
    delivery: null,
    createdAt: event.at,
  };
}

export async function recordActivity(db: TopicdeskDatabase, input: ActivityInput, threadText?: string): Promise<ActivityEvent> {
  const event: ActivityEvent = { ...input, id: input.id ?? `evt:${randomUUID()}` };
  await db.events.upsert(event);
  if (threadText && event.ticketId) {
    await db.messages.upsert(toMessageDoc(systemMessage({ ...event, ticketId: event.ticketId }, threadText)));
  }
  return event;
}
