// Which local documents the team server's rules would accept from this sync user, so the core
// does not send what they refuse. Only the rules that depend on the role alone are mirrored here,
// from the same tables the server's validate_doc_update is built from: configuration is for
// leads except the kinds any agent's app writes (round-robin cursors), and an agent may change
// only their own agent document. Content rules (ticket status moves, message edits, append-only
// events) stay with the server; what it refuses there is repaired by the sync service.
// Pure; core only.
import type { SharedCollection } from '../db/database';
import { memberWritableConfigKinds, type ConfigKind } from '../db/schemas/config.schema';

/** The roles that may change everything (`_admin` is a CouchDB server admin). */
const LEAD_ROLES = new Set(['lead', 'admin', '_admin']);

/** An agent's sync user is `tg<telegram user id>` and owns `agent:<telegram user id>`. */
const AGENT_USER = /^tg(\d+)$/;

export interface PushSubject {
  collection: SharedCollection;
  doc: Record<string, unknown>;
  username: string;
  /** The user's roles as the server last said; null while unknown (then everything is sent). */
  roles: readonly string[] | null;
}

export function isLeadRole(roles: readonly string[]): boolean {
  return roles.some((role) => LEAD_ROLES.has(role));
}

export function mayPush({ collection, doc, username, roles }: PushSubject): boolean {
  if (roles === null || isLeadRole(roles)) return true;
  if (collection === 'config') return typeof doc.kind === 'string' && memberWritableConfigKinds.includes(doc.kind as ConfigKind);
  if (collection === 'agents') {
    const tgUserId = AGENT_USER.exec(username)?.[1];
    return tgUserId !== undefined && doc.id === `agent:${tgUserId}`;
  }
  return true;
}
