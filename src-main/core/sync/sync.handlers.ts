// The contract's `sync.*` commands and live query, mapped to the sync service. Typed from
// sync.contract.ts alone, so startCore spreads them into its handler map. Core only.
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { syncCommands, syncLiveQueries } from '../../../src-preload/contract/sync.contract';
import type { SyncService } from './sync.service';

type Commands = typeof syncCommands;
type LiveQueries = typeof syncLiveQueries;

export type SyncCommandHandlers = {
  [N in keyof Commands]: (params: z.output<Commands[N]['params']>) => Promise<z.output<Commands[N]['result']>>;
};
export type SyncLiveQueryHandlers = {
  [N in keyof LiveQueries]: (params: z.output<LiveQueries[N]['params']>) => Observable<z.output<LiveQueries[N]['result']>>;
};

export function syncHandlers(sync: SyncService): { commands: SyncCommandHandlers; liveQueries: SyncLiveQueryHandlers } {
  return {
    commands: {
      'sync.configure': (config) => sync.configure(config),
      'sync.disable': () => sync.configure(null),
      'sync.resume': async () => {
        sync.resume();
        return sync.settings;
      },
    },
    liveQueries: {
      'sync.settings': () => sync.settings$,
    },
  };
}
