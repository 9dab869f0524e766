// The team's configuration held in memory: every document of the `config` collection parsed
// with its kind's zod schema (invalid ones are skipped and logged once), kept current from the
// database, with the validated save/delete the Settings endpoints use, routing settings and
// round-robin cursors. Main process.
import { randomUUID } from 'node:crypto';
import type { RxDocument } from 'rxdb';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { z } from 'zod';
import { CommandError } from '../../../src-preload/contract';
import {
  CalendarDraft,
  EscalationPolicyDraft,
  RoutingRuleDraft,
  RoutingSettingsPatch,
  SlaPolicyDraft,
  TemplateDraft,
} from '../../../src-preload/contract/automation.contract';
import {
  Calendar,
  EscalationPolicy,
  RoutingRule,
  RoutingSettings,
  SlaPolicy,
  Template,
  defaultRoutingSettings,
} from '../../../src-preload/contract/config.contract';
import type { TopicdeskDatabase } from '../db/database';
import { configId, type ConfigDoc, type ConfigKind as StoredKind } from '../db/schemas/config.schema';
import { mirrorCollection, type MirroredDoc } from './collection.mirror';

/** Each list Settings edits, with the stored `kind` its documents carry. */
export const configLists = {
  templates: { kind: 'template', schema: Template, draft: TemplateDraft, label: 'template' },
  slaPolicies: { kind: 'slapolicy', schema: SlaPolicy, draft: SlaPolicyDraft, label: 'SLA policy' },
  calendars: { kind: 'calendar', schema: Calendar, draft: CalendarDraft, label: 'calendar' },
  escalationPolicies: { kind: 'escalationpolicy', schema: EscalationPolicy, draft: EscalationPolicyDraft, label: 'escalation policy' },
  routingRules: { kind: 'routingrule', schema: RoutingRule, draft: RoutingRuleDraft, label: 'routing rule' },
} as const satisfies Record<string, { kind: StoredKind; schema: z.ZodType; draft: z.ZodType; label: string }>;

export type ConfigKind = keyof typeof configLists;
export type ConfigOf<K extends ConfigKind> = z.output<(typeof configLists)[K]['schema']>;
export const configKindNames = Object.keys(configLists) as ConfigKind[];

/** Routing settings (kind `setting`) and one round-robin position per rule (kind `cursor`). */
export const ROUTING_SETTINGS_ID = configId('setting', 'routing');
const CursorData = z.object({ agentId: z.string().nullable() });

type Lists = { [K in ConfigKind]: BehaviorSubject<ConfigOf<K>[]> };

