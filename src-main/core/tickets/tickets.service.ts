// Agent actions on tickets: status, assignment, priority, tags, read marks. Each is a local
// write first (it shows at once and replicates later) and an entry in the activity log.
import type { Ticket, TicketStatus } from '../../../src-preload/contract';
import { CommandError, type Priority } from '../../../src-preload/contract';
import { recordActivity } from '../activity/activity.log';
import type { Me } from '../app/me';
import type { TopicdeskDatabase } from '../db/database';
import { assignmentPatch, personAssignMode } from '../rules/assignment.marks';
import { canTransition, statusTimestamps } from '../rules/status.transitions';
import { patchTicket, type TicketPatch } from './ticket.patch';

const statusLabel: Record<TicketStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export interface TicketsServiceDeps {
  db: TopicdeskDatabase;
  clock: () => number;
  me: () => Me | null;
  agentName: (agentId: string) => string;
}

export function createTicketsService({ db, clock, me, agentName }: TicketsServiceDeps) {
  async function update(ticketId: string, change: (ticket: Ticket) => TicketPatch): Promise<{ before: Ticket; after: Ticket }> {
    const doc = await db.tickets.findOne(ticketId).exec();
    if (!doc) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
    let before: Ticket | undefined;
    const updated = await doc.incrementalModify((data) => {
      before = data as Ticket;
      return patchTicket(data as Ticket, change(data as Ticket), clock()) as typeof data;
    });
    return { before: before as Ticket, after: updated.toMutableJSON() };
  }

  const actorId = () => me()?.agentId ?? null;

  return {
    async setStatus({ ticketId, status }: { ticketId: string; status: TicketStatus }): Promise<Ticket> {
      const { before, after } = await update(ticketId, (ticket) => {
        if (!canTransition(ticket.status, status)) {
          throw new CommandError('conflict', `A ticket that is ${statusLabel[ticket.status].toLowerCase()} cannot move to ${statusLabel[status].toLowerCase()}.`);
        }
        return { status, ...statusTimestamps(ticket, status, clock()) };
      });
      if (before.status !== after.status) {
        await recordActivity(
          db,
          { type: 'ticket.status_changed', ticketId, actorId: actorId(), at: clock(), data: { from: before.status, to: status } },
          `${me()?.name ?? 'Someone'} changed the status to ${statusLabel[status]}`,
        );
      }
      return after;
    },

    async assign({ ticketId, assigneeId, note }: { ticketId: string; assigneeId: string | null; note?: string | undefined }): Promise<Ticket> {
      const doc = await db.tickets.findOne(ticketId).exec();
      if (!doc) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
      let before: Ticket | undefined;
      // A person's assignment is marked as such, so routing never undoes it and a merge can
      // tell an explicit reassign from a competing first claim.
      const updated = await doc.incrementalModify((data) => {
        before = data;
        return { ...data, ...assignmentPatch(data, assigneeId, personAssignMode(data), clock()) };
      });
      const after = updated.toMutableJSON();
      if (before?.assigneeId !== after.assigneeId) {
        const who = assigneeId ? agentName(assigneeId) : 'nobody';
        const transfer = note?.trim() ? `: ${note.trim()}` : '';
        await recordActivity(
          db,
          { type: 'ticket.assigned', ticketId, actorId: actorId(), at: clock(), data: { from: before?.assigneeId ?? null, to: assigneeId, note: note ?? null } },
          `${me()?.name ?? 'Someone'} assigned this ticket to ${who}${transfer}`,
        );
      }
      return after;
    },

    async setPriority({ ticketId, priority }: { ticketId: string; priority: Priority }): Promise<Ticket> {
      const { before, after } = await update(ticketId, () => ({ priority }));
      if (before.priority !== after.priority) {
        await recordActivity(db, { type: 'ticket.priority_changed', ticketId, actorId: actorId(), at: clock(), data: { from: before.priority, to: priority } });
      }
      return after;
    },

    async setTags({ ticketId, tags }: { ticketId: string; tags: string[] }): Promise<Ticket> {
      const unique = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
      const { after } = await update(ticketId, () => ({ tags: unique }));
      return after;
    },

    async markRead({ ticketId }: { ticketId: string }): Promise<null> {
      await update(ticketId, () => ({ unreadCount: 0 }));
      return null;
    },
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
