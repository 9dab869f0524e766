// Tickets: one per Telegram forum topic (or Shopline order / API call). Documents, commands
// and live queries, declared once with zod; main validates against these, the UI types from them.
import { z } from 'zod';

export const ticketStatuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const SlaState = z.enum(['none', 'ok', 'at_risk', 'breached', 'paused', 'met']);
export type SlaState = z.infer<typeof SlaState>;

export const Customer = z.object({
  tgUserId: z.string().nullable(),
  name: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  shoplineCustomerId: z.string().nullable(),
  tier: z.string(),
  language: z.string().nullable(),
});
export type Customer = z.infer<typeof Customer>;

export const TicketSource = z.enum(['telegram', 'shopline', 'api']);

export const Ticket = z.object({
  id: z.string(),
  subject: z.string(),
  customer: Customer,
  status: TicketStatus,
  priority: Priority,
  tags: z.array(z.string()),
  category: z.string().nullable(),
  assigneeId: z.string().nullable(),
  queue: z.string(),
  source: TicketSource,
  /** Telegram forum (channel id) and topic id; null for tickets from other sources. */
  chatId: z.string().nullable(),
  topicId: z.number().int().nullable(),
  topicClosed: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  firstResponseAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  lastCustomerAt: z.number().nullable(),
  lastAgentAt: z.number().nullable(),
  lastMessageAt: z.number(),
  lastMessagePreview: z.string(),
  unreadCount: z.number().int(),
  slaPolicyId: z.string().nullable(),
  /** The next SLA deadline that applies (first response, then resolution); sorts the inbox. */
  slaDueAt: z.number().nullable(),
  slaState: SlaState,
  escalationLevel: z.number().int(),
  orderRefs: z.array(z.string()),
  /** When each field was last changed locally: the per-field last-writer-wins clock for merges. */
  fieldTimes: z.record(z.string(), z.number()),
});
export type Ticket = z.infer<typeof Ticket>;

/** A ticket as the ticket pane shows it, with what the workflow allows next. */
export const TicketDetail = Ticket.extend({ allowedStatuses: z.array(TicketStatus) });
export type TicketDetail = z.infer<typeof TicketDetail>;

export const inboxViews = ['mine', 'unassigned', 'all', 'waiting', 'resolved'] as const;
export const InboxView = z.enum(inboxViews);
export type InboxView = z.infer<typeof InboxView>;

export const TicketSort = z.enum(['sla', 'activity', 'created']);
export type TicketSort = z.infer<typeof TicketSort>;

export const TicketListParams = z.object({
  view: InboxView,
  sort: TicketSort.default('sla'),
  status: TicketStatus.optional(),
  priority: Priority.optional(),
  assigneeId: z.string().optional(),
  tag: z.string().optional(),
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type TicketListParams = z.input<typeof TicketListParams>;

export const TicketPage = z.object({ items: z.array(Ticket), total: z.number().int() });
export type TicketPage = z.infer<typeof TicketPage>;

export const ViewCounts = z.record(InboxView, z.number().int());
export type ViewCounts = z.infer<typeof ViewCounts>;

const TicketRef = z.object({ ticketId: z.string().min(1) });

export const ticketCommands = {
  'tickets.setStatus': {
    params: TicketRef.extend({ status: TicketStatus }),
    result: Ticket,
  },
  'tickets.assign': {
    params: TicketRef.extend({ assigneeId: z.string().min(1).nullable(), note: z.string().max(4000).optional() }),
    result: Ticket,
  },
  'tickets.setPriority': {
    params: TicketRef.extend({ priority: Priority }),
    result: Ticket,
  },
  'tickets.setTags': {
    params: TicketRef.extend({ tags: z.array(z.string().min(1).max(64)).max(50) }),
    result: Ticket,
  },
  'tickets.markRead': {
    params: TicketRef,
    result: z.null(),
  },
} as const;

export const ticketLiveQueries = {
  'tickets.list': { params: TicketListParams, result: TicketPage },
  'tickets.counts': { params: z.object({}), result: ViewCounts },
  'tickets.get': { params: TicketRef, result: TicketDetail.nullable() },
} as const;
