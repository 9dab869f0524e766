// Keeps the database in step with the team's Telegram forums through the agent's own
// session: backfill on first connect, live updates in pts order, and catch-up with
// getChannelDifference at start, on reconnect and on any gap (gramjs does not catch up).
import { z } from 'zod';
import type { Message, Ticket } from '../../../src-preload/contract';
import type { AppStatusStore } from '../app/app-status';
import type { TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import { toMessageDoc, type MessageDoc } from '../db/schemas/messages.schema';
import { checkPts } from '../telegram/pts.rules';
import {
  GENERAL_TOPIC_ID,
  TgForum,
  type TelegramGateway,
  type TgChatUpdate,
  type TgForumRef,
  type TgMessage,
  type TgUpdate,
  type TgUser,
  type Unsubscribe,
} from '../telegram/telegram.gateway';
import { patchTicket } from '../tickets/ticket.patch';
import {
  messageFromTelegram,
  messageIdOf,
  placeholderTicket,
  ticketAfterMessage,
  ticketFromTopic,
  ticketIdOf,
  type AuthorInfo,
} from './telegram.ingest';

/** How much of each topic's history the first connect loads. */
export const BACKFILL_MESSAGES_PER_TOPIC = 50;

export const forumsKey = 'telegram.forums';
const ptsKey = (chatId: string) => `telegram.pts.${chatId}`;

export interface TelegramSyncDeps {
  db: TopicdeskDatabase;
  local: LocalState;
  gateway: TelegramGateway;
  status: AppStatusStore;
  authors: AuthorInfo;
  clock: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Waits while this app's outbox is still recording a reply of the ticket (see OutboxService.settled). */
  ownSendSettled?: (ticketId: string) => Promise<void>;
}

export class TelegramSyncService {
  private readonly pts = new Map<string, number>();
  private forums: TgForum[] = [];
  private readonly unsubscribes: Unsubscribe[] = [];
  /** One catch-up per forum at a time; a second request waits for the running one. */
  private readonly catchingUp = new Map<string, Promise<void>>();

  constructor(private readonly deps: TelegramSyncDeps) {}

  async start(): Promise<void> {
    const { gateway, local, status } = this.deps;
    this.forums = await local.get(forumsKey, z.array(TgForum), []);
    for (const forum of this.forums) this.pts.set(forum.chatId, await local.get(ptsKey(forum.chatId), z.number(), 0));
    this.unsubscribes.push(
      gateway.onUpdate((update) => this.apply(update)),
      gateway.onConnectionState((state) => {
        if (state === 'revoked') return this.signedOut('Your Telegram session ended. Sign in again; your tickets are kept.');
        // gramjs repeats "connected" on every ping; only a real reconnect means updates were missed.
        const reconnected = state === 'connected' && status.value.telegram.state !== 'connected';
        status.update({ telegram: { state: state === 'connected' ? 'connected' : state === 'reconnecting' ? 'connecting' : 'disconnected', detail: null } });
        if (reconnected) void this.catchUpAll();
      }),
    );
    status.update({ telegram: { state: 'connecting', detail: null } });
    await gateway.connect();
    status.update({ telegram: { state: 'connected', detail: null } });
    await this.catchUpAll();
  }

  /** Chooses the forums this workspace serves; a new one is backfilled. */
  async setForums(forums: TgForum[]): Promise<void> {
    this.forums = forums;
    await this.deps.local.set(forumsKey, forums);
    await this.catchUpAll();
  }

  get selectedForums(): readonly TgForum[] {
    return this.forums;
  }

  forumRef(chatId: string): TgForumRef | null {
    const forum = this.forums.find((f) => f.chatId === chatId);
    return forum ? { chatId: forum.chatId, accessHash: forum.accessHash } : null;
  }

  /** After sleep or a network change: fetch what was missed. */
  async catchUpAll(): Promise<void> {
    await Promise.all(this.forums.map((forum) => this.catchUp(forum)));
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private signedOut(detail: string): void {
    this.deps.status.update({ telegram: { state: 'signed_out', detail } });
  }

  private async apply(update: TgUpdate): Promise<void> {
    try {
      if (update.kind === 'connection') return;
      if (update.kind === 'sessionRevoked') return this.signedOut('Your Telegram session ended. Sign in again; your tickets are kept.');
      const forum = this.forums.find((f) => f.chatId === update.chatId);
      if (!forum) return;
      if (update.kind === 'channelTooLong') return await this.catchUp(forum);
      if (update.pts !== null && update.ptsCount !== null) {
        // Judge the update against where a running catch-up or backfill leaves the forum,
        // not where it started: an update it did not cover is then a gap, fetched in turn.
        await this.catchingUp.get(update.chatId);
        const local = this.pts.get(update.chatId) ?? 0;
        const verdict = checkPts(local, { pts: update.pts, ptsCount: update.ptsCount });
        if (verdict === 'duplicate') return;
        // The difference includes this update too: fetch from where we are.
        if (verdict === 'gap') return await this.catchUp(forum);
      }
      await this.ingest(update);
      if (update.pts !== null) await this.savePts(update.chatId, update.pts);
    } catch (error) {
      this.deps.log?.(`telegram update ${update.kind} could not be applied`, error);
    }
  }

  private catchUp(forum: TgForum): Promise<void> {
    const running = this.catchingUp.get(forum.chatId);
    if (running) return running;
    const run = this.runCatchUp(forum).finally(() => this.catchingUp.delete(forum.chatId));
    this.catchingUp.set(forum.chatId, run);
    return run;
  }

  private async runCatchUp(forum: TgForum): Promise<void> {
    const { gateway } = this.deps;
    let pts = this.pts.get(forum.chatId) ?? 0;
    if (pts === 0) return this.backfill(forum);
    for (;;) {
      const page = await gateway.getChannelDifference(forum, pts);
      if (page.kind === 'too_long') return this.backfill(forum);
      if (page.kind === 'difference') for (const update of page.updates) await this.ingest(update);
      pts = page.pts;
      await this.savePts(forum.chatId, pts);
      if (page.kind === 'empty' || page.final) return;
    }
  }

  /** Loads every topic and its recent history; the pts read first is where updates resume. */
  private async backfill(forum: TgForum): Promise<void> {
    const { gateway, status } = this.deps;
    let cursor = null;
    let startPts: number | null = null;
    let done = 0;
    do {
      const page = await gateway.listTopics(forum, cursor, 100);
      startPts ??= page.pts;
      const users = new Map(page.users.map((u) => [u.id, u]));
      for (const topic of page.topics) {
        if (topic.topicId === GENERAL_TOPIC_ID) continue;
        await this.upsertTicket(ticketFromTopic(topic, users.get(topic.creatorId) ?? null), { title: topic.title, closed: topic.closed });
        const history = await gateway.getTopicHistory(forum, topic.topicId, { limit: BACKFILL_MESSAGES_PER_TOPIC });
        const historyUsers = new Map(history.messages.length ? history.users.map((u) => [u.id, u]) : []);
        for (const message of [...history.messages].reverse()) {
          if (!message.isService) await this.ingestMessage(message, historyUsers.get(message.fromId ?? '') ?? null);
        }
        done += 1;
        status.update({ backfill: { done, total: Math.max(page.total, done) } });
      }
      cursor = page.next;
    } while (cursor);
    status.update({ backfill: null });
    await this.savePts(forum.chatId, startPts ?? 0);
  }

  private async savePts(chatId: string, pts: number): Promise<void> {
    this.pts.set(chatId, pts);
    await this.deps.local.set(ptsKey(chatId), pts);
  }

  private async ingest(update: TgChatUpdate): Promise<void> {
    switch (update.kind) {
      case 'topicCreated':
        if (update.topic.topicId === GENERAL_TOPIC_ID) return;
        return this.upsertTicket(ticketFromTopic(update.topic, update.creator), { title: update.topic.title, closed: update.topic.closed });
      case 'topicEdited': {
        const doc = await this.deps.db.tickets.findOne(ticketIdOf(update.chatId, update.topicId)).exec();
        await doc?.incrementalModify((t) =>
          patchTicket(t, { ...(update.title !== null ? { subject: update.title } : {}), ...(update.closed !== null ? { topicClosed: update.closed } : {}) }, this.deps.clock()),
        );
        return;
      }
      case 'newMessage':
        return this.ingestMessage(update.message, update.sender);
      case 'messageEdited': {
        const doc = await this.deps.db.messages.findOne(messageIdOf(update.chatId, update.message.msgId)).exec();
        await doc?.incrementalModify((m) => ({ ...m, text: update.message.text, entities: update.message.entities, editedAt: update.message.editDate ?? this.deps.clock() }));
        return;
      }
      case 'messagesDeleted': {
        const docs = await this.deps.db.messages.findByIds(update.msgIds.map((id) => messageIdOf(update.chatId, id))).exec();
        for (const doc of docs.values()) await doc.incrementalModify((m) => ({ ...m, deleted: true }));
        return;
      }
      case 'channelTooLong':
        return;
    }
  }

  /** Creates the ticket, or refreshes the Telegram-owned fields of one seen before. */
  private async upsertTicket(ticket: Ticket, telegram: { title: string; closed: boolean }): Promise<void> {
    const existing = await this.deps.db.tickets.findOne(ticket.id).exec();
    if (!existing) {
      await this.deps.db.tickets.insert(ticket).catch(async () => this.upsertTicket(ticket, telegram));
      return;
    }
    await existing.incrementalModify((t) => {
      const placeholder = t.subject === `Topic ${t.topicId}`;
      return patchTicket(t, { subject: telegram.title, topicClosed: telegram.closed, ...(placeholder ? { customer: ticket.customer, createdAt: ticket.createdAt } : {}) }, this.deps.clock());
    });
  }

  private async ingestMessage(tg: TgMessage, sender: TgUser | null): Promise<void> {
    if (tg.topicId === GENERAL_TOPIC_ID || tg.isService) return;
    const { db } = this.deps;
    const message: Message = messageFromTelegram(tg, sender, this.deps.authors);
    if (tg.out) await this.deps.ownSendSettled?.(message.ticketId);
    // Seen before (ours from the outbox, or this same update twice): nothing more to do.
    if (await db.messages.findOne(message.id).exec()) return;
    let ticketDoc = await db.tickets.findOne(message.ticketId).exec();
    if (!ticketDoc) {
      await db.tickets.insert(placeholderTicket(tg, sender)).catch(() => undefined);
      ticketDoc = await db.tickets.findOne(message.ticketId).exec();
    }
    const doc: MessageDoc = toMessageDoc(message);
    await db.messages.insert(doc).catch(() => undefined);
    await ticketDoc?.incrementalModify((t) => patchTicket(t, ticketAfterMessage(t, message), this.deps.clock()));
  }
}
