// Where secrets (the Telegram session, the Shopline token) live: never in the database.
// The desktop app uses the OS keychain (Electron safeStorage, src-main/electron); the
// headless host a file encrypted with a key the user supplies, or memory with a warning.

export interface SecretStore {
  /** Human-readable: where secrets go, for the status line and logs. */
  readonly description: string;
  /** False when secrets are lost at exit (memory only). */
  readonly persistent: boolean;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  readonly description = 'memory only: you will have to sign in again after a restart';
  readonly persistent = false;
  private readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name) ?? null;
  }
  async set(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}
