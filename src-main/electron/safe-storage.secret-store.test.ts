import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, SecretStoreUnavailableError, type SafeStorageApi } from './safe-storage.secret-store';

/** A keychain stand-in: reversible, keyed, and visibly not plain text. */
function keychain(options: { available?: boolean; backend?: string; key?: number } = {}): SafeStorageApi & { available: boolean } {
  const key = options.key ?? 7;
  return {
    available: options.available ?? true,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (text) => Buffer.from(Buffer.from(`v10${key}:${text}`).map((b) => b ^ key)),
    decryptString: (data) => {
      const text = Buffer.from(data.map((b) => b ^ key)).toString();
      if (!text.startsWith(`v10${key}:`)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(`v10${key}:`.length);
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'td-safe-'));
  dirs.push(dir);
  return join(dir, 'userData', 'secrets.json');
};

describe('SafeStorageSecretStore', () => {
  it('keeps secrets across restarts, encrypted on disk, readable only by the owner', async () => {
    const path = file();
    await new SafeStorageSecretStore(keychain(), path, 'linux').set('telegram.session', '1BQANOTSECRET');
    expect(readFileSync(path, 'utf8')).not.toContain('1BQANOTSECRET');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = new SafeStorageSecretStore(keychain(), path, 'linux');
    expect(await again.get('telegram.session')).toBe('1BQANOTSECRET');
    expect(await again.get('shopline.token')).toBeNull();
    await again.delete('telegram.session');
    expect(await again.get('telegram.session')).toBeNull();
  });

  it('keeps other secrets when one changes', async () => {
    const store = new SafeStorageSecretStore(keychain(), file(), 'darwin');
    await store.set('a', '1');
    await store.set('b', '2');
    await store.set('a', '3');
    expect([await store.get('a'), await store.get('b')]).toEqual(['3', '2']);
  });

  it('refuses to store when the keychain cannot encrypt, and says why', async () => {
    const path = file();
    const store = new SafeStorageSecretStore(keychain({ available: false }), path, 'linux');
    await expect(store.set('telegram.session', 'x')).rejects.toThrow(SecretStoreUnavailableError);
    await expect(store.set('telegram.session', 'x')).rejects.toThrow(/keyring is not available.*GNOME Keyring or KWallet/);
    expect(() => readFileSync(path)).toThrow();
    expect(store.description).toMatch(/^not stored: /);
  });

  it('refuses Linux’s "basic_text" fallback, which is a fixed public key', async () => {
    const store = new SafeStorageSecretStore(keychain({ backend: 'basic_text' }), file(), 'linux');
    await expect(store.set('telegram.session', 'x')).rejects.toThrow(/well-known key/);
    // The same backend name means nothing on other systems.
    await expect(new SafeStorageSecretStore(keychain({ backend: 'basic_text' }), file(), 'win32').set('a', 'b')).resolves.toBeUndefined();
  });

  it('describes where secrets go', () => {
    expect(new SafeStorageSecretStore(keychain(), '/u/secrets.json', 'linux').description).toBe('the system keychain (gnome_libsecret), in /u/secrets.json');
    expect(new SafeStorageSecretStore(keychain(), '/u/secrets.json', 'darwin').description).toBe('the system keychain, in /u/secrets.json');
  });

  it('treats a secret it can no longer decrypt, or a damaged file, as absent', async () => {
    const path = file();
    await new SafeStorageSecretStore(keychain({ key: 7 }), path, 'darwin').set('telegram.session', 'x');
    const logged: string[] = [];
    const otherKey = new SafeStorageSecretStore(keychain({ key: 9 }), path, 'darwin', (m) => logged.push(m));
    expect(await otherKey.get('telegram.session')).toBeNull();
    expect(logged).toEqual(['secret telegram.session can no longer be decrypted']);
    writeFileSync(path, 'garbage');
    expect(await new SafeStorageSecretStore(keychain(), path, 'darwin').get('telegram.session')).toBeNull();
  });

  it('reads nothing while the keychain is locked, and works once it opens', async () => {
    const path = file();
    const chain = keychain();
    const store = new SafeStorageSecretStore(chain, path, 'linux');
    await store.set('telegram.session', 'x');
    chain.available = false;
    expect(await store.get('telegram.session')).toBeNull();
    chain.available = true;
    expect(await store.get('telegram.session')).toBe('x');
  });
});
