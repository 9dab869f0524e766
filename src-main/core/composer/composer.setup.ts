// Builds the composer service for startCore and hands back its bridge handlers (composer.*,
// prefs). Main process.
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { Ticket } from '../../../src-preload/contract';
import type { composerCommands, composerLiveQueries } from '../../../src-preload/contract/composer.contract';
import type { Template } from '../../../src-preload/contract/config.contract';
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import { ComposerService } from './composer.service';
import { DraftStore } from './draft.store';
import { PrefsStore } from './prefs.store';

type ComposerCommandName = Exclude<keyof typeof composerCommands, 'agents.update'>;
type ComposerCommands = Pick<typeof composerCommands, ComposerCommandName>;
export type ComposerCommandHandlers = {
  [N in keyof ComposerCommands]: (params: z.output<ComposerCommands[N]['params']>) => Promise<z.output<ComposerCommands[N]['result']>>;
};
export type ComposerLiveQueryHandlers = {
  [N in keyof typeof composerLiveQueries]: (
    params: z.output<(typeof composerLiveQueries)[N]['params']>,
  ) => Observable<z.output<(typeof composerLiveQueries)[N]['result']>>;
};

export interface ComposerSetupDeps {
  db: TopicdeskDatabase;
  local: LocalState;
  clock: () => number;
  me: () => Me | null;
  /** The signed-in agent's id as it changes. */
  meId$: Observable<string | null>;
  ticket: (ticketId: string) => Ticket | undefined;
  template: (templateId: string) => Template | undefined;
  currentOrder: (ticketId: string) => Promise<OrderView | null>;
  agentName?: (agentId: string) => string | undefined;
  timeZone?: string;
}

export interface ComposerSetup {
  readonly service: ComposerService;
  readonly drafts: DraftStore;
  readonly commands: ComposerCommandHandlers;
  readonly liveQueries: ComposerLiveQueryHandlers;
}

export function createComposer(deps: ComposerSetupDeps): ComposerSetup {
  const drafts = new DraftStore({ local: deps.local, localstate: deps.db.localstate, clock: deps.clock });
  const prefs = new PrefsStore({
    local: deps.local,
    localstate: deps.db.localstate,
    meId: () => deps.me()?.agentId ?? null,
    meId$: deps.meId$,
  });
  const service = new ComposerService({
    ticket: deps.ticket,
    template: deps.template,
    currentOrder: deps.currentOrder,
    me: deps.me,
    agentName: deps.agentName,
    drafts,
    prefs,
    timeZone: deps.timeZone,
  });
  return {
    service,
    drafts,
    commands: {
      'composer.renderTemplate': (params) => service.renderTemplate(params),
      'composer.check': (params) => service.check(params),
      'composer.saveDraft': (params) => service.saveDraft(params),
      'prefs.set': (patch) => service.setPrefs(patch),
    },
    liveQueries: {
      'composer.draft': (params) => service.draft$(params),
      prefs: () => service.prefs$(),
    },
  };
}
