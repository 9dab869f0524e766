// The per-collection conflict handlers RxDB calls when a push finds that the server's copy changed
// since this app last saw it (wired into the collections in db/database.ts). Pure, core only.
// Tickets and messages merge by rules/conflict.merge.ts; agents and the config collections keep
// the later `updatedAt`; events keep the first write. Every tie is broken by content, so all apps
// settle on the same document whichever side resolves the conflict.
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { ActivityEvent, Agent, Ticket } from '../../../src-preload/contract';
import type { ConfigDoc } from '../db/schemas/config.schema';
import type { MessageDoc } from '../db/schemas/messages.schema';
import { mergeMessage, mergeTicket } from '../rules/conflict.merge';

/** Storage bookkeeping that never reaches the server, so it never makes two documents differ. */
const BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/** JSON with sorted keys and without undefined members: equal content gives equal text. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** What the server would store of a document: its fields and whether it is deleted. */
export function documentContent(doc: object): Record<string, unknown> {
  const content: Record<string, unknown> = { _deleted: false };
  for (const [key, value] of Object.entries(doc)) if (!BOOKKEEPING.has(key)) content[key] = value;
  content._deleted = content._deleted === true;
  return content;
}

/** The same stored content (key order, `_meta`/`_rev` and empty attachments aside). */
export function sameDocument(a: object, b: object): boolean {
  return stableStringify(documentContent(a)) === stableStringify(documentContent(b));
}

function laterByTime<T extends object>(local: WithDeleted<T>, remote: WithDeleted<T>, timeOf: (doc: T) => number): WithDeleted<T> {
  const lt = timeOf(local);
  const rt = timeOf(remote);
  if (lt !== rt) return lt > rt ? local : remote;
  // Same time, different content: the content that sorts last, the same answer on every app.
  return stableStringify(documentContent(local)) >= stableStringify(documentContent(remote)) ? local : remote;
}

const updatedAtOf = (doc: { updatedAt?: unknown }): number => (typeof doc.updatedAt === 'number' ? doc.updatedAt : -Infinity);

/** Tickets: assignment first-claim-wins, legal status moves only, the rest per field by its clock. */
export const ticketConflictHandler: RxConflictHandler<Ticket> = {
  isEqual: (a, b) => sameDocument(a, b),
  // Tickets are never deleted (the server refuses it); should one be, the server's copy stands.
  resolve: async ({ newDocumentState: local, realMasterState: remote }) =>
    local._deleted || remote._deleted ? remote : mergeTicket(local, remote),
};

/** `deliveryState` mirrors `delivery.state`, except that a reply its Telegram copies replaced stays replaced. */
export function deliveryStateAfterMerge(local: MessageDoc, remote: MessageDoc, merged: MessageDoc): MessageDoc['deliveryState'] {
  const replaced = local.deliveryState === 'replaced' || remote.deliveryState === 'replaced';
  if (replaced && merged.delivery?.state === 'sent') return 'replaced';
  return merged.delivery?.state ?? 'none';
}

/** Messages: delivery only moves forward, the latest edit wins, deletion (the flag) sticks. */
export const messageConflictHandler: RxConflictHandler<MessageDoc> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ newDocumentState: local, realMasterState: remote }) => {
    if (local._deleted || remote._deleted) return remote;
    const merged = mergeMessage(local, remote);
    return { ...merged, deliveryState: deliveryStateAfterMerge(local, remote, merged) };
  },
};

/** Agents: the later `updatedAt` wins the whole document. */
export const agentConflictHandler: RxConflictHandler<Agent> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ newDocumentState, realMasterState }) => laterByTime(newDocumentState, realMasterState, updatedAtOf),
};

/** Config (templates, SLA policies, calendars, escalation policies, routing rules, settings, cursors): later `updatedAt` wins. */
export const configConflictHandler: RxConflictHandler<ConfigDoc> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ newDocumentState, realMasterState }) => laterByTime(newDocumentState, realMasterState, updatedAtOf),
};

/** Events are facts with deterministic ids where several apps record the same one: the first write stands. */
export const eventConflictHandler: RxConflictHandler<ActivityEvent> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ realMasterState }) => realMasterState,
};
