// The append-only activity log: one document per fact, with a deterministic id where the
// fact can be produced by several agents' apps at once (so they converge, not duplicate).
import { z } from 'zod';

export const EventType = z.enum([
  'ticket.created',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.priority_changed',
  'ticket.tags_changed',
  'ticket.routed',
  'ticket.escalated',
  'ticket.flagged_unassigned',
  'message.received',
  'message.sent',
  'message.failed',
]);
export type EventType = z.infer<typeof EventType>;

export const ActivityEvent = z.object({
  id: z.string(),
  type: EventType,
  ticketId: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.number(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;
