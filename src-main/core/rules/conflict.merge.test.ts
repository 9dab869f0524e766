// Tests for ticket and message conflict merges: the rules case by case, then properties over
// many seeded random forks (deterministic, idempotent, commutative where it should be).
import { describe, expect, it } from 'vitest';
import type { Delivery, Message, Ticket, TicketStatus } from '../../../src-preload/contract';
import { MANUAL_MARK, REASSIGN_MARK, assignmentPatch, isExplicitReassign, personAssignMode } from './assignment.marks';
import { deliveryProgress, mergeMessage, mergeTicket } from './conflict.merge';
import { makeMessage, makeTicket, seededRandom } from './rules.fixtures';
import { canTransition, statusTimestamps, statusTransitions } from './status.transitions';

const base = makeTicket({ createdAt: 0, updatedAt: 0, lastMessageAt: 0, lastCustomerAt: 0, unreadCount: 1, fieldTimes: {} });

function assign(t: Ticket, agentId: string | null, mode: Parameters<typeof assignmentPatch>[2], at: number): Ticket {
  return { ...t, ...assignmentPatch(t, agentId, mode, at) };
}

function setStatus(t: Ticket, status: TicketStatus, at: number): Ticket {
  return { ...t, status, ...statusTimestamps(t, status, at), updatedAt: at, fieldTimes: { ...t.fieldTimes, status: at } };
}

function setField<K extends keyof Ticket>(t: Ticket, field: K, value: Ticket[K], at: number): Ticket {
  return { ...t, [field]: value, updatedAt: Math.max(t.updatedAt, at), fieldTimes: { ...t.fieldTimes, [field]: at } };
}

describe('mergeTicket: assignment is first-claim-wins', () => {
  it('keeps the server’s claim over a later local claim', () => {
    const remote = assign(base, 'agent:b', 'claim', 10);
    const local = assign(base, 'agent:a', 'claim', 20);
    expect(mergeTicket(local, remote).assigneeId).toBe('agent:b');
    expect(mergeTicket(local, remote).fieldTimes).toEqual(remote.fieldTimes);
  });

  it('keeps the server’s claim over a local automatic routing', () => {
    expect(mergeTicket(assign(base, 'agent:a', 'auto', 20), assign(base, 'agent:b', 'auto', 10)).assigneeId).toBe('agent:b');
  });

  it('lets a newer explicit reassign replace the server’s assignee', () => {
    const remote = assign(base, 'agent:b', 'claim', 10);
    const local = assign(assign(base, 'agent:b', 'claim', 10), 'agent:a', 'reassign', 20);
    const merged = mergeTicket(local, remote);
    expect(merged.assigneeId).toBe('agent:a');
    expect(merged.fieldTimes[REASSIGN_MARK]).toBe(20);
    expect(isExplicitReassign(merged)).toBe(true);
  });

  it('does not let an older reassign undo a newer server change', () => {
    const local = assign(assign(base, 'agent:b', 'claim', 5), 'agent:a', 'reassign', 10);
    const remote = assign(base, 'agent:c', 'reassign', 30);
    expect(mergeTicket(local, remote).assigneeId).toBe('agent:c');
  });

  it('lets an explicit unassign clear the server’s assignee, and a claim fill an empty one', () => {
    const remote = assign(base, 'agent:b', 'claim', 10);
    expect(mergeTicket(assign(remote, null, 'reassign', 20), remote).assigneeId).toBeNull();
    expect(mergeTicket(assign(base, 'agent:a', 'claim', 20), base).assigneeId).toBe('agent:a');
    // The server unassigned on purpose after our claim: nobody.
    const unassigned = assign(remote, null, 'reassign', 30);
    expect(mergeTicket(assign(base, 'agent:a', 'claim', 20), unassigned).assigneeId).toBeNull();
  });

  it('carries the marks of the assignment that stood, not of the one that lost', () => {
    const remote = assign(base, 'agent:b', 'auto', 10);
    const local = assign(base, 'agent:a', 'claim', 20);
    const merged = mergeTicket(local, remote);
    expect(merged.fieldTimes[MANUAL_MARK]).toBeUndefined();
    expect(merged.fieldTimes.assigneeId).toBe(10);
  });
});

