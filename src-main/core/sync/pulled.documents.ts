// What a document from the sync server must look like before the core stores it: the contract's
// zod schemas per collection, applied at the network boundary (pulled changes, refused writes).
// Pure; core only.
import { z } from 'zod';
import { ActivityEvent, Agent, Message, Ticket, deliveryStates } from '../../../src-preload/contract';
import type { SharedCollection } from '../db/database';
import { configKinds } from '../db/schemas/config.schema';

const MessageDocument = Message.extend({ deliveryState: z.enum([...deliveryStates, 'none', 'replaced']) });
/** The storage shape of config documents; each kind's body is checked where it is read. */
const ConfigDocument = z.object({
  id: z.string().min(1),
  kind: z.enum(configKinds),
  updatedAt: z.number(),
  data: z.record(z.string(), z.unknown()),
});

const documentSchemas: Record<SharedCollection, z.ZodType> = {
  tickets: Ticket,
  messages: MessageDocument,
  agents: Agent,
  events: ActivityEvent,
  config: ConfigDocument,
};

/** A CouchDB document as it comes over the wire: `_id`, `_rev`, maybe `_deleted`, and the fields. */
export const CouchDocument = z.looseObject({ _id: z.string(), _rev: z.string().optional(), _deleted: z.boolean().optional() });
export type CouchDocument = z.infer<typeof CouchDocument>;

export type DocumentCheck = { ok: true } | { ok: false; issues: string[] };

/** Deleted documents arrive as stubs and are not checked; everything else must match the collection. */
export function checkPulledDocument(collection: SharedCollection, doc: CouchDocument): DocumentCheck {
  if (doc._deleted === true) return { ok: true };
  const { _id, _rev: _r, ...fields } = doc;
  const parsed = documentSchemas[collection].safeParse({ ...fields, id: _id });
  if (parsed.success) return { ok: true };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`) };
}
