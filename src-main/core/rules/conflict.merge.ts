// Conflict merges for replicated tickets and messages (pure; wired into RxDB's per-collection
// conflictHandler as resolve({ newDocumentState: local, realMasterState: remote })).
// Tickets: first claim wins the assignment unless the local change is an explicit reassign;
// status only takes a legal move; per-field last-writer-wins by `fieldTimes` for the rest;
// activity counters and times never go back. Messages: delivery only moves forward, the
// latest edit wins, deletion sticks. Every tie is broken by value so all apps agree.
import type { Delivery, Message, Ticket } from '../../../src-preload/contract';
import { ASSIGNMENT_TIME_KEYS, isExplicitReassign } from './assignment.marks';
import { canTransition } from './status.transitions';

/** JSON with sorted object keys: a total, machine-independent order for tie-breaks. */
function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || stableStringify(a) === stableStringify(b);
}

/** Of two different values, the one that sorts last; the same answer whichever comes first. */
function tieBreak<V>(a: V, b: V): V {
  return stableStringify(a) >= stableStringify(b) ? a : b;
}

const timeOf = (doc: Pick<Ticket, 'fieldTimes'>, key: string): number => doc.fieldTimes[key] ?? -Infinity;

const maxNullable = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const minNullable = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** Fields merged last-writer-wins, each by its own `fieldTimes` entry. */
const LWW_FIELDS = [
  'subject',
  'customer',
  'priority',
  'tags',
  'category',
  'queue',
  'source',
  'chatId',
  'topicId',
  'topicClosed',
  'slaPolicyId',
  'slaDueAt',
  'slaState',
  'orderRefs',
] as const satisfies ReadonlyArray<keyof Ticket>;

type Side = 'local' | 'remote';

function lwwSide(local: Ticket, remote: Ticket, field: string, a: unknown, b: unknown): Side {
  if (sameValue(a, b)) return 'remote';
  const lt = timeOf(local, field);
  const rt = timeOf(remote, field);
  if (lt !== rt) return lt > rt ? 'local' : 'remote';
  return tieBreak(a, b) === a ? 'local' : 'remote';
}

/** Status moves with its timestamps: a legal, newer local move wins; otherwise the server's stands. */
function statusSide(local: Ticket, remote: Ticket): Side {
  const lt = timeOf(local, 'status');
  const rt = timeOf(remote, 'status');
  if (local.status === remote.status) {
    const a = [local.resolvedAt, local.closedAt];
    const b = [remote.resolvedAt, remote.closedAt];
    if (sameValue(a, b) || rt > lt) return 'remote';
    if (lt > rt) return 'local';
    return tieBreak(a, b) === a ? 'local' : 'remote';
  }
  return lt > rt && canTransition(remote.status, local.status) ? 'local' : 'remote';
}

/**
 * First claim wins: once the server has an assignee, a different local value replaces it
 * only if it was an explicit reassign (see assignment.marks) made after the server's change.
 * While the server has nobody, the later change wins (a claim, or a later explicit unassign).
 */
function assignmentSide(local: Ticket, remote: Ticket): Side | 'same' {
  if (local.assigneeId === remote.assigneeId) return 'same';
  const lt = timeOf(local, 'assigneeId');
  const rt = timeOf(remote, 'assigneeId');
  if (remote.assigneeId === null) return lt > rt ? 'local' : 'remote';
  return isExplicitReassign(local) && lt > rt ? 'local' : 'remote';
}

/**
 * Unread counts only grow, except that a mark-as-read made after everything the other side
 * had seen arrived resets them: so reads propagate and no unread message is lost.
 */
function mergeUnread(local: Ticket, remote: Ticket): number {
  if (local.unreadCount === remote.unreadCount) return local.unreadCount;
  const lt = timeOf(local, 'unreadCount');
  const rt = timeOf(remote, 'unreadCount');
  if (lt !== rt) {
    const [later, earlier] = lt > rt ? [local, remote] : [remote, local];
    if (later.unreadCount < earlier.unreadCount && timeOf(later, 'unreadCount') >= earlier.lastMessageAt) return later.unreadCount;
  }
  return Math.max(local.unreadCount, remote.unreadCount);
}

function setTimes(target: Record<string, number>, source: Ticket, keys: readonly string[]): void {
  for (const key of keys) {
    const t = source.fieldTimes[key];
    if (t === undefined) delete target[key];
    else target[key] = t;
  }
}

/**
 * Merge the local fork of a ticket with the server's master state. Deterministic; idempotent
 * (`merge(x, x)` is `x`, merging the result with the same master again changes nothing);
 * commutative except for the deliberately one-sided assignment and status rules.
 */
