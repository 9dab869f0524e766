// Tickets at SLA risk and breached, soonest deadline (or most overdue) first; a click opens
// the ticket in the inbox.
import type { QueueOverview, QueueTicket } from '../../../../src-preload/contract';
import { dueIn, priorityLabel, statusLabel } from '../../format';
import { useAppStore } from '../../store/app.store';
import { useNow } from '../inbox/useNow';

function TicketLine({ ticket, now, assignee }: { ticket: QueueTicket; now: number; assignee: string }) {
  return (
    <li>
      <button
        type="button"
        className="risk-ticket"
        data-testid="risk-ticket"
        data-ticket-id={ticket.ticketId}
        onClick={() => {
          const store = useAppStore.getState();
          store.setScreen('inbox');
          store.selectTicket(ticket.ticketId);
        }}
      >
        <span className="risk-subject">{ticket.subject}</span>
        <span className="muted">
          {statusLabel[ticket.status]} · {priorityLabel[ticket.priority]} · {assignee}
        </span>
        <span className={`chip sla sla-${ticket.slaState}`}>{ticket.slaDueAt !== null ? dueIn(ticket.slaDueAt, now) : ticket.slaState}</span>
      </button>
    </li>
  );
}

function Bucket({ title, bucket, testId, names, now }: { title: string; bucket: QueueOverview['atRisk']; testId: string; names: Map<string, string>; now: number }) {
  return (
    <div className="risk-bucket" data-testid={testId}>
      <h3>
        {title} <span className="count" data-testid={`${testId}-total`}>{bucket.total}</span>
      </h3>
      {bucket.tickets.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {bucket.tickets.map((t) => (
            <TicketLine key={t.ticketId} ticket={t} now={now} assignee={t.assigneeId ? (names.get(t.assigneeId) ?? t.assigneeId) : 'Unassigned'} />
          ))}
        </ul>
      )}
      {bucket.total > bucket.tickets.length && <p className="muted">and {bucket.total - bucket.tickets.length} more</p>}
    </div>
  );
}

export function SlaRiskList({ queue }: { queue: QueueOverview }) {
  const now = useNow(5_000);
  const names = new Map(queue.agents.map((a) => [a.agentId, a.name]));
  return (
    <section className="queue-card risk-card" data-testid="sla-risk" aria-label="SLA risk">
      <h2>SLA</h2>
      <div className="risk-buckets">
        <Bucket title="Breached" bucket={queue.breached} testId="sla-breached" names={names} now={now} />
        <Bucket title="At risk" bucket={queue.atRisk} testId="sla-at-risk" names={names} now={now} />
      </div>
    </section>
  );
}
