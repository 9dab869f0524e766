// Preloaded with `--import` when the bench runs under plain Node/tsx: rxdb 17.6.0's denokv storage imports a
// package named `rxdb-old` by mistake (see /work/shared/briefs/rxdb.md); this registers a resolve hook that maps it to rxdb.
import { register } from 'node:module';

register('./rxdb-old-alias.hooks.mjs', import.meta.url);
