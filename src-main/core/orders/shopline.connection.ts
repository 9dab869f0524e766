// The Shopline store connection: keeps the access token only in the SecretStore and the store
// settings on this device (LocalState), tests a token before saving it, owns the live client and
// its lookup cache, and publishes `shopline.status` (rate-limit waits, a rejected token).
// Main process.
import { BehaviorSubject, type Observable } from 'rxjs';
import { z } from 'zod';
import { CommandError } from '../../../src-preload/contract';
import {
  ShoplineScopes,
  type ShoplineConnectionReport,
  type ShoplineCredentials,
  type ShoplineStatus,
} from '../../../src-preload/contract/shopline.contract';
import type { LocalState } from '../db/local-state';
import type { SecretStore } from '../secrets/secret.store';
import { createShoplineClient, defaultApiVersion, type ShoplineClient, type ShoplineClientOptions } from '../shopline/shopline.client';
import { isShoplineError } from '../shopline/shopline.error';
import { ShoplineLookupService, type ShoplineLookupOptions } from '../shopline/shopline.lookup';
import {
  isLastingProblem,
  notConnectedText,
  problemText,
  shoplineCommandError,
  toBridgeFailure,
} from './shopline.problem';
import { connectionReport, shoplineStatus, type ConnectionFacts } from './shopline.status';

/** The secret's name in the SecretStore; the token is never written anywhere else. */
export const SHOPLINE_TOKEN_SECRET = 'shopline.token';
/** LocalState keys: the store this device talks to, and the team's write permission. */
export const shoplineSettingsKey = 'shopline.settings';
export const shoplineOptionsKey = 'shopline.options';

const StoredSettings = z.object({
  handle: z.string().min(1),
  apiVersion: z.string().min(1),
  scopes: ShoplineScopes.nullable(),
  checkedAt: z.number().nullable(),
});
type StoredSettings = z.infer<typeof StoredSettings>;

const StoredOptions = z.object({ allowWriteNotes: z.boolean() });

/** The credentials as the contract hands them over, already checked and normalized. */
export type ParsedCredentials = z.output<typeof ShoplineCredentials>;

export type ClientExtras = Partial<Omit<ShoplineClientOptions, 'handle' | 'accessToken' | 'apiVersion'>>;

export interface ShoplineConnectionDeps {
  local: LocalState;
  secrets: SecretStore;
  clock: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Given to every client: tests point them at a fake store (baseUrl, sleep, clock, backoff). */
  client?: ClientExtras;
  /** The demo store (`--demo`): connected from the start, nothing stored, cannot be replaced. */
  demo?: { handle: string; accessToken: string; baseUrl: string } | null;
  lookup?: ShoplineLookupOptions;
}

export class ShoplineConnection {
  private client: ShoplineClient | null = null;
  private lookupService: ShoplineLookupService | null = null;
  private stopRateEvents: (() => void) | null = null;
  /** Bumped on every client change, so a late failure of an old client cannot blame the new one. */
  private generation = 0;
  private exclusive: Promise<unknown> = Promise.resolve();
  private facts: ConnectionFacts;
  private readonly subject: BehaviorSubject<ShoplineStatus>;

  constructor(private readonly deps: ShoplineConnectionDeps) {
    this.facts = {
      configured: false,
      handle: null,
      apiVersion: null,
      demo: Boolean(deps.demo),
      scopes: null,
      checkedAt: null,
      allowWriteNotes: false,
      rate: { state: 'ok' },
      problem: null,
      secrets: { description: deps.secrets.description, persistent: deps.secrets.persistent },
    };
    this.subject = new BehaviorSubject(shoplineStatus(this.facts));
  }

  get status$(): Observable<ShoplineStatus> {
    return this.subject.asObservable();
  }

  get status(): ShoplineStatus {
    return this.subject.value;
  }

  get configured(): boolean {
    return this.lookupService !== null;
  }

  /** Restores the saved connection (or the demo store). Makes no request: lookups are lazy. */
  async start(): Promise<void> {
    const demo = this.deps.demo;
    if (demo) {
      this.install(this.makeClient({ handle: demo.handle, accessToken: demo.accessToken }, { baseUrl: demo.baseUrl }), {
        handle: demo.handle,
        apiVersion: defaultApiVersion,
        scopes: null,
        checkedAt: null,
      });
      return;
    }
    const options = await this.deps.local.get(shoplineOptionsKey, StoredOptions.nullable(), null);
    const settings = await this.deps.local.get(shoplineSettingsKey, StoredSettings.nullable(), null);
    this.update({ allowWriteNotes: options?.allowWriteNotes ?? false });
    if (!settings) return;
    let token: string | null;
    try {
      token = await this.deps.secrets.get(SHOPLINE_TOKEN_SECRET);
    } catch (error) {
      this.deps.log?.('cannot read the Shopline token', error);
      token = null;
    }
    if (!token) {
      this.update({
        handle: settings.handle,
        problem: { kind: null, text: `The token for ${settings.handle} is no longer on this device: connect again in Settings.` },
      });
      return;
    }
    try {
      this.install(this.makeClient({ handle: settings.handle, accessToken: token, apiVersion: settings.apiVersion }), settings);
    } catch (error) {
      // Settings from an older build that the client no longer accepts: start unconfigured.
      this.deps.log?.('stored Shopline settings are unusable', error);
    }
  }

  dispose(): void {
    this.uninstall();
    this.subject.complete();
  }

