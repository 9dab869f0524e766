// Writing in a ticket: replies go to the outbox (`delivery: queued`) and are sent later by
// the outbox; internal notes stay inside Topicdesk. Both show in the thread at once.
import { randomUUID } from 'node:crypto';
import { CommandError, type Message } from '../../../src-preload/contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { fromMessageDoc, toMessageDoc } from '../db/schemas/messages.schema';
import { patchTicket } from '../tickets/ticket.patch';
import { previewOf } from './message.preview';

export interface MessagesServiceDeps {
  db: TopicdeskDatabase;
  clock: () => number;
  me: () => Me | null;
}

export function createMessagesService({ db, clock, me }: MessagesServiceDeps) {
  async function getMessage(messageId: string): Promise<Message> {
    const doc = await db.messages.findOne(messageId).exec();
    if (!doc) throw new CommandError('not_found', `Message ${messageId} does not exist.`);
    return fromMessageDoc(doc.toMutableJSON());
  }

  async function requeue(messageId: string, text?: string): Promise<Message> {
    const message = await getMessage(messageId);
    if (!message.delivery || message.delivery.state !== 'failed') {
      throw new CommandError('conflict', 'Only a reply that failed to send can be retried or edited.');
    }
    const next: Message = {
      ...message,
      text: text ?? message.text,
      editedAt: text === undefined ? message.editedAt : clock(),
      delivery: { ...message.delivery, state: 'queued', reason: null, retryAt: null },
    };
    await db.messages.upsert(toMessageDoc(next));
    return next;
  }

  return {
    async send({ ticketId, kind, text }: { ticketId: string; kind: 'agent' | 'note'; text: string }): Promise<Message> {
      const author = me();
      if (!author) throw new CommandError('unauthorized', 'Sign in to Telegram before replying.');
      const ticketDoc = await db.tickets.findOne(ticketId).exec();
      if (!ticketDoc) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
      const now = clock();
      const message: Message = {
        id: `local:${randomUUID()}`,
        ticketId,
        kind,
        authorId: author.agentId,
        authorName: author.name,
        text,
        entities: [],
        media: null,
        sentAt: now,
        editedAt: null,
        deleted: false,
        delivery: kind === 'agent' ? { state: 'queued', reason: null, attempts: 0, tgMsgIds: [], retryAt: null } : null,
        createdAt: now,
      };
      await db.messages.insert(toMessageDoc(message));
      if (kind === 'agent') {
        await ticketDoc.incrementalModify((ticket) =>
          patchTicket(ticket, { lastAgentAt: now, lastMessageAt: Math.max(ticket.lastMessageAt, now), lastMessagePreview: previewOf(message) }, now),
        );
      }
      return message;
    },

    retry: ({ messageId }: { messageId: string }) => requeue(messageId),
    edit: ({ messageId, text }: { messageId: string; text: string }) => requeue(messageId, text),
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
