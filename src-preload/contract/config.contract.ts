// Team configuration documents edited in Settings and stored in RxDB: SLA policies, business
// calendars, escalation policies, routing rules, templates, routing settings. Runtime-free
// apart from zod (the renderer imports it too); the core's pure rules read these shapes.
import { z } from 'zod';
import { Priority, TicketStatus } from './tickets.contract';

// ---------------------------------------------------------------------------------------
// Shared pieces

const Id = z.string().min(1);
const UpdatedAt = z.number();

/** 'HH:MM' on a 24-hour clock; '24:00' is accepted as the end of a window (midnight). */
export const ClockTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM (00:00–24:00)');
export type ClockTime = z.infer<typeof ClockTime>;

/** Minutes after local midnight for a valid `ClockTime`. */
export function clockTimeMinutes(time: ClockTime): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validated with Intl rather than luxon so the contract stays free of runtime dependencies. */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Calendars (business hours)

/**
 * One working window inside one local day. Overnight windows are rejected: a night shift
 * is written as 22:00–24:00 on one day and 00:00–06:00 on the next, which keeps every
 * window inside its own date (holidays then apply to exactly the hours of that date).
 */
export const WorkingWindow = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((w) => w.start !== '24:00' && clockTimeMinutes(w.end) > clockTimeMinutes(w.start), {
    message: 'a window must end after it starts on the same day (split overnight hours across two days)',
  });
export type WorkingWindow = z.infer<typeof WorkingWindow>;

export const Holiday = z.object({
  /** 'YYYY-MM-DD'; for a yearly holiday only the month and day count. */
  date: z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD'),
  name: z.string(),
  yearly: z.boolean().default(false),
});
export type Holiday = z.infer<typeof Holiday>;

export const Calendar = z.object({
  id: Id,
  name: z.string().min(1),
  /** IANA zone the windows and holidays are written in, e.g. 'Europe/Berlin'. */
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
  /** Index 0 = Sunday … 6 = Saturday; several (even overlapping) windows per day are allowed. */
  weekly: z.array(z.array(WorkingWindow)).length(7),
  holidays: z.array(Holiday).default([]),
  updatedAt: UpdatedAt,
});
export type Calendar = z.infer<typeof Calendar>;

/** Monday to Friday, 09:00–17:00 in `timeZone`, no holidays. */
export function defaultCalendar(id: string, now: number, timeZone = 'UTC'): Calendar {
  const office = [{ start: '09:00', end: '17:00' }];
  return {
    id,
    name: 'Office hours',
    timeZone,
    weekly: [[], office, office, office, office, office, []],
    holidays: [],
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------
// SLA policies

export const SlaTargets = z.object({
  firstResponseMins: z.number().int().positive(),
  /** Reply due after each later customer message. */
  nextResponseMins: z.number().int().positive(),
  resolutionMins: z.number().int().positive(),
});
export type SlaTargets = z.infer<typeof SlaTargets>;

export const SlaMatch = z.object({
  /** Each list, when present and non-empty, must contain the ticket's value; absent = any. */
  priorities: z.array(Priority).optional(),
  tiers: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});
export type SlaMatch = z.infer<typeof SlaMatch>;

export const SlaPolicy = z.object({
  id: Id,
  name: z.string().min(1),
  match: SlaMatch.default({}),
  /** Lower first; the first matching policy applies. */
  order: z.number().int(),
  /** Business calendar the targets count in; null = around the clock. */
  calendarId: z.string().nullable(),
  targets: z.object({ low: SlaTargets, normal: SlaTargets, high: SlaTargets, urgent: SlaTargets }),
  /** Share of a target after which the ticket shows as at risk. */
  atRiskFraction: z.number().gt(0).lt(1).default(0.75),
  /** Statuses in which the clocks stop (resolved and closed always stop them). */
  pauseStatuses: z.array(TicketStatus).default(['waiting_on_customer']),
  updatedAt: UpdatedAt,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** A catch-all policy with common targets, around the clock. */
export function defaultSlaPolicy(id: string, now: number): SlaPolicy {
  return {
    id,
    name: 'Default',
    match: {},
    order: 1000,
    calendarId: null,
    targets: {
      urgent: { firstResponseMins: 30, nextResponseMins: 60, resolutionMins: 4 * 60 },
      high: { firstResponseMins: 60, nextResponseMins: 2 * 60, resolutionMins: 8 * 60 },
      normal: { firstResponseMins: 4 * 60, nextResponseMins: 8 * 60, resolutionMins: 24 * 60 },
      low: { firstResponseMins: 8 * 60, nextResponseMins: 24 * 60, resolutionMins: 3 * 24 * 60 },
    },
    atRiskFraction: 0.75,
    pauseStatuses: ['waiting_on_customer'],
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------
// Escalation policies

export const EscalationTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first_response_breached') }),
  z.object({ kind: z.literal('resolution_breached') }),
  /** The SLA clock that is furthest along has used this share of its target. */
  z.object({ kind: z.literal('fraction_elapsed'), fraction: z.number().gt(0).max(1) }),
  /** No message either way for this many (wall-clock) minutes while open or in progress. */
  z.object({ kind: z.literal('idle'), minutes: z.number().int().positive() }),
]);
export type EscalationTrigger = z.infer<typeof EscalationTrigger>;

export const EscalationAction = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('reassign'), agentId: z.string().min(1).optional(), skill: z.string().min(1).optional() })
    .refine((a) => (a.agentId === undefined) !== (a.skill === undefined), {
      message: 'reassign names either an agent or a skill',
    }),
  z.object({ kind: z.literal('raise_priority') }),
  z.object({ kind: z.literal('notify_lead') }),
]);
export type EscalationAction = z.infer<typeof EscalationAction>;

