// The open ticket: header with its controls, the conversation, the composer and the order panel.
import { useEffect, useState } from 'react';
import type { TicketDetail } from '../../../../src-preload/contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { Composer } from '../composer/Composer';
import { OrderPanel } from '../orders/OrderPanel';
import { Thread } from './Thread';
import { TicketHeader } from './TicketHeader';

/** Keyed by ticket id, so its local state (the last error) never leaks to the next ticket. */
function TicketView({ ticket }: { ticket: TicketDetail }) {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  const unread = ticket.unreadCount;
  useEffect(() => {
    if (unread > 0) void bridge.invoke('tickets.markRead', { ticketId: ticket.id });
  }, [bridge, ticket.id, unread]);

  return (
    <section className="ticket-pane" data-testid="ticket-pane" data-ticket-id={ticket.id} aria-label={`Ticket: ${ticket.subject}`}>
      <TicketHeader ticket={ticket} onError={setError} />
      {error && (
        <div className="error banner" role="alert" data-testid="ticket-error">
          {error}
        </div>
      )}
      <div className="ticket-body">
        <div className="ticket-main">
          <Thread ticketId={ticket.id} />
          <Composer ticket={ticket} />
        </div>
        <OrderPanel ticketId={ticket.id} />
      </div>
    </section>
  );
}

export function TicketPane() {
  const ticketId = useAppStore((s) => s.selectedTicketId);
  const { value: ticket } = useLiveQuery('tickets.get', ticketId ? { ticketId } : null);
  if (!ticketId) return <section className="ticket-pane empty">Select a ticket to read it (j/k and Enter work too).</section>;
  if (ticket === undefined) return <section className="ticket-pane empty">Loading…</section>;
  if (ticket === null) return <section className="ticket-pane empty">This ticket no longer exists.</section>;
  return <TicketView key={ticket.id} ticket={ticket} />;
}
