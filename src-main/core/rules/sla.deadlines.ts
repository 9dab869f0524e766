// SLA deadlines and states for one ticket at a given instant (pure; core SLA service, UI).
// Clocks count working time of the policy's calendar, stop while the ticket sits in a pause
// status (and once resolved or closed) and resume after. Everything is derived from the
// ticket plus its status history, so any app computing it gets the same answer.
import type { Priority, SlaState, Ticket, TicketStatus } from '../../../src-preload/contract';
import type { Calendar, SlaPolicy } from '../../../src-preload/contract/config.contract';
import { addWorkingMs, workingMsBetween } from './business-hours';

const MINUTE = 60_000;

/** One status change, as the events log records it (`ticket.status_changed`, `data.to`). */
export interface StatusChange {
  status: TicketStatus;
  at: number;
}

export interface SlaInput {
  ticket: Ticket;
  /**
   * Every status change since the ticket was created, in any order. Before the first one the
   * ticket is `open`. If the log lags behind the ticket (not yet replicated), the ticket's
   * current status is taken to hold since `fieldTimes.status` (or `updatedAt`).
   */
  statusChanges: readonly StatusChange[];
  /** From `selectSlaPolicy`; null = no SLA (state 'none'). */
  policy: SlaPolicy | null;
  /** The policy's calendar; null = around the clock. */
  calendar: Calendar | null;
}

export type SlaClockKind = 'first_response' | 'next_response' | 'resolution';
export type SlaClockState = Exclude<SlaState, 'none'>;

export interface SlaClock {
  kind: SlaClockKind;
  startedAt: number;
  /** Target in working ms. */
  targetMs: number;
  /** Working, unpaused ms used so far (up to `metAt` once met). */
  elapsedMs: number;
  /** The clock is counting at this instant (not met, not paused, in a running status). */
  running: boolean;
  /** When the target is (or was) used up; null while paused before reaching it. */
  dueAt: number | null;
  /** When the at-risk share is (or was) reached; null while paused before reaching it. */
  atRiskAt: number | null;
  /** When the clock was satisfied (first reply, resolution); null while pending. */
  metAt: number | null;
  state: SlaClockState;
  /** Past its target: pending and overdue, or met late. Reports use this. */
  breached: boolean;
}

export interface SlaStatus {
  state: SlaState;
  firstResponseDueAt: number | null;
  nextResponseDueAt: number | null;
  resolutionDueAt: number | null;
  /** The earliest deadline still pending: what the ticket's `slaDueAt` should hold. */
  nextDueAt: number | null;
  /** Largest share of its target any pending clock has used (0 when none is pending). */
  fractionElapsed: number;
  clocks: { firstResponse: SlaClock | null; nextResponse: SlaClock | null; resolution: SlaClock | null };
}

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'closed']);

interface Segment {
  from: number;
  status: TicketStatus;
}

/** The status history as consecutive segments from creation; the last one lasts forever. */
function statusSegments(ticket: Ticket, changes: readonly StatusChange[]): Segment[] {
  const sorted = changes.filter((c) => Number.isFinite(c.at)).sort((a, b) => a.at - b.at);
  const segments: Segment[] = [{ from: ticket.createdAt, status: 'open' }];
  const push = (at: number, status: TicketStatus): void => {
    const last = segments[segments.length - 1] as Segment;
    const from = Math.max(at, last.from);
    if (from === last.from) last.status = status;
    else if (status !== last.status) segments.push({ from, status });
  };
  for (const change of sorted) push(change.at, change.status);
  const last = segments[segments.length - 1] as Segment;
  if (last.status !== ticket.status) push(ticket.fieldTimes.status ?? ticket.updatedAt, ticket.status);
  return segments;
}

/** Intervals [from, to) during which the clocks run; `to` may be Infinity. */
function runningIntervals(segments: readonly Segment[], pauseStatuses: readonly TicketStatus[]): Array<[number, number]> {
  const paused = new Set<TicketStatus>([...pauseStatuses, ...DONE]);
  const intervals: Array<[number, number]> = [];
  segments.forEach((seg, i) => {
    if (paused.has(seg.status)) return;
    const to = segments[i + 1]?.from ?? Infinity;
    const last = intervals[intervals.length - 1];
    if (last && last[1] === seg.from) last[1] = to;
    else intervals.push([seg.from, to]);
  });
  return intervals;
}

function segmentAt(segments: readonly Segment[], at: number): Segment {
  let current = segments[0] as Segment;
  for (const seg of segments) if (seg.from <= at) current = seg;
  return current;
}

/** Working ms the clock started at `start` has used by `until`. */
function elapsedBy(intervals: ReadonlyArray<[number, number]>, start: number, until: number, calendar: Calendar | null): number {
  let total = 0;
  for (const [a, b] of intervals) {
    const from = Math.max(a, start);
    const to = Math.min(b, until);
    if (to > from) total += workingMsBetween(from, to, calendar);
  }
  return total;
}

