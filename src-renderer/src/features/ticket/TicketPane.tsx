// The open ticket: who wrote, the controls, the conversation and the composer.
import { useEffect, useState } from 'react';
import type { TicketDetail } from '../../../../src-preload/contract';
import { useCommand, useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { OrderPanel } from '../orders/OrderPanel';
import { Composer } from './Composer';
import { Thread } from './Thread';
import { TicketControls } from './TicketControls';

/** Keyed by ticket id, so its local state (the last error) never leaks to the next ticket. */
function TicketView({ ticket }: { ticket: TicketDetail }) {
  const command = useCommand();
  const [error, setError] = useState<string | null>(null);
  const unread = ticket.unreadCount;
  useEffect(() => {
    if (unread > 0) void command('tickets.markRead', { ticketId: ticket.id });
  }, [command, ticket.id, unread]);

  const customer = ticket.customer;
  return (
    <section className="ticket-pane" data-testid="ticket-pane" aria-label={`Ticket: ${ticket.subject}`}>
      <header className="ticket-header">
        <div>
          <h2>{ticket.subject}</h2>
          <div className="customer">
            {customer.name}
            {customer.username ? ` · @${customer.username}` : ''}
            {customer.tier !== 'standard' ? ` · ${customer.tier}` : ''}
            {ticket.topicClosed ? ' · topic closed in Telegram' : ''}
          </div>
        </div>
        <TicketControls ticket={ticket} onError={setError} />
      </header>
      {error && <div className="error banner" role="alert">{error}</div>}
      <div className="ticket-body">
        <div className="ticket-main">
          <Thread ticketId={ticket.id} />
          <Composer ticketId={ticket.id} />
        </div>
        <OrderPanel ticketId={ticket.id} />
      </div>
    </section>
  );
}

export function TicketPane() {
  const ticketId = useAppStore((s) => s.selectedTicketId);
  const { value: ticket } = useLiveQuery('tickets.get', ticketId ? { ticketId } : null);
  if (!ticketId) return <section className="ticket-pane empty">Select a ticket to read it.</section>;
  if (ticket === undefined) return <section className="ticket-pane empty">Loading…</section>;
  if (ticket === null) return <section className="ticket-pane empty">This ticket no longer exists.</section>;
  return <TicketView key={ticket.id} ticket={ticket} />;
}