export const EscalationLevel = z.object({
  level: z.number().int().positive(),
  trigger: EscalationTrigger,
  actions: z.array(EscalationAction).min(1),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationPolicy = z.object({
  id: Id,
  name: z.string().min(1),
  /** The SLA policy it escalates; null = tickets under any policy without a dedicated one. */
  slaPolicyId: z.string().nullable(),
  levels: z
    .array(EscalationLevel)
    .refine((levels) => new Set(levels.map((l) => l.level)).size === levels.length, 'level numbers must be unique'),
  /** Lead notifications for one ticket are at least this far apart. */
  notifyCooldownMins: z.number().int().min(0).default(30),
  updatedAt: UpdatedAt,
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Warn the lead at 75%, raise priority on a missed first response, warn again on resolution. */
export function defaultEscalationPolicy(id: string, now: number): EscalationPolicy {
  return {
    id,
    name: 'Default escalation',
    slaPolicyId: null,
    levels: [
      { level: 1, trigger: { kind: 'fraction_elapsed', fraction: 0.75 }, actions: [{ kind: 'notify_lead' }] },
      {
        level: 2,
        trigger: { kind: 'first_response_breached' },
        actions: [{ kind: 'raise_priority' }, { kind: 'notify_lead' }],
      },
      { level: 3, trigger: { kind: 'resolution_breached' }, actions: [{ kind: 'notify_lead' }] },
    ],
    notifyCooldownMins: 30,
    updatedAt: now,
  };
}

// ---------------------------------------------------------------------------------------
// Routing

export const RoutingCondition = z.discriminatedUnion('kind', [
  /** Any keyword found at the start of a word in the subject or first messages (case-insensitive). */
  z.object({ kind: z.literal('keywords'), any: z.array(z.string().trim().min(1)).min(1) }),
  /** A regular expression, matched case-insensitively (flags 'iu') against the same text. */
  z.object({ kind: z.literal('pattern'), regex: z.string().min(1).refine(compiles, 'not a valid regular expression') }),
  z.object({ kind: z.literal('category'), equals: z.string().min(1) }),
  z.object({ kind: z.literal('tier'), in: z.array(z.string().min(1)).min(1) }),
  /** Language tags; 'en' also matches 'en-GB'. */
  z.object({ kind: z.literal('language'), in: z.array(z.string().min(1)).min(1) }),
  /** Linked order's total, inclusive bounds; a ticket without an order never matches. */
  z
    .object({ kind: z.literal('order_value'), min: z.number().optional(), max: z.number().optional() })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: 'min must not exceed max' }),
]);
export type RoutingCondition = z.infer<typeof RoutingCondition>;

export const RoutingTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: z.string().min(1) }),
  z.object({ kind: z.literal('skill'), skill: z.string().min(1) }),
  z.object({ kind: z.literal('queue'), queue: z.string().min(1) }),
]);
export type RoutingTarget = z.infer<typeof RoutingTarget>;

export const RoutingStrategy = z.enum(['round_robin', 'least_loaded']);
export type RoutingStrategy = z.infer<typeof RoutingStrategy>;

export const RoutingRule = z.object({
  id: Id,
  name: z.string().min(1),
  /** Lower first; the first enabled rule whose conditions all hold routes the ticket. */
  order: z.number().int(),
  enabled: z.boolean().default(true),
  /** All must hold; an empty list matches every ticket (a catch-all). */
  conditions: z.array(RoutingCondition).default([]),
  target: RoutingTarget,
  strategy: RoutingStrategy.default('round_robin'),
  updatedAt: UpdatedAt,
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingSettings = z.object({
  /** Where a ticket goes when no rule matches or no agent can take it. */
  fallbackQueue: z.string().min(1).default('general'),
  /** An unassigned ticket is flagged after this long. */
  unassignedFlagMins: z.number().int().positive().default(30),
  /** A resolved ticket closes by itself after this long; 0 = never. */
  autoCloseResolvedAfterMins: z.number().int().min(0).default(3 * 24 * 60),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;

export function defaultRoutingSettings(): RoutingSettings {
  return { fallbackQueue: 'general', unassignedFlagMins: 30, autoCloseResolvedAfterMins: 3 * 24 * 60 };
}

// ---------------------------------------------------------------------------------------
// Templates (canned responses)

export const Template = z.object({
  id: Id,
  title: z.string().min(1),
  /** Typed after '/' in the composer, e.g. 'refund'. */
  shortcut: z.string().regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, _ and - only').max(64),
  /** Text with `{{customer.first_name}}`-style variables. */
  body: z.string().min(1).max(100_000),
  category: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  updatedAt: UpdatedAt,
});
export type Template = z.infer<typeof Template>;
