// Writes Telegram updates into the database in batches: a run of new topics and messages costs
// one bulk insert of the messages, one read of their tickets and a few bulk writes of the
// tickets, whatever its length. Live updates, catch-up pages and backfilled history all come
// through here. Main process; the mapping itself is pure (telegram.ingest.ts, ticket.fold.ts).
import type { Message, Ticket } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { GENERAL_TOPIC_ID, type TgChatUpdate, type TgMessage, type TgTopic, type TgUser } from '../telegram/telegram.gateway';
import { patchTicket } from '../tickets/ticket.patch';
import { messageFromTelegram, messageIdOf, ticketIdOf, type AuthorInfo } from './telegram.ingest';
import { foldTicket, type TicketEvent } from './ticket.fold';

/** What a run of updates is made of: topics seen and messages seen. */
export type IngestItem =
  | { kind: 'topic'; topic: TgTopic; creator: TgUser | null }
  | { kind: 'message'; message: TgMessage; sender: TgUser | null };

export interface IngestWriterDeps {
  db: TopicdeskDatabase;
  authors: AuthorInfo;
  clock: () => number;
  /** Waits while this app's outbox is still recording a reply of the ticket (see OutboxService.settled). */
  ownSendSettled?: (ticketId: string) => Promise<void>;
}

/** Updates that are written together, as a run. */
type BatchedUpdate = Extract<TgChatUpdate, { kind: 'topicCreated' | 'newMessage' }>;
/** Updates that change one document each and are rare: applied on their own, in their place. */
type SingleUpdate = Exclude<TgChatUpdate, BatchedUpdate>;

const isBatched = (update: TgChatUpdate): update is BatchedUpdate => update.kind === 'topicCreated' || update.kind === 'newMessage';

function itemOf(update: BatchedUpdate): IngestItem {
  return update.kind === 'topicCreated'
    ? { kind: 'topic', topic: update.topic, creator: update.creator }
    : { kind: 'message', message: update.message, sender: update.sender };
}

/** General is not a ticket, and service messages (topic created, renamed, …) are not thread messages. */
function isTicketItem(item: IngestItem): boolean {
  if (item.kind === 'topic') return item.topic.topicId !== GENERAL_TOPIC_ID;
  return item.message.topicId !== GENERAL_TOPIC_ID && !item.message.isService;
}

interface NewMessage {
  message: Message;
  tg: TgMessage;
  sender: TgUser | null;
}

export class IngestWriter {
  constructor(private readonly deps: IngestWriterDeps) {}

  /**
   * Applies a chat's updates in order. New topics and messages are written together; an edit,
   * a delete or a topic change first writes what came before it, then applies on its own. Throws
   * when a write failed (what was written stays: every write here is idempotent).
   */
  async writeUpdates(updates: readonly TgChatUpdate[]): Promise<void> {
    let run: IngestItem[] = [];
    for (const update of updates) {
      if (isBatched(update)) {
        run.push(itemOf(update));
        continue;
      }
      await this.writeItems(run);
      run = [];
      await this.applySingle(update);
    }
    await this.writeItems(run);
  }

  /** New topics and messages, in order: one write of the messages, then one of their tickets. */
  async writeItems(items: readonly IngestItem[]): Promise<void> {
    const wanted = items.filter(isTicketItem);
    if (wanted.length === 0) return;
    const messages = new Map<string, NewMessage>();
    for (const item of wanted) {
      if (item.kind !== 'message') continue;
      const message = messageFromTelegram(item.message, item.sender, this.deps.authors);
      // The same message twice in one batch (a catch-up page overlapping live updates) is one message.
      if (!messages.has(message.id)) messages.set(message.id, { message, tg: item.message, sender: item.sender });
    }
    // Telegram echoes our own replies: let the outbox record its copy first, so it is seen as known.
    const ownTickets = new Set([...messages.values()].filter((m) => m.tg.out).map((m) => m.message.ticketId));
    await Promise.all([...ownTickets].map((ticketId) => this.deps.ownSendSettled?.(ticketId)));

    const { inserted, failure } = await this.insertMessages([...messages.values()].map((m) => m.message));
    await this.writeTickets(ticketEvents(wanted, messages, inserted));
    if (failure) throw failure;
  }

  /**
   * Inserts the messages in one bulk write. A conflict means the message is stored already,
   * which is how a repeat is recognised (no read first). Other failures are returned, not
   * thrown, so the tickets of the messages that did go in are still updated.
   */
  private async insertMessages(messages: readonly Message[]): Promise<{ inserted: Set<string>; failure: Error | null }> {
    if (messages.length === 0) return { inserted: new Set(), failure: null };
    const result = await this.deps.db.messages.bulkInsert(messages.map(toMessageDoc));
    const rejected = new Set(result.error.map((e) => e.documentId));
    const failed = result.error.filter((e) => e.status !== 409);
    return {
      inserted: new Set(messages.map((m) => m.id).filter((id) => !rejected.has(id))),
      failure: failed.length ? new Error(`${failed.length} Telegram message(s) could not be stored (status ${failed[0]?.status})`) : null,
    };
  }

