// Keeps the database in step with the team's Telegram forums through the agent's own
// session: backfill on first connect, live updates in pts order, and catch-up with
// getChannelDifference at start, on reconnect and on any gap (gramjs does not catch up).
// Live updates queue per chat and are written in batches (IngestWriter), pts saved once a batch.
import { z } from 'zod';
import type { AppStatusStore } from '../app/app-status';
import type { TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import {
  GENERAL_TOPIC_ID,
  TgForum,
  type TelegramGateway,
  type TgChatUpdate,
  type TgForumRef,
  type TgUpdate,
  type Unsubscribe,
} from '../telegram/telegram.gateway';
import { BatchLanes } from './batch.lanes';
import { IngestWriter, type IngestItem } from './ingest.writer';
import { takeRun } from './pts.run';
import type { AuthorInfo } from './telegram.ingest';

/** How much of each topic's history the first connect loads. */
export const BACKFILL_MESSAGES_PER_TOPIC = 50;

/**
 * The most live updates of one chat written as one batch. RxDB's DenoKV storage splits a bulk
 * write into commits of DENOKV_BATCH_SIZE documents anyway; this bounds the memory of a burst
 * and how long the pts waits to be saved.
 */
export const LIVE_BATCH_MAX = 500;

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
  private readonly writer: IngestWriter;
  /**
   * Live updates, queued per chat as they arrive (the gateway's handler returns at once) and
   * written in batches: while one batch is written, the next gathers.
   */
  private readonly live: BatchLanes<TgChatUpdate>;

  constructor(private readonly deps: TelegramSyncDeps) {
    this.writer = new IngestWriter(deps);
    this.live = new BatchLanes((chatId, updates) => this.applyLive(chatId, updates), {
      maxBatch: LIVE_BATCH_MAX,
      onError: (error) => deps.log?.('telegram updates could not be applied', error),
    });
  }

  async start(): Promise<void> {
    const { gateway, local, status } = this.deps;
    this.forums = await local.get(forumsKey, z.array(TgForum), []);
    for (const forum of this.forums) this.pts.set(forum.chatId, await local.get(ptsKey(forum.chatId), z.number(), 0));
    this.unsubscribes.push(
      gateway.onUpdate((update) => this.receive(update)),
      gateway.onConnectionState((state) => {
        if (state === 'revoked') return this.signedOut('Your Telegram session ended. Sign in again; your tickets are kept.');
        // gramjs repeats "connected" on every ping; only a real reconnect means updates were missed.
        const reconnected = state === 'connected' && status.value.telegram.state !== 'connected';
        status.update({ telegram: { state: state === 'connected' ? 'connected' : state === 'reconnecting' ? 'connecting' : 'disconnected', detail: null } });
        if (reconnected) this.catchUpAll().catch((error: unknown) => this.deps.log?.('telegram catch-up after reconnecting failed', error));
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

  /** Resolves once every live update received so far has been written (or failed and logged). */
  idle(): Promise<void> {
    return this.live.idle();
  }

  /**
   * Stops taking updates. Queued ones not yet written are dropped: their pts was not saved, so
   * the next start's catch-up fetches them again. A batch being written finishes (see idle()).
   */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.live.clear();
  }

  private signedOut(detail: string): void {
    this.deps.status.update({ telegram: { state: 'signed_out', detail } });
  }

  private receive(update: TgUpdate): void {
    if (update.kind === 'connection') return;
    if (update.kind === 'sessionRevoked') return this.signedOut('Your Telegram session ended. Sign in again; your tickets are kept.');
    this.live.push(update.chatId, update);
  }

  /**
   * Writes a chat's queued updates: judged in order against the pts, every run that follows on
   * is written as one batch and its pts saved once; a gap (or channelTooLong) fetches the
   * difference, and the updates after it are judged against where that leaves the forum.
   */
  private async applyLive(chatId: string, updates: TgChatUpdate[]): Promise<void> {
    const forum = this.forums.find((f) => f.chatId === chatId);
    if (!forum) return;
    let rest = updates;
    while (rest.length > 0) {
      // Judge against where a running catch-up or backfill leaves the forum, not where it
      // started: an update it did not cover is then a gap, fetched in turn. (One that failed
      // was reported by whoever started it; the pts is then where it was.)
      await this.catchingUp.get(chatId)?.catch(() => undefined);
      const before = this.pts.get(chatId) ?? 0;
      const run = takeRun(before, rest);
      if (run.apply.length > 0) {
        try {
          await this.writer.writeUpdates(run.apply);
          if (run.pts !== before) await this.savePts(chatId, run.pts);
        } catch (error) {
          // The pts stays before this batch: the next update is judged a gap, and that catch-up
          // (or the one at the next start or reconnect) fetches these again.
          this.deps.log?.(`telegram: ${run.apply.length} update(s) could not be applied`, error);
        }
      }
      if (run.catchUpAt === null) return;
      try {
        // The difference includes the update that revealed the gap: fetch from where we are.
        await this.catchUp(forum);
      } catch (error) {
        // Everything after the gap would be a gap too. The pts did not move, so the next
        // catch-up (the next update, a reconnect, the next start) fetches these.
        this.deps.log?.(`telegram catch-up failed; ${rest.length - run.catchUpAt} update(s) wait for the next one`, error);
        return;
      }
      rest = rest.slice(run.catchUpAt + 1);
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
      // A page is one batch; if it fails the pts is not saved and the next catch-up asks again.
      if (page.kind === 'difference') await this.writer.writeUpdates(page.updates);
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
        const history = await gateway.getTopicHistory(forum, topic.topicId, { limit: BACKFILL_MESSAGES_PER_TOPIC });
        const historyUsers = new Map(history.messages.length ? history.users.map((u) => [u.id, u]) : []);
        // A topic and its history, oldest message first, are one batch.
        const items: IngestItem[] = [
          { kind: 'topic', topic, creator: users.get(topic.creatorId) ?? null },
          ...[...history.messages].reverse().map((message): IngestItem => ({ kind: 'message', message, sender: historyUsers.get(message.fromId ?? '') ?? null })),
        ];
        await this.writer.writeItems(items);
        done += 1;
        status.update({ backfill: { done, total: Math.max(page.total, done) } });
      }
      cursor = page.next;
    } while (cursor);
    status.update({ backfill: null });
    await this.savePts(forum.chatId, startPts ?? 0);
  }

  /**
   * Called only once the updates up to `pts` are written, so the stored pts is never ahead of
   * the database. The pts of a channel only grows: a batch that finishes after a catch-up that
   * went further does not move it back (which would only cost a needless refetch).
   */
  private async savePts(chatId: string, pts: number): Promise<void> {
    const next = Math.max(this.pts.get(chatId) ?? 0, pts);
    this.pts.set(chatId, next);
    await this.deps.local.set(ptsKey(chatId), next);
  }
}
