// Automation endpoints: saving and listing the team's configuration (SLA policies, calendars,
// escalation policies, routing rules, templates, routing settings), the lead's reports and
// queue overview, and the notifications escalations raise. Runtime-free apart from zod.
import { z } from 'zod';
import { AgentRole, Availability } from './agents.contract';
import { Calendar, EscalationPolicy, RoutingRule, RoutingSettings, SlaPolicy, Template } from './config.contract';
import { Priority, SlaState, TicketStatus } from './tickets.contract';

// ---------------------------------------------------------------------------------------
// Activity-log facts the automation writes (to be listed in events.contract.ts `EventType`)

export const automationEventTypes = [
  /** Routing placed a ticket in a queue (no rule matched, a queue target, or nobody could take it). */
  'ticket.routed',
  /** An escalation level fired; `data.notify` is true when the lead is to be told. */
  'ticket.escalated',
  /** A ticket stayed unassigned past `unassignedFlagMins` (it also gets the tag below). */
  'ticket.flagged_unassigned',
] as const;
export const AutomationEventType = z.enum(automationEventTypes);
export type AutomationEventType = z.infer<typeof AutomationEventType>;

/** The tag an unassigned-too-long ticket carries until someone owns it or it is done. */
export const UNASSIGNED_TOO_LONG_TAG = 'unassigned-too-long';

// ---------------------------------------------------------------------------------------
// Configuration documents

// Stored as `<kind>:<id>` under a 200-character key.
const DocId = z.string().min(1).max(150);
const DocRef = z.object({ id: DocId });

/** A document as Settings sends it: the core stamps `updatedAt` and gives a new one an id. */
export const TemplateDraft = Template.omit({ updatedAt: true }).extend({ id: DocId.optional() });
export const SlaPolicyDraft = SlaPolicy.omit({ updatedAt: true }).extend({ id: DocId.optional() });
export const CalendarDraft = Calendar.omit({ updatedAt: true }).extend({ id: DocId.optional() });
export const EscalationPolicyDraft = EscalationPolicy.omit({ updatedAt: true }).extend({ id: DocId.optional() });
export const RoutingRuleDraft = RoutingRule.omit({ updatedAt: true }).extend({ id: DocId.optional() });
export type TemplateDraft = z.input<typeof TemplateDraft>;
export type SlaPolicyDraft = z.input<typeof SlaPolicyDraft>;
export type CalendarDraft = z.input<typeof CalendarDraft>;
export type EscalationPolicyDraft = z.input<typeof EscalationPolicyDraft>;
export type RoutingRuleDraft = z.input<typeof RoutingRuleDraft>;

/** Only the fields given change; the others keep their stored value. */
export const RoutingSettingsPatch = z.object({
  fallbackQueue: RoutingSettings.shape.fallbackQueue.unwrap().optional(),
  unassignedFlagMins: RoutingSettings.shape.unassignedFlagMins.unwrap().optional(),
  autoCloseResolvedAfterMins: RoutingSettings.shape.autoCloseResolvedAfterMins.unwrap().optional(),
});
export type RoutingSettingsPatch = z.infer<typeof RoutingSettingsPatch>;

// ---------------------------------------------------------------------------------------
// Reports and the queue overview

export const ReportPeriod = z.enum(['today', '7d', '30d']);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const Count = z.number().int().nonnegative();

export const Aggregate = z.object({ count: Count, medianMs: z.number().nullable(), p90Ms: z.number().nullable() });

export const MetricSet = z.object({
  created: Count,
  resolved: Count,
  /** Over tickets first answered in the range. */
  firstResponse: Aggregate,
  /** Over tickets resolved in the range. */
  resolution: Aggregate,
});
export type MetricSet = z.infer<typeof MetricSet>;

export const PeriodReport = z.object({
  period: ReportPeriod,
  range: z.object({ from: z.number(), to: z.number() }),
  team: MetricSet,
  /** By current assignee; the key 'unassigned' holds tickets without one. */
  byAgent: z.record(z.string(), MetricSet),
  byQueue: z.record(z.string(), MetricSet),
});
export type PeriodReport = z.infer<typeof PeriodReport>;

export const DayPoint = z.object({
  date: z.string(),
  from: z.number(),
  to: z.number(),
  created: Count,
  resolved: Count,
  firstResponseMedianMs: z.number().nullable(),
  resolutionMedianMs: z.number().nullable(),
});
export type DayPoint = z.infer<typeof DayPoint>;

export const QueueTicket = z.object({
  ticketId: z.string(),
  subject: z.string(),
  status: TicketStatus,
  priority: Priority,
  assigneeId: z.string().nullable(),
  queue: z.string(),
  slaState: SlaState,
  slaDueAt: z.number().nullable(),
});
export type QueueTicket = z.infer<typeof QueueTicket>;

export const AgentLoadView = z.object({
  agentId: z.string(),
  name: z.string(),
  role: AgentRole,
  availability: Availability,
  capacity: z.number().int(),
  /** Assigned tickets that are not resolved or closed. */
  load: Count,
});
export type AgentLoadView = z.infer<typeof AgentLoadView>;

