// Status, priority and assignee of the open ticket. Only legal status moves are offered;
// the core checks them again.
import type { Agent, Priority, TicketDetail, TicketStatus } from '../../../../src-preload/contract';
import { priorities } from '../../../../src-preload/contract';
import { useCommand, useLiveQuery } from '../../api/bridge-context';
import { priorityLabel, statusLabel } from '../../format';

export function TicketControls({ ticket, onError }: { ticket: TicketDetail; onError(message: string | null): void }) {
  const command = useCommand();
  const agents = useLiveQuery('agents.list', {}).value ?? [];
  const report = (result: { ok: boolean; error?: { message: string } }) => onError(result.ok ? null : (result.error?.message ?? 'Failed'));

  return (
    <div className="ticket-controls">
      <label>
        Status
        <select
          data-testid="status-select"
          value={ticket.status}
          onChange={(event) => void command('tickets.setStatus', { ticketId: ticket.id, status: event.target.value as TicketStatus }).then(report)}
        >
          {ticket.allowedStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select
          data-testid="priority-select"
          value={ticket.priority}
          onChange={(event) => void command('tickets.setPriority', { ticketId: ticket.id, priority: event.target.value as Priority }).then(report)}
        >
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabel[priority]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Assignee
        <select
          data-testid="assignee-select"
          value={ticket.assigneeId ?? ''}
          onChange={(event) => void command('tickets.assign', { ticketId: ticket.id, assigneeId: event.target.value || null }).then(report)}
        >
          <option value="">Unassigned</option>
          {agents.map((agent: Agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
          {ticket.assigneeId && !agents.some((a) => a.id === ticket.assigneeId) && <option value={ticket.assigneeId}>{ticket.assigneeId}</option>}
        </select>
      </label>
    </div>
  );
}