  /**
   * Runs lookups on the live connection. A rejected token, missing scope or frozen store stays in
   * the status until a call succeeds again; failures reach the bridge as plain CommandErrors.
   */
  async run<T>(work: (lookup: ShoplineLookupService) => Promise<T>): Promise<T> {
    const lookup = this.lookupService;
    if (!lookup) throw new CommandError('unavailable', this.facts.problem?.text ?? notConnectedText);
    const generation = this.generation;
    try {
      const value = await work(lookup);
      if (generation === this.generation && this.facts.problem) this.update({ problem: null });
      return value;
    } catch (error) {
      if (generation === this.generation && isShoplineError(error) && isLastingProblem(error.kind)) {
        this.update({ problem: { kind: error.kind, text: problemText(error.kind, error.message) } });
      }
      throw toBridgeFailure(error);
    }
  }

  /** Tests `candidate` without saving anything, or else the saved connection (and records the result). */
  async test(candidate?: ParsedCredentials): Promise<ShoplineConnectionReport> {
    if (candidate) return connectionReport(await this.makeClient(candidate).testConnection());
    const client = this.client;
    if (!client) throw new CommandError('unavailable', this.facts.problem?.text ?? notConnectedText);
    const generation = this.generation;
    const report = connectionReport(await client.testConnection());
    if (generation === this.generation) {
      // A network failure says nothing about the token: an earlier verdict on it stands.
      const problem = report.ok
        ? null
        : report.problem && isLastingProblem(report.problem.kind)
          ? { kind: report.problem.kind, text: report.summary }
          : this.facts.problem;
      this.update({ scopes: report.scopes, checkedAt: this.deps.clock(), problem });
      await this.saveCheck();
    }
    return report;
  }

  /** Saves nothing unless the token works: a failing test throws, saying why. */
  connect(credentials: ParsedCredentials): Promise<ShoplineStatus> {
    return this.serially(async () => {
      this.refuseInDemo();
      const client = this.makeClient(credentials);
      const report = connectionReport(await client.testConnection());
      if (!report.ok) throw shoplineCommandError(report.problem?.kind ?? 'forbidden', report.summary);
      try {
        await this.deps.secrets.set(SHOPLINE_TOKEN_SECRET, credentials.accessToken);
      } catch (error) {
        this.deps.log?.('cannot store the Shopline token', error);
        throw new CommandError('unavailable', `The token could not be kept in ${this.deps.secrets.description}, so nothing was saved.`);
      }
      const settings: StoredSettings = {
        handle: client.store,
        apiVersion: credentials.apiVersion ?? defaultApiVersion,
        scopes: report.scopes,
        checkedAt: this.deps.clock(),
      };
      await this.deps.local.set(shoplineSettingsKey, settings);
      this.install(client, settings);
      return this.status;
    });
  }

  disconnect(): Promise<ShoplineStatus> {
    return this.serially(async () => {
      this.refuseInDemo();
      await this.deps.secrets.delete(SHOPLINE_TOKEN_SECRET);
      await this.deps.local.delete(shoplineSettingsKey);
      this.uninstall();
      this.update({ configured: false, handle: null, apiVersion: null, scopes: null, checkedAt: null, problem: null, rate: { state: 'ok' } });
      return this.status;
    });
  }

  /** The team's choice; Topicdesk never writes to Shopline yet, so this only records it. */
  async setOptions(options: { allowWriteNotes: boolean }): Promise<ShoplineStatus> {
    await this.deps.local.set(shoplineOptionsKey, { allowWriteNotes: options.allowWriteNotes });
    this.update({ allowWriteNotes: options.allowWriteNotes });
    return this.status;
  }

  private makeClient(credentials: { handle: string; accessToken: string; apiVersion?: string }, extra: ClientExtras = {}): ShoplineClient {
    try {
      return createShoplineClient({ clock: this.deps.clock, ...this.deps.client, ...extra, ...credentials });
    } catch (error) {
      throw new CommandError('invalid_params', error instanceof Error ? error.message : String(error));
    }
  }

  private install(client: ShoplineClient, settings: StoredSettings): void {
    this.uninstall();
    this.client = client;
    this.lookupService = new ShoplineLookupService(client, { now: this.deps.clock, ...this.deps.lookup });
    this.lookupService.start();
    this.stopRateEvents = client.onStateChanged((rate) => this.update({ rate }));
    this.update({
      configured: true,
      handle: settings.handle,
      apiVersion: settings.apiVersion,
      scopes: settings.scopes,
      checkedAt: settings.checkedAt,
      problem: null,
      rate: client.rateState,
    });
  }

  private uninstall(): void {
    this.generation += 1;
    this.stopRateEvents?.();
    this.stopRateEvents = null;
    this.lookupService?.dispose();
    this.lookupService = null;
    this.client = null;
  }

  private async saveCheck(): Promise<void> {
    if (this.deps.demo || !this.facts.handle || !this.facts.apiVersion) return;
    const settings: StoredSettings = {
      handle: this.facts.handle,
      apiVersion: this.facts.apiVersion,
      scopes: this.facts.scopes,
      checkedAt: this.facts.checkedAt,
    };
    await this.deps.local.set(shoplineSettingsKey, settings);
  }

  private refuseInDemo(): void {
    if (this.deps.demo) {
      throw new CommandError('conflict', 'This is the demo workspace: its Shopline store is simulated and cannot be changed.');
    }
  }

  /** Connect and disconnect one at a time, so two quick clicks cannot leave a half-saved store. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(work, work);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  private update(patch: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...patch };
    if (!this.subject.closed) this.subject.next(shoplineStatus(this.facts));
  }
}
