// The desktop app's secret store: each secret encrypted with the OS keychain (Electron
// safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux) and kept in
// one file in userData. It refuses to store a secret it cannot encrypt. Main process.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../core/secrets/secret.store';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring safeStorage found. */
  getSelectedStorageBackend(): string;
}

const FileFormat = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

export class SecretStoreUnavailableError extends Error {}

export class SafeStorageSecretStore implements SecretStore {
  /** What it stores survives restarts; when it cannot encrypt, it stores nothing (never memory). */
  readonly persistent = true;

  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly file: string,
    private readonly platform: NodeJS.Platform,
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {}

  /** Why secrets cannot be encrypted right now, or null when they can. */
  unavailableReason(): string | null {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return this.platform === 'linux'
        ? 'the system keyring is not available (install and unlock GNOME Keyring or KWallet, then restart Topicdesk)'
        : 'the system keychain is not available to Topicdesk';
    }
    // Without a keyring, Chromium on Linux "encrypts" with a fixed, public password.
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no system keyring was found, and Topicdesk will not keep your session under a well-known key (install and unlock GNOME Keyring or KWallet, then restart Topicdesk)';
    }
    return null;
  }

  get description(): string {
    const reason = this.unavailableReason();
    if (reason) return `not stored: ${reason}`;
    const backend = this.platform === 'linux' ? ` (${this.safeStorage.getSelectedStorageBackend()})` : '';
    return `the system keychain${backend}, in ${this.file}`;
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      return FileFormat.parse(JSON.parse(readFileSync(this.file, 'utf8'))).secrets;
    } catch (error) {
      this.log(`${this.file} is not a Topicdesk secrets file; ignoring it`, error);
      return {};
    }
  }

  private writeAll(secrets: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, secrets }), { mode: 0o600 });
    renameSync(temp, this.file);
  }

  async get(name: string): Promise<string | null> {
    const encrypted = this.readAll()[name];
    if (encrypted === undefined) return null;
    if (this.unavailableReason()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch (error) {
      // The keychain entry changed (new OS user, reinstalled keyring): the user signs in again.
      this.log(`secret ${name} can no longer be decrypted`, error);
      return null;
    }
  }

  async set(name: string, value: string): Promise<void> {
    const reason = this.unavailableReason();
    if (reason) throw new SecretStoreUnavailableError(`Topicdesk cannot save ${name} securely: ${reason}.`);
    this.writeAll({ ...this.readAll(), [name]: this.safeStorage.encryptString(value).toString('base64') });
  }

  async delete(name: string): Promise<void> {
    const { [name]: removed, ...rest } = this.readAll();
    if (removed !== undefined) this.writeAll(rest);
  }
}
