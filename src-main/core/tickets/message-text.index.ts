// Full-text search over message text: per ticket, the lower-cased text of its recent
// messages, held in memory and kept current from the messages' change stream. Filled in the
// background after start, so a large workspace does not wait for it to open.
import { Subject, type Subscription } from 'rxjs';
import type { TopicdeskDatabase } from '../db/database';
import { scanDocuments } from '../db/document.scan';
import type { MessageDoc } from '../db/schemas/messages.schema';

/** Messages kept per ticket for search; older ones drop out of it. */
const MESSAGES_PER_TICKET = 100;

type Searchable = Pick<MessageDoc, 'id' | 'ticketId' | 'kind' | 'text' | 'deleted' | 'deliveryState'>;

const searchable = (m: Searchable) => m.kind !== 'system' && !m.deleted && m.deliveryState !== 'replaced' && m.text.length > 0;

export class MessageTextIndex {
  private readonly texts = new Map<string, Map<string, string>>();
  private readonly joined = new Map<string, string>();
  private readonly changes = new Subject<void>();
  private subscription: Subscription | null = null;
  private stopped = false;
  /** Messages the change stream delivered while the initial read runs: newer than what it reads. */
  private changedDuringLoad: Set<string> | null = new Set();
  readonly changed$ = this.changes.asObservable();

  /** Lower-cased text of the ticket's messages, or undefined when it has none. */
  readonly lookup = (ticketId: string): string | undefined => {
    let text = this.joined.get(ticketId);
    if (text === undefined) {
      const messages = this.texts.get(ticketId);
      if (!messages) return undefined;
      text = [...messages.values()].join('\n');
      this.joined.set(ticketId, text);
    }
    return text;
  };

  start(db: TopicdeskDatabase, log?: (message: string, error?: unknown) => void): void {
    this.subscription = db.messages.$.subscribe((event) => {
      this.changedDuringLoad?.add(event.documentId);
      this.apply(event.documentData, event.operation === 'DELETE');
      this.changes.next();
    });
    void this.loadAll(db).catch((error: unknown) => log?.('message search index could not load', error));
  }

  dispose(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.changes.complete();
  }

  /** Pages through the stored messages once (linear in them); the change stream wins over what is read. */
  private async loadAll(db: TopicdeskDatabase): Promise<void> {
    for await (const page of scanDocuments(db.messages)) {
      if (this.stopped) return;
      for (const doc of page) if (!this.changedDuringLoad?.has(doc.id)) this.apply(doc, false);
    }
    this.changedDuringLoad = null;
    this.changes.next();
  }

  private apply(message: Searchable, removed: boolean): void {
    let messages = this.texts.get(message.ticketId);
    this.joined.delete(message.ticketId);
    if (removed || !searchable(message)) {
      messages?.delete(message.id);
      return;
    }
    if (!messages) {
      messages = new Map();
      this.texts.set(message.ticketId, messages);
    }
    messages.delete(message.id);
    messages.set(message.id, message.text.toLowerCase());
    if (messages.size > MESSAGES_PER_TICKET) messages.delete(messages.keys().next().value as string);
  }
}