/** The instant the clock started at `start` has used `amount` working ms; null if it never does. */
function instantAtElapsed(
  intervals: ReadonlyArray<[number, number]>,
  start: number,
  amount: number,
  calendar: Calendar | null,
): number | null {
  let used = 0;
  for (const [a, b] of intervals) {
    if (b <= start) continue;
    const from = Math.max(a, start);
    const available = b === Infinity ? Infinity : workingMsBetween(from, b, calendar);
    if (used + available >= amount) return addWorkingMs(from, amount - used, calendar);
    used += available;
  }
  return null;
}

interface ClockSpec {
  kind: SlaClockKind;
  startedAt: number;
  targetMs: number;
  metAt: number | null;
}

/** What does not depend on the instant looked at: the status segments and when the clocks run. */
interface Timeline {
  input: SlaInput;
  policy: SlaPolicy;
  segments: Segment[];
  intervals: Array<[number, number]>;
}

interface Prepared extends Timeline {
  specs: { firstResponse: ClockSpec; nextResponse: ClockSpec | null; resolution: ClockSpec };
}

function timelineOf(input: SlaInput): Timeline | null {
  const { ticket, policy } = input;
  if (!policy) return null;
  const segments = statusSegments(ticket, input.statusChanges);
  return { input, policy, segments, intervals: runningIntervals(segments, policy.pauseStatuses) };
}

function prepare(input: SlaInput, now: number): Prepared | null {
  const timeline = timelineOf(input);
  return timeline && prepareAt(timeline, now);
}

/** The clocks as they stand at `now` (only the resolution clock's end depends on it). */
function prepareAt(timeline: Timeline, now: number): Prepared {
  const { input, policy, segments } = timeline;
  const { ticket } = input;
  const targets = policy.targets[ticket.priority];
  const current = segmentAt(segments, now);
  const resolvedAt = DONE.has(current.status) ? (ticket.resolvedAt ?? ticket.closedAt ?? current.from) : null;
  const { firstResponseAt, lastCustomerAt, lastAgentAt } = ticket;
  // Only the latest customer message that is still unanswered has a next-response clock.
  const awaitingReplySince =
    firstResponseAt !== null &&
    lastCustomerAt !== null &&
    lastCustomerAt > firstResponseAt &&
    (lastAgentAt === null || lastAgentAt < lastCustomerAt)
      ? lastCustomerAt
      : null;
  return {
    ...timeline,
    specs: {
      firstResponse: {
        kind: 'first_response',
        startedAt: ticket.createdAt,
        targetMs: targets.firstResponseMins * MINUTE,
        metAt: firstResponseAt,
      },
      nextResponse:
        awaitingReplySince !== null
          ? { kind: 'next_response', startedAt: awaitingReplySince, targetMs: targets.nextResponseMins * MINUTE, metAt: null }
          : null,
      resolution: {
        kind: 'resolution',
        startedAt: ticket.createdAt,
        targetMs: targets.resolutionMins * MINUTE,
        metAt: resolvedAt,
      },
    },
  };
}

function evaluateClock(p: Prepared, spec: ClockSpec, now: number): SlaClock | null {
  if (spec.startedAt > now) return null;
  const { calendar } = p.input;
  const met = spec.metAt !== null && spec.metAt <= now;
  const metAt = met ? spec.metAt : null;
  const dueAt = instantAtElapsed(p.intervals, spec.startedAt, spec.targetMs, calendar);
  const atRiskAt = instantAtElapsed(p.intervals, spec.startedAt, spec.targetMs * p.policy.atRiskFraction, calendar);
  const running = !met && p.intervals.some(([a, b]) => a <= now && now < b);
  const elapsedMs = elapsedBy(p.intervals, spec.startedAt, metAt ?? now, calendar);
  // States follow the instants, so a scheduler woken at `dueAt` sees the change exactly.
  const overdue = dueAt !== null && (metAt !== null ? metAt > dueAt : now >= dueAt);
  let state: SlaClockState;
  if (metAt !== null) state = 'met';
  else if (overdue) state = 'breached';
  else if (!running) state = 'paused';
  else if (atRiskAt !== null && now >= atRiskAt) state = 'at_risk';
  else state = 'ok';
  return { ...spec, metAt, elapsedMs, running, dueAt, atRiskAt, state, breached: overdue };
}

function evaluate(p: Prepared | null, now: number): SlaStatus {
  if (!p) {
    return {
      state: 'none',
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      nextDueAt: null,
      fractionElapsed: 0,
      clocks: { firstResponse: null, nextResponse: null, resolution: null },
    };
  }
  const firstResponse = evaluateClock(p, p.specs.firstResponse, now);
  const nextResponse = p.specs.nextResponse ? evaluateClock(p, p.specs.nextResponse, now) : null;
  const resolution = evaluateClock(p, p.specs.resolution, now);
  const done = DONE.has(segmentAt(p.segments, now).status);
  const pending = done ? [] : [firstResponse, nextResponse, resolution].filter((c): c is SlaClock => c !== null && c.state !== 'met');
  const has = (s: SlaClockState): boolean => pending.some((c) => c.state === s);
  let state: SlaState;
  if (pending.length === 0) state = 'met';
  else if (has('breached')) state = 'breached';
  else if (has('paused')) state = 'paused';
  else if (has('at_risk')) state = 'at_risk';
  else state = 'ok';
  const dues = pending.map((c) => c.dueAt).filter((d): d is number => d !== null);
  return {
    state,
    firstResponseDueAt: firstResponse?.dueAt ?? null,
    nextResponseDueAt: nextResponse?.dueAt ?? null,
    resolutionDueAt: resolution?.dueAt ?? null,
    nextDueAt: state === 'paused' || dues.length === 0 ? null : Math.min(...dues),
    fractionElapsed: pending.reduce((max, c) => Math.max(max, c.elapsedMs / c.targetMs), 0),
    clocks: { firstResponse, nextResponse, resolution },
  };
}

