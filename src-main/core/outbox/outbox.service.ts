// Sends queued replies through the author's own Telegram session: in order per ticket,
// retrying transient failures with backoff, marking permanent ones `failed` with the reason.
// A sent reply is then stood for by its Telegram copies (`tg:<chat>:<msg>`), the same
// documents every other agent's app ingests, so the team's threads converge.
import type { Subscription } from 'rxjs';
import type { Delivery, Message, Ticket } from '../../../src-preload/contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { fromMessageDoc, toMessageDoc } from '../db/schemas/messages.schema';
import { patchTicket } from '../tickets/ticket.patch';
import { retryAt, type SendFailure } from './outbox.backoff';

export interface SentReply {
  /** One entry per Telegram message the text went out as (long texts are split). */
  parts: { msgId: number; text: string }[];
  sentAt: number;
}

export interface ReplySender {
  sendReply(ticket: Ticket, text: string): Promise<SentReply>;
  classifyFailure(error: unknown): SendFailure;
  /** False while signed out or disconnected: the outbox waits instead of failing. */
  isReady(): boolean;
}

export interface OutboxDeps {
  db: TopicdeskDatabase;
  clock: () => number;
  me: () => Me | null;
  sender: ReplySender;
  log?: (message: string, error?: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function telegramMessageId(chatId: string, msgId: number): string {
  return `tg:${chatId}:${msgId}`;
}

export class OutboxService {
  private subscription: Subscription | null = null;
  /** The send in flight per ticket (one at a time keeps a ticket's replies in order). */
  private readonly busyTickets = new Map<string, Promise<void>>();
  private timer: unknown = null;
  private disposed = false;

  constructor(private readonly deps: OutboxDeps) {}

  start(): void {
    // Replies caught mid-send by a crash are tried again: at least once beats never.
    void this.requeueInterrupted().then(() => {
      if (this.disposed) return;
      this.subscription = this.deps.db.messages
        .find({ selector: { deliveryState: 'queued' }, sort: [{ createdAt: 'asc' }] })
        .$.subscribe((docs) => this.schedule(docs.map((doc) => fromMessageDoc(doc.toMutableJSON()))));
    });
  }

  /** Look again now (after sign-in or a reconnect). */
  wake(): void {
    void this.deps.db.messages
      .find({ selector: { deliveryState: 'queued' }, sort: [{ createdAt: 'asc' }] })
      .exec()
      .then((docs) => this.schedule(docs.map((doc) => fromMessageDoc(doc.toMutableJSON()))));
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.unsubscribe();
    if (this.timer !== null) (this.deps.clearTimer ?? clearTimeout)(this.timer as NodeJS.Timeout);
  }

  private async requeueInterrupted(): Promise<void> {
    const stuck = await this.deps.db.messages.find({ selector: { deliveryState: 'sending' } }).exec();
    for (const doc of stuck) {
      const message = fromMessageDoc(doc.toMutableJSON());
      if (message.delivery) await this.save(message, { ...message.delivery, state: 'queued' });
    }
  }

  private schedule(queued: Message[]): void {
    if (this.disposed) return;
    const me = this.deps.me();
    const now = this.deps.clock();
    const mine = queued.filter((message) => message.authorId !== null && message.authorId === me?.agentId);
    const heads = new Map<string, Message>();
    for (const message of mine) if (!heads.has(message.ticketId)) heads.set(message.ticketId, message);
    let nextWake = Number.POSITIVE_INFINITY;
    for (const head of heads.values()) {
      const due = head.delivery?.retryAt ?? 0;
      if (due > now) nextWake = Math.min(nextWake, due);
      else if (!this.busyTickets.has(head.ticketId) && this.deps.sender.isReady()) this.busyTickets.set(head.ticketId, this.sendHead(head));
    }
    if (Number.isFinite(nextWake)) this.wakeAt(nextWake - now);
  }

  private wakeAt(delayMs: number): void {
    const setTimer = this.deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
    if (this.timer !== null) (this.deps.clearTimer ?? clearTimeout)(this.timer as NodeJS.Timeout);
    this.timer = setTimer(() => {
      this.timer = null;
      this.wake();
    }, Math.max(0, delayMs));
  }

  /**
   * Resolves once no send is in flight for the ticket. Telegram echoes our own reply as an
   * update; the ingest waits here so it finds the copy the outbox wrote instead of racing it.
   */
  async settled(ticketId: string): Promise<void> {
    for (let running = this.busyTickets.get(ticketId); running; running = this.busyTickets.get(ticketId)) await running;
  }

  private async sendHead(message: Message): Promise<void> {
    const { db, clock, sender, log } = this.deps;
    const delivery = message.delivery as Delivery;
    await Promise.resolve(); // let schedule() register this send before it can finish
    try {
      const ticketDoc = await db.tickets.findOne(message.ticketId).exec();
      if (!ticketDoc) return void (await this.save(message, { ...delivery, state: 'failed', reason: 'The ticket no longer exists.' }));
      const ticket = ticketDoc.toMutableJSON();
      await this.save(message, { ...delivery, state: 'sending', attempts: delivery.attempts + 1 });
      let sent: SentReply;
      try {
        sent = await sender.sendReply(ticket, message.text);
      } catch (error) {
        const failure = sender.classifyFailure(error);
        const attempts = delivery.attempts + 1;
        if (failure.kind === 'permanent') {
          await this.save(message, { ...delivery, attempts, state: 'failed', reason: failure.reason, retryAt: null });
        } else {
          log?.(`reply ${message.id} will be retried: ${failure.reason}`);
          await this.save(message, { ...delivery, attempts, state: 'queued', reason: failure.reason, retryAt: retryAt(failure, attempts, clock()) });
        }
        return;
      }
      // Sent: whatever happens while recording it, it must never be sent a second time.
      await this.recordSent(message, ticket, sent, delivery.attempts + 1);
    } catch (error) {
      log?.(`outbox could not process ${message.id}`, error);
    } finally {
      this.busyTickets.delete(message.ticketId);
      // The next reply of this ticket may be waiting for this one.
      if (!this.disposed) this.wake();
    }
  }

  private async recordSent(message: Message, ticket: Ticket, sent: SentReply, attempts: number): Promise<void> {
    const { db } = this.deps;
    const chatId = ticket.chatId ?? 'local';
    const delivery: Delivery = { state: 'sent', reason: null, attempts, tgMsgIds: sent.parts.map((p) => p.msgId), retryAt: null };
    const copies = sent.parts.map((part) =>
      toMessageDoc({ ...message, id: telegramMessageId(chatId, part.msgId), text: part.text, sentAt: sent.sentAt, delivery }),
    );
    // The original leaves the thread before its copies enter it, so the reply is never shown
    // twice (RxDB writes updates and inserts as separate change events).
    const stored = await db.messages.findOne(message.id).exec();
    await stored?.incrementalModify((current) => ({ ...current, delivery, deliveryState: 'replaced' }));
    for (const copy of copies) await db.messages.incrementalUpsert(copy);
    const doc = await db.tickets.findOne(ticket.id).exec();
    await doc?.incrementalModify((current) =>
      patchTicket(current, { firstResponseAt: current.firstResponseAt ?? sent.sentAt, lastAgentAt: Math.max(current.lastAgentAt ?? 0, sent.sentAt) }, this.deps.clock()),
    );
  }

  /** Writes the delivery state onto the stored message (not a stale copy of it). */
  private async save(message: Message, delivery: Delivery): Promise<void> {
    const doc = await this.deps.db.messages.findOne(message.id).exec();
    await doc?.incrementalModify((current) => ({ ...current, delivery, deliveryState: delivery.state }));
  }
}
