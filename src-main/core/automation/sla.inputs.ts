// What the SLA arithmetic needs for one ticket: its policy (first match by order), the policy's
// calendar and the ticket's status history, all from memory. Shared by the SLA and escalation
// services so both see the same clocks. Main process.
import type { Ticket } from '../../../src-preload/contract';
import type { Calendar, SlaPolicy } from '../../../src-preload/contract/config.contract';
import { selectSlaPolicy, type SlaInput } from '../rules/sla.deadlines';
import type { ConfigStore } from './config.store';
import type { StatusHistory } from './status.history';

export class SlaInputs {
  private readonly missingCalendars = new Set<string>();

  constructor(
    private readonly config: ConfigStore,
    private readonly history: StatusHistory,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  policyFor(ticket: Ticket): SlaPolicy | null {
    return selectSlaPolicy(ticket, this.config.list('slaPolicies'));
  }

  calendarFor(policy: SlaPolicy | null): Calendar | null {
    if (!policy || policy.calendarId === null) return null;
    const calendar = this.config.get('calendars', policy.calendarId);
    if (!calendar && !this.missingCalendars.has(policy.calendarId)) {
      // Deleted elsewhere, or not replicated yet: count around the clock rather than not at all.
      this.missingCalendars.add(policy.calendarId);
      this.log(`sla: policy ${policy.id} names calendar ${policy.calendarId}, which does not exist; counting around the clock`);
    }
    return calendar ?? null;
  }

  inputFor(ticket: Ticket): SlaInput {
    const policy = this.policyFor(ticket);
    return { ticket, statusChanges: this.history.of(ticket.id), policy, calendar: this.calendarFor(policy) };
  }
}