/** The ticket's SLA deadlines and state at `now`. */
export function slaStatus(input: SlaInput, now: number): SlaStatus {
  return evaluate(prepare(input, now), now);
}

/** The SLA status at `now` and the first later instant at which time alone changes its state. */
export interface SlaOutlook {
  status: SlaStatus;
  /** As `nextStateChangeAt` gives it. */
  nextChangeAt: number | null;
}

/** `slaStatus` and `nextStateChangeAt` together, sharing the work (what the SLA service needs per ticket). */
export function slaOutlook(input: SlaInput, now: number): SlaOutlook {
  const p = prepare(input, now);
  const status = evaluate(p, now);
  return { status, nextChangeAt: p ? nextChange(p, status, now) : null };
}

/**
 * The first instant after `now` at which `slaStatus(input, t).state` differs from its state
 * at `now`, assuming nothing else happens; null if time alone never changes it (met,
 * breached, paused, no policy). A scheduler sets one timer for it instead of polling.
 */
export function nextStateChangeAt(input: SlaInput, now: number): number | null {
  return slaOutlook(input, now).nextChangeAt;
}

function nextChange(p: Prepared, current: SlaStatus, now: number): number | null {
  const { ticket, calendar } = p.input;
  const candidates = new Set<number>();
  const add = (t: number | null | undefined): void => {
    if (t !== null && t !== undefined && Number.isFinite(t) && t > now) candidates.add(t);
  };
  for (const clock of Object.values(current.clocks)) {
    add(clock?.dueAt);
    add(clock?.atRiskAt);
  }
  for (const spec of Object.values(p.specs)) {
    if (!spec) continue;
    add(spec.startedAt);
    add(spec.metAt);
    // A clock that has started gave these two instants above already; one starting later has not.
    if (spec.startedAt > now) {
      add(instantAtElapsed(p.intervals, spec.startedAt, spec.targetMs, calendar));
      add(instantAtElapsed(p.intervals, spec.startedAt, spec.targetMs * p.policy.atRiskFraction, calendar));
    }
  }
  for (const seg of p.segments) add(seg.from);
  add(ticket.resolvedAt);
  for (const t of [...candidates].sort((a, b) => a - b)) {
    if (evaluate(prepareAt(p, t), t).state !== current.state) return t;
  }
  return null;
}

/**
 * When the given clock reaches `fraction` of its target (past or future), or null if it does
 * not exist at `now` or is paused before getting there. Escalation uses it to schedule
 * 'fraction_elapsed' levels.
 */
export function clockReachesFractionAt(input: SlaInput, kind: SlaClockKind, fraction: number, now: number): number | null {
  const p = prepare(input, now);
  if (!p) return null;
  const spec = { first_response: p.specs.firstResponse, next_response: p.specs.nextResponse, resolution: p.specs.resolution }[kind];
  if (!spec || spec.startedAt > now) return null;
  return instantAtElapsed(p.intervals, spec.startedAt, spec.targetMs * fraction, input.calendar);
}

function listAllows<T>(list: readonly T[] | undefined, value: T): boolean {
  return list === undefined || list.length === 0 || list.includes(value);
}

/** Whether the policy's match applies to the ticket (tiers and categories case-insensitively). */
export function slaPolicyMatches(
  ticket: Pick<Ticket, 'priority' | 'category'> & { customer: Pick<Ticket['customer'], 'tier'> },
  policy: SlaPolicy,
): boolean {
  const { priorities, tiers, categories } = policy.match;
  const lower = (xs: readonly string[] | undefined): string[] | undefined => xs?.map((x) => x.toLowerCase());
  if (!listAllows<Priority>(priorities, ticket.priority)) return false;
  if (!listAllows(lower(tiers), ticket.customer.tier.toLowerCase())) return false;
  if (categories && categories.length > 0) {
    if (ticket.category === null) return false;
    if (!listAllows(lower(categories), ticket.category.toLowerCase())) return false;
  }
  return true;
}

/** The first policy (by `order`, then id) whose match applies; null when none does. */
export function selectSlaPolicy(
  ticket: Pick<Ticket, 'priority' | 'category'> & { customer: Pick<Ticket['customer'], 'tier'> },
  policies: readonly SlaPolicy[],
): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ordered.find((policy) => slaPolicyMatches(ticket, policy)) ?? null;
}
