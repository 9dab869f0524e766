// Types for the parts of express-pouchdb 4.2.0 (plain JS, no types of its own) that the sync
// server uses. Compile-time only; the shapes follow express-pouchdb/lib/index.js.
declare module 'express-pouchdb' {
  import type { Express } from 'express';

  function expressPouchDB(options?: expressPouchDB.Options): expressPouchDB.App;

  namespace expressPouchDB {
    interface CouchConfig {
      set(section: string, key: string, value: unknown, callback: (error?: unknown) => void): void;
      get(section: string, key: string): unknown;
    }

    interface DatabaseWrapper {
      /** Called once per database object before express-pouchdb serves it; call `next()` when done. */
      registerWrapper(wrapper: (name: string, db: unknown, next: () => unknown) => unknown): void;
      wrap(name: string, db: unknown): Promise<unknown>;
    }

    interface App extends Express {
      couchConfig: CouchConfig;
      dbWrapper: DatabaseWrapper;
      daemonManager: { stop(pouch: unknown): Promise<void> };
      setPouchDB(pouch: unknown): Promise<void>;
    }

    interface Options {
      mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
      overrideMode?: { include?: string[]; exclude?: string[] };
      configPath?: string;
      logPath?: string;
      inMemoryConfig?: boolean;
    }
  }

  export = expressPouchDB;
}
