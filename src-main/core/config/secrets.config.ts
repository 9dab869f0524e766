// Which secret store the headless host uses: a file encrypted with TOPICDESK_SECRET_KEY,
// or memory only (with a warning) when no key is given. The desktop app uses the OS
// keychain instead (src-main/electron/safe-storage.secret-store.ts).
import { join } from 'node:path';
import { EncryptedFileSecretStore } from '../secrets/encrypted-file.secret-store';
import { MemorySecretStore, type SecretStore } from '../secrets/secret.store';

export function hostSecretStore(dataDir: string, env: NodeJS.ProcessEnv): SecretStore {
  const key = env.TOPICDESK_SECRET_KEY;
  if (!key) return new MemorySecretStore();
  return new EncryptedFileSecretStore(join(dataDir, 'secrets.enc.json'), key);
}