/** At most this many tickets are listed per SLA bucket (the totals count them all). */
export const QUEUE_OVERVIEW_LIMIT = 50;

export const QueueOverview = z.object({
  generatedAt: z.number(),
  /** Tickets in each status except closed. */
  byStatus: z.object({ open: Count, in_progress: Count, waiting_on_customer: Count, resolved: Count }),
  /** Active tickets (not resolved or closed) by priority. */
  byPriority: z.object({ low: Count, normal: Count, high: Count, urgent: Count }),
  /** Active tickets by queue. */
  byQueue: z.record(z.string(), Count),
  /** Active tickets nobody owns. */
  unassigned: Count,
  agents: z.array(AgentLoadView),
  /** Soonest deadline first. */
  atRisk: z.object({ total: Count, tickets: z.array(QueueTicket) }),
  /** Most overdue first. */
  breached: z.object({ total: Count, tickets: z.array(QueueTicket) }),
});
export type QueueOverview = z.infer<typeof QueueOverview>;

export const ReportsOverview = z.object({
  generatedAt: z.number(),
  timeZone: z.string(),
  periods: z.object({ today: PeriodReport, '7d': PeriodReport, '30d': PeriodReport }),
  /** The last 30 local days, oldest first, today last. */
  daily: z.array(DayPoint),
  queue: QueueOverview,
});
export type ReportsOverview = z.infer<typeof ReportsOverview>;

export const TicketTimesRow = z.object({
  ticketId: z.string(),
  subject: z.string(),
  assigneeId: z.string().nullable(),
  queue: z.string(),
  createdAt: z.number(),
  firstResponseMs: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  resolutionMs: z.number().nullable(),
});
export type TicketTimesRow = z.infer<typeof TicketTimesRow>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
const TimeZone = z.string().max(100).refine(isTimeZone, 'unknown IANA time zone');

// ---------------------------------------------------------------------------------------
// Notifications

/** An escalation the lead should hear about (the desktop shell shows it; the UI lists them). */
export const AutomationNotification = z.object({
  /** The escalation event's id, `esc:<ticketId>:<level>`. */
  id: z.string(),
  ticketId: z.string(),
  subject: z.string(),
  level: z.number().int(),
  /** The trigger kind that fired, e.g. 'first_response_breached'. */
  reason: z.string(),
  priority: Priority,
  assigneeId: z.string().nullable(),
  at: z.number(),
});
export type AutomationNotification = z.infer<typeof AutomationNotification>;

// ---------------------------------------------------------------------------------------
// Endpoints

const None = z.object({});

export const automationCommands = {
  'config.templates.save': { params: TemplateDraft, result: Template },
  'config.templates.delete': { params: DocRef, result: z.null() },
  'config.slaPolicies.save': { params: SlaPolicyDraft, result: SlaPolicy },
  /** Refused (`conflict`) while an escalation policy names it. */
  'config.slaPolicies.delete': { params: DocRef, result: z.null() },
  'config.calendars.save': { params: CalendarDraft, result: Calendar },
  /** Refused (`conflict`) while an SLA policy counts in it. */
  'config.calendars.delete': { params: DocRef, result: z.null() },
  'config.escalationPolicies.save': { params: EscalationPolicyDraft, result: EscalationPolicy },
  'config.escalationPolicies.delete': { params: DocRef, result: z.null() },
  'config.routingRules.save': { params: RoutingRuleDraft, result: RoutingRule },
  'config.routingRules.delete': { params: DocRef, result: z.null() },
  'config.routingSettings.get': { params: None, result: RoutingSettings },
  'config.routingSettings.set': { params: RoutingSettingsPatch, result: RoutingSettings },
} as const;

export const automationLiveQueries = {
  'config.templates': { params: None, result: z.array(Template) },
  'config.slaPolicies': { params: None, result: z.array(SlaPolicy) },
  'config.calendars': { params: None, result: z.array(Calendar) },
  'config.escalationPolicies': { params: None, result: z.array(EscalationPolicy) },
  'config.routingRules': { params: None, result: z.array(RoutingRule) },
  'config.routingSettings': { params: None, result: RoutingSettings },
  /** Recomputed at most every few seconds; days are local to `timeZone` (default: the machine's). */
  'reports.overview': { params: z.object({ timeZone: TimeZone.optional() }), result: ReportsOverview },
  /** First response and resolution per ticket, for tickets created in the period, newest first. */
  'reports.tickets': {
    params: z.object({
      period: ReportPeriod.default('7d'),
      agentId: z.string().min(1).optional(),
      timeZone: TimeZone.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    result: z.object({ items: z.array(TicketTimesRow), total: Count }),
  },
  'queue.overview': { params: None, result: QueueOverview },
  /** The latest lead notifications, newest first. */
  'automation.notifications': {
    params: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
    result: z.array(AutomationNotification),
  },
} as const;
