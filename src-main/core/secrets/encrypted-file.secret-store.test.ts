import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, SecretKeyError } from './encrypted-file.secret-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'td-secrets-'));
  dirs.push(dir);
  return join(dir, 'secrets.json');
};

describe('EncryptedFileSecretStore', () => {
  it('keeps secrets across instances and never writes them in the clear', async () => {
    const path = file();
    await new EncryptedFileSecretStore(path, 'correct horse battery').set('telegram.session', '1BQANOTSECRETAT4LL');
    expect(readFileSync(path, 'utf8')).not.toContain('1BQANOTSECRETAT4LL');
    const again = new EncryptedFileSecretStore(path, 'correct horse battery');
    expect(await again.get('telegram.session')).toBe('1BQANOTSECRETAT4LL');
    await again.delete('telegram.session');
    expect(await again.get('telegram.session')).toBeNull();
  });

  it('refuses a wrong key and a tampered file with a clear error', async () => {
    const path = file();
    await new EncryptedFileSecretStore(path, 'correct horse battery').set('a', 'b');
    await expect(new EncryptedFileSecretStore(path, 'wrong horse battery').get('a')).rejects.toThrow(/secret key is wrong/);
    const content = JSON.parse(readFileSync(path, 'utf8'));
    content.data = Buffer.from('tampered').toString('base64');
    writeFileSync(path, JSON.stringify(content));
    await expect(new EncryptedFileSecretStore(path, 'correct horse battery').get('a')).rejects.toBeInstanceOf(SecretKeyError);
  });

  it('asks for a key long enough to mean something', () => {
    expect(() => new EncryptedFileSecretStore(file(), 'short')).toThrow(SecretKeyError);
  });
});
