// The top of the open ticket: subject, who wrote, tags, and the status/priority/assignee controls.
import type { TicketDetail } from '../../../../src-preload/contract';
import { TagEditor } from './TagEditor';
import { TicketControls } from './TicketControls';

export function TicketHeader({ ticket, onError }: { ticket: TicketDetail; onError(message: string | null): void }) {
  const customer = ticket.customer;
  return (
    <header className="ticket-header">
      <div className="ticket-title">
        <h2>{ticket.subject}</h2>
        <div className="customer">
          {customer.name}
          {customer.username ? ` · @${customer.username}` : ''}
          {customer.language ? ` · ${customer.language}` : ''}
          {customer.tier !== 'standard' ? ` · ${customer.tier}` : ''}
          {ticket.topicClosed ? ' · topic closed in Telegram' : ''}
        </div>
        <TagEditor ticket={ticket} onError={onError} />
      </div>
      <TicketControls ticket={ticket} onError={onError} />
    </header>
  );
}