describe('mergeTicket: status follows the transition rules', () => {
  const inProgress = setStatus(base, 'in_progress', 10);

  it('takes a newer legal local move with its timestamps', () => {
    const local = setStatus(inProgress, 'resolved', 20);
    const merged = mergeTicket(local, inProgress);
    expect(merged).toMatchObject({ status: 'resolved', resolvedAt: 20, closedAt: null });
    expect(merged.fieldTimes.status).toBe(20);
  });

  it('refuses an illegal jump, keeping the server’s status and its clock', () => {
    const remote = setStatus(setStatus(inProgress, 'resolved', 20), 'closed', 30);
    const local = setStatus(inProgress, 'waiting_on_customer', 40); // closed → waiting is not allowed
    const merged = mergeTicket(local, remote);
    expect(merged).toMatchObject({ status: 'closed', resolvedAt: 20, closedAt: 30 });
    expect(merged.fieldTimes.status).toBe(30);
    // …and the result does not win a later merge with that stale local move either.
    expect(mergeTicket(merged, remote).status).toBe('closed');
  });

  it('keeps the server’s newer status over an older local one', () => {
    const remote = setStatus(inProgress, 'waiting_on_customer', 30);
    const local = setStatus(inProgress, 'resolved', 20);
    expect(mergeTicket(local, remote).status).toBe('waiting_on_customer');
  });

  it('reopens a closed ticket from a newer local reopen', () => {
    const closed = setStatus(setStatus(inProgress, 'resolved', 20), 'closed', 30);
    expect(mergeTicket(setStatus(closed, 'open', 40), closed)).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
  });
});

describe('mergeTicket: other fields', () => {
  it('takes each field from its own latest writer', () => {
    const local = setField(setField(base, 'priority', 'high', 20), 'tags', ['vip'], 5);
    const remote = setField(setField(base, 'priority', 'low', 10), 'tags', ['refund'], 15);
    expect(mergeTicket(local, remote)).toMatchObject({ priority: 'high', tags: ['refund'] });
    expect(mergeTicket(remote, local)).toMatchObject({ priority: 'high', tags: ['refund'] });
  });

  it('breaks equal times by value, the same way on every app', () => {
    const a = setField(base, 'category', 'billing', 10);
    const b = setField(base, 'category', 'shipping', 10);
    expect(mergeTicket(a, b).category).toBe(mergeTicket(b, a).category);
  });

  it('never moves activity backwards', () => {
    const local = { ...base, lastMessageAt: 50, lastMessagePreview: 'newest', lastCustomerAt: 50, firstResponseAt: 30, lastAgentAt: 30 };
    const remote = { ...base, lastMessageAt: 40, lastMessagePreview: 'older', lastCustomerAt: 10, firstResponseAt: 20, lastAgentAt: 40 };
    expect(mergeTicket(local, remote)).toMatchObject({
      lastMessageAt: 50,
      lastMessagePreview: 'newest',
      lastCustomerAt: 50,
      firstResponseAt: 20,
      lastAgentAt: 40,
    });
  });

  it('raises unread counts to the larger, but lets a later read that saw everything reset them', () => {
    const remote = { ...setField(base, 'unreadCount', 3, 40), lastMessageAt: 40 };
    const readLater = { ...setField(base, 'unreadCount', 0, 50), lastMessageAt: 30 };
    expect(mergeTicket(readLater, remote).unreadCount).toBe(0);
    const readEarlier = { ...setField(base, 'unreadCount', 0, 35), lastMessageAt: 30 };
    expect(mergeTicket(readEarlier, remote).unreadCount).toBe(3); // a message arrived after that read
    expect(mergeTicket(setField(base, 'unreadCount', 2, 10), setField(base, 'unreadCount', 5, 10)).unreadCount).toBe(5);
  });

  it('keeps escalation level by time, the higher on a tie', () => {
    expect(mergeTicket(setField(base, 'escalationLevel', 2, 10), setField(base, 'escalationLevel', 1, 10)).escalationLevel).toBe(2);
    expect(mergeTicket(setField(base, 'escalationLevel', 0, 20), setField(base, 'escalationLevel', 3, 10)).escalationLevel).toBe(0);
  });

  it('keeps the server document’s extra keys (RxDB’s _deleted)', () => {
    const remote = { ...base, _deleted: false };
    const local = { ...base, _deleted: false, subject: 'x' };
    expect(mergeTicket(local, remote)).toHaveProperty('_deleted', false);
  });
});

// --- Random forks -------------------------------------------------------------------------

const AGENTS = ['agent:a', 'agent:b', 'agent:c', null] as const;

