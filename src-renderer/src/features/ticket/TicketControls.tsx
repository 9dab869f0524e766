// Status, priority and assignee of the open ticket. Only legal status moves are offered (the
// core checks them again); reassigning a ticket that has an owner asks for a transfer note.
import { useState, type ChangeEvent } from 'react';
import type { Agent, Priority, TicketDetail, TicketStatus } from '../../../../src-preload/contract';
import { priorities } from '../../../../src-preload/contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { priorityLabel, statusLabel } from '../../format';
import { ReassignForm } from './ReassignForm';

/** Leave the select once chosen, so j/k go back to the list instead of its options. */
const blurAfter = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.blur();

export function TicketControls({ ticket, onError }: { ticket: TicketDetail; onError(message: string | null): void }) {
  const bridge = useBridge();
  const agents = useLiveQuery('agents.list', {}).value ?? [];
  const [pending, setPending] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const report = (result: { ok: boolean; error?: { message: string } }) => onError(result.ok ? null : (result.error?.message ?? 'Failed'));
  const nameOf = (id: string | null) => (id === null ? 'nobody' : (agents.find((a) => a.id === id)?.name ?? id));

  async function assign(assigneeId: string | null, note?: string): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('tickets.assign', { ticketId: ticket.id, assigneeId, ...(note?.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    setPending(undefined);
    report(result);
  }

  function chooseAssignee(event: ChangeEvent<HTMLSelectElement>): void {
    blurAfter(event);
    const next = event.target.value || null;
    if (next === ticket.assigneeId) return setPending(undefined);
    // Taking over from a colleague (or handing back) deserves a word on where things stand.
    if (ticket.assigneeId !== null) setPending(next);
    else void assign(next);
  }

  const shownAssignee = pending !== undefined ? pending : ticket.assigneeId;
  return (
    <div className="ticket-controls-wrap">
      <div className="ticket-controls">
        <label>
          Status
          <select
            data-testid="status-select"
            value={ticket.status}
            onChange={(event) => {
              blurAfter(event);
              void bridge.invoke('tickets.setStatus', { ticketId: ticket.id, status: event.target.value as TicketStatus }).then(report);
            }}
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
            onChange={(event) => {
              blurAfter(event);
              void bridge.invoke('tickets.setPriority', { ticketId: ticket.id, priority: event.target.value as Priority }).then(report);
            }}
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
          <select data-testid="assignee-select" value={shownAssignee ?? ''} disabled={busy} onChange={chooseAssignee}>
            <option value="">Unassigned</option>
            {agents.map((agent: Agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
                {agent.availability !== 'online' ? ` (${agent.availability})` : ''}
              </option>
            ))}
            {ticket.assigneeId && !agents.some((a) => a.id === ticket.assigneeId) && <option value={ticket.assigneeId}>{ticket.assigneeId}</option>}
          </select>
        </label>
      </div>
      {pending !== undefined && (
        <ReassignForm
          fromName={nameOf(ticket.assigneeId)}
          toName={nameOf(pending)}
          busy={busy}
          onConfirm={(note) => void assign(pending, note)}
          onCancel={() => setPending(undefined)}
        />
      )}
    </div>
  );
}
