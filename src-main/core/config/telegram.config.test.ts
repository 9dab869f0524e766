import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/secret.store';
import { hostSecretStore } from './secrets.config';
import { telegramCredentialsFrom } from './telegram.config';

describe('configuration from the environment', () => {
  it('needs a numeric api id and a 32-hex api hash', () => {
    expect(telegramCredentialsFrom({})).toBeNull();
    expect(telegramCredentialsFrom({ TOPICDESK_TG_API_ID: 'abc', TOPICDESK_TG_API_HASH: '0'.repeat(32) })).toBeNull();
    expect(telegramCredentialsFrom({ TOPICDESK_TG_API_ID: '12345', TOPICDESK_TG_API_HASH: 'a'.repeat(32) })).toEqual({ apiId: 12345, apiHash: 'a'.repeat(32) });
  });

  it('keeps secrets in memory without a key, encrypted on disk with one', () => {
    expect(hostSecretStore('/tmp/x', {})).toBeInstanceOf(MemorySecretStore);
    expect(hostSecretStore('/tmp/x', { TOPICDESK_SECRET_KEY: 'a long enough passphrase' }).persistent).toBe(true);
  });
});
