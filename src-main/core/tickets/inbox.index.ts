// The inbox's read model: every ticket held in memory, loaded once at start and kept
// current from the collection's change stream. Lists, counts and search run here instead
// of as storage queries (the persistent storage reads one document per key; see the brief).
import { Subject, type Subscription } from 'rxjs';
import type { Ticket, TicketListParams, TicketPage, ViewCounts } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { scanDocuments, withoutStorageFields } from '../db/document.scan';
import { countViews, selectTickets, type SearchableText } from './inbox.query';

export class InboxIndex {
  private readonly tickets = new Map<string, Ticket>();
  private readonly changes = new Subject<void>();
  private subscription: Subscription | null = null;
  /** Emits (batched by the caller) whenever any ticket changes. */
  readonly changed$ = this.changes.asObservable();

  constructor(private readonly messageText?: SearchableText) {}

  async load(db: TopicdeskDatabase): Promise<void> {
    // Subscribe first so nothing written during the initial read is missed.
    this.subscription = db.tickets.$.subscribe((event) => {
      if (event.operation === 'DELETE' || event.documentData._deleted) this.tickets.delete(event.documentId);
      else this.tickets.set(event.documentId, withoutStorageFields<Ticket>(event.documentData));
      this.changes.next();
    });
    for await (const page of scanDocuments(db.tickets)) {
      for (const ticket of page) if (!this.tickets.has(ticket.id)) this.tickets.set(ticket.id, ticket);
    }
    this.changes.next();
  }

  get size(): number {
    return this.tickets.size;
  }

  get(id: string): Ticket | undefined {
    return this.tickets.get(id);
  }

  all(): Iterable<Ticket> {
    return this.tickets.values();
  }

  list(params: Parameters<typeof selectTickets>[1], meId: string | null): TicketPage {
    return selectTickets(this.tickets.values(), params, meId, this.messageText);
  }

  counts(meId: string | null): ViewCounts {
    return countViews(this.tickets.values(), meId);
  }

  dispose(): void {
    this.subscription?.unsubscribe();
    this.changes.complete();
  }
}

export type { TicketListParams };
