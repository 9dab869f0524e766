// Secrets in one file, encrypted with AES-256-GCM under a key derived (scrypt) from a
// passphrase the user supplies (TOPICDESK_SECRET_KEY in the headless host). A wrong key
// or a tampered file is an error, never garbage.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from './secret.store';

const FileFormat = z.object({
  version: z.literal(1),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export class SecretKeyError extends Error {}

export class EncryptedFileSecretStore implements SecretStore {
  readonly persistent = true;
  readonly description: string;

  constructor(
    private readonly file: string,
    private readonly passphrase: string,
  ) {
    if (passphrase.length < 12) throw new SecretKeyError('The secret key must be at least 12 characters.');
    this.description = `encrypted file ${file}`;
  }

  private key(salt: Buffer): Buffer {
    return scryptSync(this.passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    const parsed = FileFormat.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) throw new SecretKeyError(`${this.file} is not a Topicdesk secrets file.`);
    const { salt, iv, tag, data } = parsed.data;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(Buffer.from(salt, 'base64')), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      return z.record(z.string(), z.string()).parse(JSON.parse(plain));
    } catch {
      throw new SecretKeyError(`Cannot open ${this.file}: the secret key is wrong or the file was changed.`);
    }
  }

  private writeAll(values: Record<string, string>): void {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(salt), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
    const content = { version: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves half a file.
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(content), { mode: 0o600 });
    renameSync(temp, this.file);
  }

  async get(name: string): Promise<string | null> {
    return this.readAll()[name] ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    this.writeAll({ ...this.readAll(), [name]: value });
  }

  async delete(name: string): Promise<void> {
    const { [name]: _, ...rest } = this.readAll();
    this.writeAll(rest);
  }
}
