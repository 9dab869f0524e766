// The user ↔ agent mapping the rules and the users CLI share.
import { describe, expect, it } from 'vitest';
import { agentDocumentId, syncUserNameForAgent, tgUserIdOfSyncUser } from './agent.identity';

describe('agent identity', () => {
  it('maps a Telegram user to a sync user and an agent document, and back', () => {
    expect(syncUserNameForAgent('123456789')).toBe('tg123456789');
    expect(tgUserIdOfSyncUser('tg123456789')).toBe('123456789');
    expect(agentDocumentId('123456789')).toBe('agent:123456789');
  });

  it('knows non-agent users and refuses non-numeric ids', () => {
    for (const name of ['lena', 'tg', 'tg12a', 'xtg12', 'TG12']) expect(tgUserIdOfSyncUser(name), name).toBeNull();
    expect(() => syncUserNameForAgent('@lena')).toThrow(/digits/);
  });
});
