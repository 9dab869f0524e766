// How a sync-server user maps to a Topicdesk agent: the CouchDB user `tg<telegram user id>`
// owns the agent document `agent:<telegram user id>`. Pure; used by the users CLI, the
// permission rules (embedded in validate_doc_update) and, on the app side, the core.

/** The CouchDB user name an agent signs in to the sync server with. */
export function syncUserNameForAgent(tgUserId: string): string {
  if (!/^\d+$/.test(tgUserId)) throw new Error(`A Telegram user id is digits only, not "${tgUserId}".`);
  return `tg${tgUserId}`;
}

/** Sync user names that belong to an agent; the Telegram user id is the first group. */
export const AGENT_USER_PATTERN = '^tg(\\d+)$';

/** The Telegram user id behind a sync user name, or null for users that are not agents (e.g. `alice`). */
export function tgUserIdOfSyncUser(name: string): string | null {
  const match = new RegExp(AGENT_USER_PATTERN).exec(name);
  return match?.[1] ?? null;
}

/** The agent document id of a Telegram user, as the agents collection keys it. */
export const agentDocumentId = (tgUserId: string): string => `agent:${tgUserId}`;

/** The fields an agent may change on their own agent document; everything else is for leads. */
export const agentSelfServiceFields = ['availability', 'updatedAt'] as const;
