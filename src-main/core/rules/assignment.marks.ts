// How a ticket's assignment was made, recorded in its `fieldTimes` (pure; core and merges).
// Two extra clock keys sit beside `fieldTimes.assigneeId`, so the contract's Ticket needs no
// new field: routing leaves person-made assignments alone, and a conflict merge lets an
// explicit reassign override an earlier claim (first-claim-wins otherwise).
import type { Ticket } from '../../../src-preload/contract';

/** When a person last set the assignee (claim, reassign or unassign). */
export const MANUAL_MARK = 'assigneeId#manual';
/** When the assignee was last changed on purpose over an existing assignment (a person or an escalation). */
export const REASSIGN_MARK = 'assigneeId#reassign';
export const ASSIGNMENT_TIME_KEYS = ['assigneeId', MANUAL_MARK, REASSIGN_MARK] as const;

/**
 * - `claim`: a person assigns a ticket that had nobody (first claim wins in a conflict);
 * - `reassign`: a person moves or clears an existing assignment (wins over older claims);
 * - `auto`: routing assigns (never overrides anyone, can be re-routed);
 * - `escalation`: an escalation level moves the ticket (wins like a reassign, but is not manual).
 */
export type AssignMode = 'claim' | 'reassign' | 'auto' | 'escalation';

export type AssignmentPatch = Pick<Ticket, 'assigneeId' | 'fieldTimes' | 'updatedAt'>;

/** What a person's assign command means for this ticket. */
export function personAssignMode(ticket: Pick<Ticket, 'assigneeId'>): 'claim' | 'reassign' {
  return ticket.assigneeId === null ? 'claim' : 'reassign';
}

export function assignmentPatch(
  ticket: Pick<Ticket, 'fieldTimes'>,
  assigneeId: string | null,
  mode: AssignMode,
  now: number,
): AssignmentPatch {
  const fieldTimes: Record<string, number> = { ...ticket.fieldTimes, assigneeId: now };
  if (mode === 'claim' || mode === 'reassign') fieldTimes[MANUAL_MARK] = now;
  if (mode === 'reassign' || mode === 'escalation') fieldTimes[REASSIGN_MARK] = now;
  return { assigneeId, fieldTimes, updatedAt: now };
}

function markIsCurrent(ticket: Pick<Ticket, 'fieldTimes'>, mark: string): boolean {
  const at = ticket.fieldTimes[mark];
  return at !== undefined && at >= (ticket.fieldTimes.assigneeId ?? -Infinity);
}

/** The current assignee (or the lack of one) was chosen by a person: routing must not touch it. */
export function isManuallyAssigned(ticket: Pick<Ticket, 'fieldTimes'>): boolean {
  return markIsCurrent(ticket, MANUAL_MARK);
}

/** The latest assignment change was an explicit reassign (it may override an earlier claim). */
export function isExplicitReassign(ticket: Pick<Ticket, 'fieldTimes'>): boolean {
  return markIsCurrent(ticket, REASSIGN_MARK);
}