export interface ConfigStoreDeps {
  db: TopicdeskDatabase;
  clock: () => number;
  log: (message: string, error?: unknown) => void;
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`).join('; ');

const byOrderThenId = (a: { id: string; order?: number }, b: { id: string; order?: number }): number =>
  (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The document's own id: the stored one without its `<kind>:` prefix. */
const nameOf = (doc: ConfigDoc): string => doc.id.slice(doc.kind.length + 1);

export class ConfigStore {
  private readonly lists: Lists = {
    templates: new BehaviorSubject<Template[]>([]),
    slaPolicies: new BehaviorSubject<SlaPolicy[]>([]),
    calendars: new BehaviorSubject<Calendar[]>([]),
    escalationPolicies: new BehaviorSubject<EscalationPolicy[]>([]),
    routingRules: new BehaviorSubject<RoutingRule[]>([]),
  };
  private readonly settings = new BehaviorSubject<RoutingSettings>(defaultRoutingSettings());
  private readonly cursors = new Map<string, string | null>();
  private readonly cursorDocs = new Map<string, RxDocument<ConfigDoc>>();
  /** Parsed documents by stored id and revision: unchanged ones keep their identity (memoised calendars). */
  private readonly parsed = new Map<string, { rev: string; value: unknown }>();
  /** The stored revisions each list was last built from, so lists only emit when they change. */
  private readonly built = new Map<ConfigKind, string>();
  private subscription: Subscription | null = null;

  constructor(private readonly deps: ConfigStoreDeps) {}

  /** Loads the collection; resolves once it has been read. */
  start(): Promise<void> {
    const mirror = mirrorCollection(this.deps.db.config, (docs) => this.rebuild(docs), this.deps.log);
    this.subscription = mirror.subscription;
    return mirror.ready;
  }

  dispose(): void {
    this.subscription?.unsubscribe();
    for (const kind of configKindNames) this.lists[kind].complete();
    this.settings.complete();
  }

  list<K extends ConfigKind>(kind: K): readonly ConfigOf<K>[] {
    return this.lists[kind].value;
  }

  changes<K extends ConfigKind>(kind: K): Observable<ConfigOf<K>[]> {
    return this.lists[kind].asObservable() as Observable<ConfigOf<K>[]>;
  }

  get<K extends ConfigKind>(kind: K, id: string): ConfigOf<K> | undefined {
    return (this.lists[kind].value as ConfigOf<K>[]).find((doc) => doc.id === id);
  }

  get routingSettings(): RoutingSettings {
    return this.settings.value;
  }

  get routingSettings$(): Observable<RoutingSettings> {
    return this.settings.asObservable();
  }

  /** Validates, stamps and stores a document; a new one (no id) gets a fresh id. */
  async save<K extends ConfigKind>(kind: K, input: unknown): Promise<ConfigOf<K>> {
    const { draft, schema, label } = configLists[kind];
    const parsedDraft = (draft as z.ZodType<{ id?: string | undefined }>).safeParse(input);
    if (!parsedDraft.success) throw new CommandError('invalid_params', `Invalid ${label}: ${describeIssues(parsedDraft.error)}`);
    const now = this.deps.clock();
    const candidate = { ...parsedDraft.data, id: parsedDraft.data.id ?? randomUUID(), updatedAt: now };
    const parsed = (schema as unknown as z.ZodType<ConfigOf<K>>).safeParse(candidate);
    if (!parsed.success) throw new CommandError('invalid_params', `Invalid ${label}: ${describeIssues(parsed.error)}`);
    const doc = parsed.data;
    this.checkReferences(kind, doc);
    await this.deps.db.config.upsert({ id: configId(configLists[kind].kind, doc.id), kind: configLists[kind].kind, updatedAt: now, data: { ...doc } });
    return doc;
  }

  async remove(kind: ConfigKind, id: string): Promise<null> {
    const { label } = configLists[kind];
    const doc = await this.deps.db.config.findOne(configId(configLists[kind].kind, id)).exec();
    if (!doc) throw new CommandError('not_found', `There is no ${label} ${id}.`);
    this.checkNotReferenced(kind, id);
    await doc.remove();
    return null;
  }

  async setRoutingSettings(input: unknown): Promise<RoutingSettings> {
    const patch = RoutingSettingsPatch.safeParse(input);
    if (!patch.success) throw new CommandError('invalid_params', `Invalid routing settings: ${describeIssues(patch.error)}`);
    const defined = Object.fromEntries(Object.entries(patch.data).filter(([, v]) => v !== undefined));
    const next = RoutingSettings.parse({ ...this.settings.value, ...defined });
    await this.deps.db.config.upsert({ id: ROUTING_SETTINGS_ID, kind: 'setting', updatedAt: this.deps.clock(), data: { ...next } });
    return next;
  }

  /** The agent round-robin chose last for the rule (null: start of the rotation). */
  cursor(ruleId: string): string | null {
    return this.cursors.get(ruleId) ?? null;
  }

  cursorsSnapshot(): Record<string, string | null> {
    return Object.fromEntries(this.cursors);
  }

  /**
   * Moves cursors (rule id → agent id): remembered at once and stored, so the rotation survives a
   * restart and is shared by every app. Routing calls this once per batch of decisions.
   */
  async setCursors(moved: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [ruleId, agentId] of moved) this.cursors.set(ruleId, agentId);
    const updatedAt = this.deps.clock();
    await Promise.all([...moved].map(([ruleId, agentId]) => this.storeCursor(ruleId, { agentId }, updatedAt)));
  }

  // -------------------------------------------------------------------------------------

  /**
   * A cursor document once known is kept and patched: one write, where an `upsert` is a failed
   * insert and then an update. Patched from its latest state, so another app's move (synced)
   * is written over without a conflict round.
   */
  private async storeCursor(ruleId: string, data: z.output<typeof CursorData>, updatedAt: number): Promise<void> {
    const kept = this.cursorDocs.get(ruleId)?.getLatest();
    const doc =
      kept && !kept.deleted
        ? await kept.incrementalPatch({ updatedAt, data })
        : await this.deps.db.config.incrementalUpsert({ id: configId('cursor', ruleId), kind: 'cursor', updatedAt, data });
    this.cursorDocs.set(ruleId, doc);
  }

  private rebuild(docs: MirroredDoc<ConfigDoc>[]): void {
    const byKind = new Map<StoredKind, MirroredDoc<ConfigDoc>[]>();
    for (const entry of docs) {
      const list = byKind.get(entry.doc.kind);
      if (list) list.push(entry);
      else byKind.set(entry.doc.kind, [entry]);
    }
    for (const kind of configKindNames) this.rebuildList(kind, byKind.get(configLists[kind].kind) ?? []);
    this.readSettings(byKind.get('setting') ?? []);
    for (const { doc } of byKind.get('cursor') ?? []) {
      const cursor = CursorData.safeParse(doc.data);
      if (cursor.success) this.cursors.set(nameOf(doc), cursor.data.agentId);
    }
  }

  private parseOne<T>(schema: z.ZodType<T>, { doc, rev }: MirroredDoc<ConfigDoc>): T | undefined {
    const cached = this.parsed.get(doc.id);
    if (cached?.rev === rev) return cached.value as T | undefined;
    // The id is the stored one's name and the time the stored one's: a stale copy inside `data` must not win.
    const result = schema.safeParse({ ...doc.data, id: nameOf(doc), updatedAt: doc.updatedAt });
    if (!result.success) this.deps.log(`config: skipping invalid ${doc.kind} ${doc.id}: ${describeIssues(result.error)}`);
    const value = result.success ? result.data : undefined;
    this.parsed.set(doc.id, { rev, value });
    return value;
  }

  private rebuildList<K extends ConfigKind>(kind: K, docs: MirroredDoc<ConfigDoc>[]): void {
    const signature = docs
      .map(({ doc, rev }) => `${doc.id}@${rev}`)
      .sort()
      .join('|');
    if (this.built.get(kind) === signature) return;
    this.built.set(kind, signature);
    const out: ConfigOf<K>[] = [];
    for (const entry of docs) {
      const value = this.parseOne(configLists[kind].schema as unknown as z.ZodType<ConfigOf<K>>, entry);
      if (value !== undefined) out.push(value);
    }
    out.sort(byOrderThenId as (a: ConfigOf<K>, b: ConfigOf<K>) => number);
    (this.lists[kind] as BehaviorSubject<ConfigOf<K>[]>).next(out);
  }

  private readSettings(docs: MirroredDoc<ConfigDoc>[]): void {
    const stored = docs.find(({ doc }) => doc.id === ROUTING_SETTINGS_ID);
    let next = defaultRoutingSettings();
    if (stored) {
      const cached = this.parsed.get(stored.doc.id);
      let value: RoutingSettings | undefined;
      if (cached?.rev === stored.rev) value = cached.value as RoutingSettings | undefined;
      else {
        const result = RoutingSettings.safeParse(stored.doc.data);
        if (!result.success) this.deps.log(`config: invalid routing settings, using defaults: ${describeIssues(result.error)}`);
        value = result.success ? result.data : undefined;
        this.parsed.set(stored.doc.id, { rev: stored.rev, value });
      }
      next = value ?? next;
    }
    if (JSON.stringify(next) !== JSON.stringify(this.settings.value)) this.settings.next(next);
  }

  private checkReferences<K extends ConfigKind>(kind: K, doc: ConfigOf<K>): void {
    if (kind === 'slaPolicies') {
      const { calendarId } = doc as SlaPolicy;
      if (calendarId !== null && !this.get('calendars', calendarId)) {
        throw new CommandError('invalid_params', `Invalid SLA policy: calendarId: there is no calendar ${calendarId}`);
      }
    }
    if (kind === 'escalationPolicies') {
      const { slaPolicyId } = doc as EscalationPolicy;
      if (slaPolicyId !== null && !this.get('slaPolicies', slaPolicyId)) {
        throw new CommandError('invalid_params', `Invalid escalation policy: slaPolicyId: there is no SLA policy ${slaPolicyId}`);
      }
    }
    if (kind === 'templates') {
      const { id, shortcut } = doc as Template;
      const clash = this.list('templates').find((t) => t.id !== id && t.shortcut.toLowerCase() === shortcut.toLowerCase());
      if (clash) throw new CommandError('conflict', `The shortcut /${shortcut} is already used by "${clash.title}".`);
    }
  }

  private checkNotReferenced(kind: ConfigKind, id: string): void {
    if (kind === 'calendars') {
      const user = this.list('slaPolicies').find((p) => p.calendarId === id);
      if (user) throw new CommandError('conflict', `The SLA policy "${user.name}" counts in this calendar; change it first.`);
    }
    if (kind === 'slaPolicies') {
      const user = this.list('escalationPolicies').find((p) => p.slaPolicyId === id);
      if (user) throw new CommandError('conflict', `The escalation policy "${user.name}" escalates this SLA policy; change it first.`);
    }
  }
}
