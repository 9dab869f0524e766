// The signed-in agent's own preferences on this device (LocalState `prefs.<agentId>`): each
// agent who signs in here gets their own, and both shells (desktop and headless) read the same
// value. Main process.
import { distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { CommandError } from '../../../src-preload/contract';
import { defaultPrefs, Prefs } from '../../../src-preload/contract/composer.contract';
import type { LocalState } from '../db/local-state';
import type { LocalStateDoc } from '../db/schemas/local-state.schema';

export const prefsKey = (agentId: string): string => `prefs.${agentId}`;

/** Stored JSON over the defaults, so a preference added later has its default for old records. */
export function parsePrefs(json: string | undefined): Prefs {
  if (json === undefined) return defaultPrefs;
  try {
    const parsed = Prefs.partial().safeParse(JSON.parse(json));
    return parsed.success ? { ...defaultPrefs, ...stripUndefined(parsed.data) } : defaultPrefs;
  } catch {
    return defaultPrefs;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface PrefsStoreDeps {
  local: LocalState;
  localstate: RxCollection<LocalStateDoc>;
  /** The signed-in agent's id now, and as it changes (sign-in, sign-out). */
  meId: () => string | null;
  meId$: Observable<string | null>;
}

export class PrefsStore {
  constructor(private readonly deps: PrefsStoreDeps) {}

  async set(patch: Partial<Prefs>): Promise<Prefs> {
    const agentId = this.deps.meId();
    if (!agentId) throw new CommandError('unauthorized', 'Sign in before changing your preferences.');
    const key = prefsKey(agentId);
    const doc = await this.deps.localstate.findOne(key).exec();
    const next: Prefs = { ...parsePrefs(doc?.json), ...stripUndefined(patch) };
    await this.deps.local.set(key, next);
    return next;
  }

  prefs$(): Observable<Prefs> {
    return this.deps.meId$.pipe(
      distinctUntilChanged(),
      switchMap((agentId) =>
        agentId === null ? of(defaultPrefs) : this.deps.localstate.findOne(prefsKey(agentId)).$.pipe(map((doc) => parsePrefs(doc?.json))),
      ),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    );
  }
}
