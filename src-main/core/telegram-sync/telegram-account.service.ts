// The agent's Telegram account: signs in (code, 2FA password or QR), keeps the session only
// in the secret store, restores it at start, notices a revoked session (signs out, keeps the
// data), and runs the forum sync while signed in.
import { BehaviorSubject, type Observable } from 'rxjs';
import { z } from 'zod';
import { CommandError, type TelegramAccount } from '../../../src-preload/contract';
import type { AppStatusStore } from '../app/app-status';
import type { TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import type { SecretStore } from '../secrets/secret.store';
import { TgUser, type TelegramGateway, type TgForum } from '../telegram/telegram.gateway';
import { signInErrorText } from './sign-in.errors';
import { displayName } from './telegram.ingest';
import { TelegramSyncService } from './telegram-sync.service';
import type { AuthorInfo } from './telegram.ingest';

export const SESSION_SECRET = 'telegram.session';
const userKey = 'telegram.user';

export interface TelegramAccountDeps {
  db: TopicdeskDatabase;
  local: LocalState;
  secrets: SecretStore;
  status: AppStatusStore;
  clock: () => number;
  /** Builds a gateway for a session string ('' for a new sign-in); null when Telegram is not configured. */
  createGateway: ((session: string) => TelegramGateway) | null;
  authors: AuthorInfo;
  onSignedIn(user: TgUser): void;
  onSignedOut(): void;
  log?: (message: string, error?: unknown) => void;
  ownSendSettled?: (ticketId: string) => Promise<void>;
}

export const agentIdOf = (tgUserId: string) => `agent:${tgUserId}`;

export class TelegramAccountService {
  private gateway: TelegramGateway | null = null;
  private sync: TelegramSyncService | null = null;
  private qrAbort: AbortController | null = null;
  private available: TgForum[] = [];
  private readonly state: BehaviorSubject<TelegramAccount>;

  constructor(private readonly deps: TelegramAccountDeps) {
    this.state = new BehaviorSubject<TelegramAccount>({
      step: deps.createGateway ? 'signed_out' : 'unavailable',
      phone: null,
      passwordHint: null,
      qrUrl: null,
      qrExpiresAt: null,
      user: null,
      error: deps.createGateway ? null : 'Telegram is not set up in this build: set TOPICDESK_TG_API_ID and TOPICDESK_TG_API_HASH (from my.telegram.org).',
      secretStorage: deps.secrets.description,
      secretWarning: deps.secrets.persistent ? null : 'Your Telegram session is kept in memory only: you will have to sign in again after a restart.',
      forums: [],
    });
  }

  get account(): Observable<TelegramAccount> {
    return this.state.asObservable();
  }

  get current(): TelegramAccount {
    return this.state.value;
  }

  /** Whether replies can go out now. */
  get ready(): boolean {
    return this.state.value.step === 'signed_in' && this.deps.status.value.telegram.state === 'connected';
  }

  get activeGateway(): TelegramGateway | null {
    return this.gateway;
  }

  get activeSync(): TelegramSyncService | null {
    return this.sync;
  }

  private update(patch: Partial<TelegramAccount>): TelegramAccount {
    this.state.next({ ...this.state.value, ...patch });
    return this.state.value;
  }

  /** Restores the saved session, if any. */
  async start(): Promise<void> {
    const session = await this.deps.secrets.get(SESSION_SECRET).catch((error: unknown) => {
      this.update({ error: signInErrorText(error) });
      return null;
    });
    if (!session || !this.deps.createGateway) return;
    const gateway = this.deps.createGateway(session);
    this.gateway = gateway;
    const probe = await gateway
      .connect()
      .then(() => gateway.probeSession())
      .catch(() => 'network' as const);
    if (this.gateway !== gateway) return; // stopped (app closing) while connecting
    if (probe === 'revoked') return void (await this.sessionEnded());
    const cached = await this.deps.local.get(userKey, TgUser.nullable(), null);
    const user = probe === 'ok' ? await gateway.getSelf().catch(() => cached) : cached;
    if (!user) return void (await this.sessionEnded());
    await this.signedIn(user);
  }

  async sendCode(phone: string): Promise<TelegramAccount> {
    const gateway = this.freshGateway();
    try {
      await gateway.connect();
      await gateway.sendCode(phone);
      return this.update({ step: 'awaiting_code', phone, error: null });
    } catch (error) {
      throw this.failed(error);
    }
  }

  async signIn(code: string): Promise<TelegramAccount> {
    const gateway = this.requireStep('awaiting_code');
    try {
      const result = await gateway.signIn(code);
      if (result.kind === 'password_needed') return this.update({ step: 'awaiting_password', passwordHint: result.hint, error: null });
      return await this.signedIn(result.user);
    } catch (error) {
      throw this.failed(error);
    }
  }

  async checkPassword(password: string): Promise<TelegramAccount> {
    const gateway = this.requireStep('awaiting_password');
    try {
      return await this.signedIn(await gateway.checkPassword(password));
    } catch (error) {
      throw this.failed(error);
    }
  }

  async startQr(): Promise<TelegramAccount> {
    const gateway = this.freshGateway();
    const abort = new AbortController();
    this.qrAbort = abort;
    void gateway
      .connect()
      .then(() => gateway.signInWithQr((url, expiresAt) => this.update({ step: 'awaiting_qr', qrUrl: url, qrExpiresAt: expiresAt, error: null }), { signal: abort.signal }))
      .then(async (result) => {
        if (abort.signal.aborted) return;
        if (result.kind === 'password_needed') this.update({ step: 'awaiting_password', passwordHint: result.hint, qrUrl: null });
        else await this.signedIn(result.user);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) this.update({ step: 'signed_out', qrUrl: null, error: signInErrorText(error) });
      });
    return this.update({ step: 'awaiting_qr', qrUrl: null, error: null });
  }

  async cancel(): Promise<TelegramAccount> {
    if (this.state.value.step === 'signed_in') return this.state.value;
    this.qrAbort?.abort();
    await this.gateway?.dispose().catch(() => undefined);
    this.gateway = null;
    return this.update({ step: 'signed_out', phone: null, passwordHint: null, qrUrl: null, error: null });
  }

  async refreshForums(): Promise<TelegramAccount> {
    if (!this.gateway || this.state.value.step !== 'signed_in') throw new CommandError('unauthorized', 'Sign in to Telegram first.');
    try {
      this.available = await this.gateway.listForums();
    } catch (error) {
      throw this.failed(error, false);
    }
    return this.publishForums();
  }

  async selectForums(chatIds: string[]): Promise<TelegramAccount> {
    if (!this.sync) throw new CommandError('unauthorized', 'Sign in to Telegram first.');
    const known = new Map([...this.available, ...this.sync.selectedForums].map((f) => [f.chatId, f]));
    const unknown = chatIds.filter((id) => !known.has(id));
    if (unknown.length) throw new CommandError('not_found', `Not a forum group of this account: ${unknown.join(', ')}`);
    const chosen = chatIds.map((id) => known.get(id) as TgForum);
    void this.sync.setForums(chosen).catch((error: unknown) => this.deps.log?.('forum sync failed', error));
    return this.publishForums(chosen);
  }

  async signOut(): Promise<TelegramAccount> {
    await this.gateway?.logOut().catch(() => undefined);
    await this.stop();
    await this.deps.secrets.delete(SESSION_SECRET);
    this.deps.onSignedOut();
    this.deps.status.update({ telegram: { state: 'signed_out', detail: null } });
    return this.update({ step: 'signed_out', user: null, phone: null, forums: [], error: null });
  }

  async stop(): Promise<void> {
    this.qrAbort?.abort();
    const sync = this.sync;
    sync?.dispose();
    this.sync = null;
    await this.gateway?.dispose().catch(() => undefined);
    this.gateway = null;
    // A batch of updates being written finishes before the caller closes the database.
    await sync?.idle();
  }

  /** The sleep/network hook: check the session and fetch what was missed. */
  async resume(): Promise<void> {
    if (!this.gateway || !this.sync) return;
    const probe = await this.gateway.probeSession().catch(() => 'network' as const);
    if (probe === 'revoked') return void (await this.sessionEnded());
    if (probe === 'ok') await this.sync.catchUpAll();
  }

  private publishForums(selected: readonly TgForum[] = this.sync?.selectedForums ?? []): TelegramAccount {
    const chosen = new Set(selected.map((f) => f.chatId));
    const all = new Map([...selected, ...this.available].map((f) => [f.chatId, f]));
    return this.update({ forums: [...all.values()].map((f) => ({ chatId: f.chatId, title: f.title, selected: chosen.has(f.chatId) })) });
  }

  private freshGateway(): TelegramGateway {
    if (!this.deps.createGateway) throw new CommandError('unavailable', this.state.value.error ?? 'Telegram is not set up.');
    if (this.state.value.step === 'signed_in') throw new CommandError('conflict', 'Already signed in. Sign out first.');
    this.qrAbort?.abort();
    void this.gateway?.dispose().catch(() => undefined);
    this.gateway = this.deps.createGateway('');
    return this.gateway;
  }

  private requireStep(step: TelegramAccount['step']): TelegramGateway {
    if (this.state.value.step !== step || !this.gateway) throw new CommandError('conflict', 'Start the sign-in again: that step is not expected now.');
    return this.gateway;
  }

  private failed(error: unknown, resetStep = false): CommandError {
    const message = signInErrorText(error);
    this.update({ error: message, ...(resetStep ? { step: 'signed_out' as const } : {}) });
    return new CommandError('invalid_params', message);
  }

  private async sessionEnded(): Promise<void> {
    await this.stop();
    await this.deps.secrets.delete(SESSION_SECRET).catch(() => undefined);
    this.deps.onSignedOut();
    const error = 'Your Telegram session ended (signed out from another device?). Sign in again; your tickets are kept.';
    this.deps.status.update({ telegram: { state: 'signed_out', detail: 'session ended' } });
    this.update({ step: 'signed_out', user: null, error });
  }

  private async signedIn(user: TgUser): Promise<TelegramAccount> {
    const gateway = this.gateway;
    if (!gateway) throw new CommandError('internal', 'No Telegram connection.');
    await this.deps.secrets.set(SESSION_SECRET, gateway.exportSession());
    await this.deps.local.set(userKey, user);
    await this.ensureAgent(user);
    this.update({ step: 'signed_in', user: { id: user.id, name: displayName(user), username: user.username }, qrUrl: null, passwordHint: null, error: null });
    this.deps.onSignedIn(user);
    const sync = new TelegramSyncService({ ...this.deps, gateway });
    this.sync = sync;
    gateway.onConnectionState((state) => {
      if (state === 'revoked') void this.sessionEnded();
    });
    sync.start().catch((error: unknown) => {
      this.deps.log?.('telegram sync could not start', error);
      this.deps.status.update({ telegram: { state: 'disconnected', detail: signInErrorText(error) } });
    });
    this.available = await gateway.listForums().catch(() => []);
    return this.publishForums(sync.selectedForums.length ? sync.selectedForums : await this.savedForums());
  }

  private async savedForums(): Promise<TgForum[]> {
    const { forumsKey } = await import('./telegram-sync.service');
    return this.deps.local.get(forumsKey, z.array(z.object({ chatId: z.string(), accessHash: z.string(), title: z.string() })), []);
  }

  /** Every agent who signs in is on the team's list (leads edit roles and capacity later). */
  private async ensureAgent(user: TgUser): Promise<void> {
    const id = agentIdOf(user.id);
    if (await this.deps.db.agents.findOne(id).exec()) return;
    const empty = (await this.deps.db.agents.count().exec()) === 0;
    await this.deps.db.agents
      .insert({
        id,
        tgUserId: user.id,
        name: displayName(user),
        role: empty ? 'admin' : 'agent',
        skills: [],
        languages: [],
        capacity: 10,
        availability: 'online',
        updatedAt: this.deps.clock(),
      })
      .catch(() => undefined);
  }
}