export function mergeTicket<T extends Ticket>(local: T, remote: T): T {
  const pick = <V>(side: Side, l: V, r: V): V => (side === 'local' ? l : r);
  const fieldTimes: Record<string, number> = { ...remote.fieldTimes };
  for (const [key, t] of Object.entries(local.fieldTimes)) fieldTimes[key] = Math.max(t, fieldTimes[key] ?? -Infinity);

  const merged: Record<string, unknown> = {};
  for (const field of LWW_FIELDS) {
    merged[field] = pick(lwwSide(local, remote, field, local[field], remote[field]), local[field], remote[field]);
  }

  const level = lwwSide(local, remote, 'escalationLevel', local.escalationLevel, remote.escalationLevel);
  merged.escalationLevel =
    timeOf(local, 'escalationLevel') === timeOf(remote, 'escalationLevel')
      ? Math.max(local.escalationLevel, remote.escalationLevel)
      : pick(level, local.escalationLevel, remote.escalationLevel);

  const statusGroup = (t: Ticket) => [t.status, t.resolvedAt, t.closedAt];
  const statusDoc = pick(statusSide(local, remote), local, remote);
  merged.status = statusDoc.status;
  merged.resolvedAt = statusDoc.resolvedAt;
  merged.closedAt = statusDoc.closedAt;
  // The clock goes with the value that stood, so a rejected newer move cannot win a later merge.
  if (!sameValue(statusGroup(local), statusGroup(remote))) setTimes(fieldTimes, statusDoc, ['status', 'resolvedAt', 'closedAt']);

  const assignment = assignmentSide(local, remote);
  if (assignment === 'same') merged.assigneeId = remote.assigneeId;
  else {
    const assignmentDoc = pick(assignment, local, remote);
    merged.assigneeId = assignmentDoc.assigneeId;
    setTimes(fieldTimes, assignmentDoc, ASSIGNMENT_TIME_KEYS);
  }

  merged.createdAt = Math.min(local.createdAt, remote.createdAt);
  merged.updatedAt = Math.max(local.updatedAt, remote.updatedAt);
  merged.firstResponseAt = minNullable(local.firstResponseAt, remote.firstResponseAt);
  merged.lastCustomerAt = maxNullable(local.lastCustomerAt, remote.lastCustomerAt);
  merged.lastAgentAt = maxNullable(local.lastAgentAt, remote.lastAgentAt);
  merged.lastMessageAt = Math.max(local.lastMessageAt, remote.lastMessageAt);
  merged.lastMessagePreview =
    local.lastMessageAt === remote.lastMessageAt
      ? tieBreak(local.lastMessagePreview, remote.lastMessagePreview)
      : local.lastMessageAt > remote.lastMessageAt
        ? local.lastMessagePreview
        : remote.lastMessagePreview;
  merged.unreadCount = mergeUnread(local, remote);
  merged.fieldTimes = fieldTimes;

  return { ...remote, ...merged } as T;
}

// ---------------------------------------------------------------------------------------
// Messages

/**
 * Progress of an outbound message. `attempts` counts send attempts started (it goes up when a
 * message moves to `sending`), so one attempt goes sending → failed → queued (retry asked) and
 * the next starts at sending with attempts + 1. `sent` is final and beats everything.
 */
export function deliveryProgress(delivery: Delivery | null): [number, number] {
  if (delivery === null) return [-1, 0];
  if (delivery.state === 'sent') return [Infinity, 0];
  const phase = { sending: 0, failed: 1, queued: 2 }[delivery.state];
  return [delivery.attempts, phase];
}

function compareProgress(a: Delivery | null, b: Delivery | null): number {
  const [pa, qa] = deliveryProgress(a);
  const [pb, qb] = deliveryProgress(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return qa - qb;
}

/** Merge two copies of a message; symmetric, idempotent and associative. */
export function mergeMessage<T extends Message>(local: T, remote: T): T {
  const progress = compareProgress(local.delivery, remote.delivery);
  const deliveryDoc = progress > 0 ? local : progress < 0 ? remote : null;
  const delivery = deliveryDoc ? deliveryDoc.delivery : tieBreak(local.delivery, remote.delivery);
  const sentAt = deliveryDoc ? deliveryDoc.sentAt : Math.max(local.sentAt, remote.sentAt);

  const le = local.editedAt ?? -Infinity;
  const re = remote.editedAt ?? -Infinity;
  const content = (m: Message) => ({ text: m.text, entities: m.entities, editedAt: m.editedAt });
  const edit = le !== re ? (le > re ? content(local) : content(remote)) : tieBreak(content(local), content(remote));

  const stable = <V>(a: V, b: V): V => (sameValue(a, b) ? a : tieBreak(a, b));
  return {
    ...remote,
    id: stable(local.id, remote.id),
    ticketId: stable(local.ticketId, remote.ticketId),
    kind: stable(local.kind, remote.kind),
    authorId: stable(local.authorId, remote.authorId),
    authorName: stable(local.authorName, remote.authorName),
    media: local.media === null ? remote.media : remote.media === null ? local.media : stable(local.media, remote.media),
    createdAt: Math.min(local.createdAt, remote.createdAt),
    text: edit.text,
    entities: edit.entities,
    editedAt: edit.editedAt,
    deleted: local.deleted || remote.deleted,
    delivery,
    sentAt,
  };
}