  /**
   * Applies each ticket's events once. Stored tickets change inside `incrementalModify`, which
   * reruns the fold on the stored state if another writer (outbox, automation, an agent's
   * command, sync) changed the ticket meanwhile, so nobody's change is overwritten (a bulkUpsert
   * of tickets folded here would write over them). RxDB's incremental write queue bundles the
   * modifications started together: two bulk writes (the first goes alone when the queue is
   * idle). New tickets go in with one bulk insert; one that someone else created meanwhile is
   * modified like a stored one.
   */
  private async writeTickets(events: ReadonlyMap<string, TicketEvent[]>): Promise<void> {
    if (events.size === 0) return;
    const now = this.deps.clock();
    const fold = (ticketId: string) => (current: Ticket) => foldTicket(current, events.get(ticketId) ?? [], now) ?? current;
    const stored = await this.deps.db.tickets.findByIds([...events.keys()]).exec();
    const fresh: Ticket[] = [];
    for (const [ticketId, list] of events) {
      const ticket = stored.has(ticketId) ? null : foldTicket(null, list, now);
      if (ticket) fresh.push(ticket);
    }
    await Promise.all([...[...stored.values()].map((doc) => doc.incrementalModify(fold(doc.primary))), this.insertTickets(fresh, fold)]);
  }

  private async insertTickets(tickets: Ticket[], fold: (ticketId: string) => (current: Ticket) => Ticket): Promise<void> {
    if (tickets.length === 0) return;
    const { db } = this.deps;
    const result = await db.tickets.bulkInsert(tickets);
    const raced = result.error.filter((e) => e.status === 409).map((e) => e.documentId);
    if (raced.length > 0) {
      const now = await db.tickets.findByIds(raced).exec();
      await Promise.all([...now.values()].map((doc) => doc.incrementalModify(fold(doc.primary))));
    }
    const failed = result.error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${failed.length} Telegram ticket(s) could not be stored (status ${failed[0]?.status})`);
  }

  private async applySingle(update: SingleUpdate): Promise<void> {
    const { db, clock } = this.deps;
    switch (update.kind) {
      case 'topicEdited': {
        const doc = await db.tickets.findOne(ticketIdOf(update.chatId, update.topicId)).exec();
        await doc?.incrementalModify((t) =>
          patchTicket(t, { ...(update.title !== null ? { subject: update.title } : {}), ...(update.closed !== null ? { topicClosed: update.closed } : {}) }, clock()),
        );
        return;
      }
      case 'messageEdited': {
        const doc = await db.messages.findOne(messageIdOf(update.chatId, update.message.msgId)).exec();
        await doc?.incrementalModify((m) => ({ ...m, text: update.message.text, entities: update.message.entities, editedAt: update.message.editDate ?? clock() }));
        return;
      }
      case 'messagesDeleted': {
        const docs = await db.messages.findByIds(update.msgIds.map((id) => messageIdOf(update.chatId, id))).exec();
        for (const doc of docs.values()) await doc.incrementalModify((m) => ({ ...m, deleted: true }));
        return;
      }
      case 'channelTooLong':
        // The caller fetches the difference; nothing to write.
        return;
    }
  }
}

/**
 * Each ticket's events, in the order they came: its topic, and every message stored just now
 * (once). A message seen before (ours from the outbox, or a repeat of this update) was counted
 * when it was first stored and changes nothing.
 */
function ticketEvents(items: readonly IngestItem[], messages: ReadonlyMap<string, NewMessage>, inserted: ReadonlySet<string>): Map<string, TicketEvent[]> {
  const events = new Map<string, TicketEvent[]>();
  const counted = new Set<string>();
  const add = (ticketId: string, event: TicketEvent) => {
    const list = events.get(ticketId);
    if (list) list.push(event);
    else events.set(ticketId, [event]);
  };
  for (const item of items) {
    if (item.kind === 'topic') {
      add(ticketIdOf(item.topic.chatId, item.topic.topicId), item);
      continue;
    }
    const id = messageIdOf(item.message.chatId, item.message.msgId);
    const entry = messages.get(id);
    if (!entry || !inserted.has(id) || counted.has(id)) continue;
    counted.add(id);
    add(entry.message.ticketId, { kind: 'message', ...entry });
  }
  return events;
}
