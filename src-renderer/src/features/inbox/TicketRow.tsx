// One row of the ticket list: customer, subject, last message, status, priority, assignee,
// SLA badge and unread marker.
import { memo } from 'react';
import type { Ticket } from '../../../../src-preload/contract';
import { dueIn, priorityLabel, relativeTime, slaLabel, statusLabel } from '../../format';

interface Props {
  ticket: Ticket;
  selected: boolean;
  /** Where j/k point (Enter opens it). */
  cursor: boolean;
  now: number;
  assigneeName: string | null;
  onOpen(id: string): void;
}

export const TicketRow = memo(function TicketRow({ ticket, selected, cursor, now, assigneeName, onOpen }: Props) {
  const sla = ticket.slaState;
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      className={`ticket-row${selected ? ' selected' : ''}${cursor ? ' cursor' : ''}${ticket.unreadCount > 0 ? ' unread' : ''}`}
      data-testid="ticket-row"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      data-cursor={cursor || undefined}
      onClick={() => onOpen(ticket.id)}
    >
      <div className="row-top">
        {ticket.unreadCount > 0 && <span className="unread-dot" data-testid="unread-marker" aria-label={`${ticket.unreadCount} unread`} />}
        <span className="row-customer">{ticket.customer.name}</span>
        <span className="row-time">{relativeTime(ticket.lastMessageAt, now)}</span>
      </div>
      <div className="row-subject">{ticket.subject}</div>
      <div className="row-preview">{ticket.lastMessagePreview}</div>
      <div className="row-chips">
        <span className={`chip status-${ticket.status}`}>{statusLabel[ticket.status]}</span>
        <span className={`chip priority-${ticket.priority}`}>{priorityLabel[ticket.priority]}</span>
        <span className="chip assignee">{assigneeName ?? 'Unassigned'}</span>
        <span className={`chip sla sla-${sla}`} data-testid="sla-badge" data-sla-state={sla}>
          {ticket.slaDueAt !== null && (sla === 'ok' || sla === 'at_risk' || sla === 'breached') ? dueIn(ticket.slaDueAt, now) : slaLabel[sla]}
        </span>
      </div>
    </div>
  );
});