function randomFork(from: Ticket, random: () => number, startAt: number): Ticket {
  let t = from;
  let now = startAt;
  const pickOf = <V>(xs: readonly V[]): V => xs[Math.floor(random() * xs.length)] as V;
  for (let i = Math.floor(random() * 6); i > 0; i--) {
    now += 1 + Math.floor(random() * 20); // forks interleave and sometimes tie
    switch (Math.floor(random() * 9)) {
      case 0:
      case 1:
        t = setStatus(t, pickOf(statusTransitions[t.status]), now);
        break;
      case 2:
        t = assign(t, pickOf(AGENTS), personAssignMode(t), now);
        break;
      case 3:
        if (t.assigneeId === null) t = assign(t, pickOf(AGENTS), 'auto', now);
        break;
      case 4:
        t = setField(t, 'priority', pickOf(['low', 'normal', 'high', 'urgent'] as const), now);
        break;
      case 5:
        t = setField(t, 'tags', pickOf([[], ['vip'], ['refund', 'vip']]), now);
        break;
      case 6:
        t = { ...setField(t, 'unreadCount', t.unreadCount + 1, now), lastMessageAt: now, lastCustomerAt: now, lastMessagePreview: `m${now}` };
        break;
      case 7:
        t = setField(t, 'unreadCount', 0, now);
        break;
      case 8:
        t = { ...t, firstResponseAt: t.firstResponseAt ?? now, lastAgentAt: now, lastMessageAt: now, lastMessagePreview: `r${now}` };
        break;
    }
  }
  return t;
}

const SYMMETRIC_FIELDS = [
  'subject',
  'priority',
  'tags',
  'category',
  'queue',
  'escalationLevel',
  'createdAt',
  'updatedAt',
  'firstResponseAt',
  'lastCustomerAt',
  'lastAgentAt',
  'lastMessageAt',
  'lastMessagePreview',
  'unreadCount',
] as const;
const pickFields = (t: Ticket) => Object.fromEntries(SYMMETRIC_FIELDS.map((f) => [f, t[f]]));

describe('mergeTicket properties (seeded random forks)', () => {
  const random = seededRandom(2026);
  const pairs: Array<[Ticket, Ticket]> = [];
  for (let i = 0; i < 400; i++) {
    const common = randomFork(base, random, 0);
    pairs.push([randomFork(common, random, 100), randomFork(common, random, 100)]);
  }

  it('merges a document with itself to itself', () => {
    for (const [l] of pairs) expect(mergeTicket(l, structuredClone(l))).toEqual(l);
  });

  it('is deterministic and stable when merged again with the same master', () => {
    for (const [l, r] of pairs) {
      const m = mergeTicket(l, r);
      expect(mergeTicket(structuredClone(l), structuredClone(r))).toEqual(m);
      expect(mergeTicket(m, r)).toEqual(m);
      expect(mergeTicket(m, m)).toEqual(m);
    }
  });

  it('never makes an illegal status jump from the server’s status', () => {
    for (const [l, r] of pairs) {
      const m = mergeTicket(l, r);
      expect([l.status, r.status]).toContain(m.status);
      expect(canTransition(r.status, m.status)).toBe(true);
      // Status and its timestamps move together, from one side.
      const group = (t: Ticket) => [t.status, t.resolvedAt, t.closedAt];
      expect([group(l), group(r)]).toContainEqual(group(m));
    }
  });

  it('keeps the server’s assignee unless a newer explicit reassign replaces it', () => {
    for (const [l, r] of pairs) {
      const m = mergeTicket(l, r);
      expect([l.assigneeId, r.assigneeId]).toContain(m.assigneeId);
      const reassigned = isExplicitReassign(l) && (l.fieldTimes.assigneeId ?? -1) > (r.fieldTimes.assigneeId ?? -1);
      if (r.assigneeId !== null && !reassigned) expect(m.assigneeId).toBe(r.assigneeId);
    }
  });

  it('is commutative for last-writer-wins fields and activity, and fully when status and assignment agree', () => {
    for (const [l, r] of pairs) {
      expect(pickFields(mergeTicket(l, r))).toEqual(pickFields(mergeTicket(r, l)));
      const agreed = { ...l, status: r.status, resolvedAt: r.resolvedAt, closedAt: r.closedAt, assigneeId: r.assigneeId };
      const aligned = { ...agreed, fieldTimes: { ...l.fieldTimes, status: r.fieldTimes.status ?? 0, assigneeId: r.fieldTimes.assigneeId ?? 0 } };
      const aligned2 = { ...r, fieldTimes: { ...r.fieldTimes, status: r.fieldTimes.status ?? 0, assigneeId: r.fieldTimes.assigneeId ?? 0 } };
      expect(mergeTicket(aligned, aligned2)).toEqual(mergeTicket(aligned2, aligned));
    }
  });

  it('keeps the latest activity', () => {
    for (const [l, r] of pairs) {
      const m = mergeTicket(l, r);
      expect(m.lastMessageAt).toBe(Math.max(l.lastMessageAt, r.lastMessageAt));
      expect(m.unreadCount).toBeGreaterThanOrEqual(Math.min(l.unreadCount, r.unreadCount));
      expect(m.unreadCount).toBeLessThanOrEqual(Math.max(l.unreadCount, r.unreadCount));
    }
  });
});

// --- Messages -----------------------------------------------------------------------------

const delivery = (state: Delivery['state'], attempts: number, extra: Partial<Delivery> = {}): Delivery => ({
  state,
  reason: null,
  attempts,
  tgMsgIds: [],
  retryAt: null,
  ...extra,
});

describe('mergeMessage', () => {
  const m = makeMessage();
  const withDelivery = (d: Delivery, extra: Partial<Message> = {}): Message => ({ ...m, delivery: d, ...extra });

  it('moves delivery only forward: queued < sending < failed < retry queued < next sending < sent', () => {
    const steps = [
      delivery('queued', 0),
      delivery('sending', 1),
      delivery('failed', 1, { reason: 'FLOOD_WAIT_30', retryAt: 30_000 }),
      delivery('queued', 1),
      delivery('sending', 2),
      delivery('sent', 2, { tgMsgIds: [42] }),
    ];
    for (let i = 0; i < steps.length; i++) {
      for (let j = 0; j < steps.length; j++) {
        const later = steps[Math.max(i, j)] as Delivery;
        expect(mergeMessage(withDelivery(steps[i] as Delivery), withDelivery(steps[j] as Delivery)).delivery).toEqual(later);
      }
    }
  });

  it('treats sent as final, even against a retry with more attempts', () => {
    const sent = withDelivery(delivery('sent', 1, { tgMsgIds: [7] }), { sentAt: 5_000 });
    const retry = withDelivery(delivery('queued', 3));
    expect(mergeMessage(retry, sent)).toMatchObject({ delivery: { state: 'sent', tgMsgIds: [7] }, sentAt: 5_000 });
    expect(deliveryProgress(sent.delivery)[0]).toBe(Infinity);
  });

  it('takes the latest edit and keeps a deletion', () => {
    const edited = { ...m, text: 'Hello again', editedAt: 3_000 };
    const older = { ...m, text: 'Hello!', editedAt: 2_000, deleted: true };
    expect(mergeMessage(edited, older)).toMatchObject({ text: 'Hello again', editedAt: 3_000, deleted: true });
    expect(mergeMessage(m, edited)).toMatchObject({ text: 'Hello again', editedAt: 3_000, deleted: false });
  });

  it('leaves customer messages without delivery as they are', () => {
    const customer = makeMessage({ kind: 'customer', delivery: null, id: 'tg:1:9' });
    expect(mergeMessage(customer, structuredClone(customer))).toEqual(customer);
  });

  it('is commutative, idempotent and associative on random histories (seeded)', () => {
    const random = seededRandom(99);
    const lifecycle = (): Message => {
      let d = delivery('queued', 0);
      let msg: Message = m;
      for (let i = Math.floor(random() * 7); i > 0; i--) {
        const roll = random();
        if (roll < 0.5 && d.state !== 'sent') {
          d =
            d.state === 'queued'
              ? delivery('sending', d.attempts + 1)
              : d.state === 'sending'
                ? random() < 0.5
                  ? delivery('sent', d.attempts, { tgMsgIds: [Math.floor(random() * 3)] })
                  : delivery('failed', d.attempts, { reason: 'network' })
                : delivery('queued', d.attempts);
          msg = { ...msg, delivery: d, sentAt: d.state === 'sent' ? 9_000 + Math.floor(random() * 3) : msg.sentAt };
        } else if (roll < 0.85) {
          msg = { ...msg, text: `edit ${Math.floor(random() * 5)}`, editedAt: 2_000 + Math.floor(random() * 4) };
        } else {
          msg = { ...msg, deleted: true };
        }
      }
      return msg;
    };
    for (let i = 0; i < 400; i++) {
      const [a, b, c] = [lifecycle(), lifecycle(), lifecycle()];
      const ab = mergeMessage(a, b);
      expect(mergeMessage(b, a)).toEqual(ab);
      expect(mergeMessage(a, a)).toEqual(a);
      expect(mergeMessage(ab, b)).toEqual(ab);
      expect(mergeMessage(mergeMessage(a, b), c)).toEqual(mergeMessage(a, mergeMessage(b, c)));
      const progress = (x: Message) => deliveryProgress(x.delivery);
      for (const side of [a, b]) {
        const [p, q] = progress(ab);
        const [ps, qs] = progress(side);
        expect(p > ps || (p === ps && q >= qs)).toBe(true);
      }
      expect(ab.deleted).toBe(a.deleted || b.deleted);
    }
  });
});
