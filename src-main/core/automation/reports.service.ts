// Serves the lead's reports and queue overview as live views over the in-memory tickets and
// agents, recomputed at most every few seconds while tickets stream in. Main process.
import { merge, type Observable } from 'rxjs';
import type {
  QueueOverview,
  ReportPeriod,
  ReportsOverview,
  TicketTimesRow,
} from '../../../src-preload/contract/automation.contract';
import type { InboxIndex } from '../tickets/inbox.index';
import type { AgentsRoster } from './agents.roster';
import { queueOverview, reportsOverview, ticketTimesRows } from './reports.overview';
import { throttledView } from './throttled.view';
import type { Timers } from './timers';

export interface ReportsServiceDeps {
  inbox: InboxIndex;
  agents: AgentsRoster;
  clock: () => number;
  timers: Timers;
  /** The team's zone for calendar days when the caller names none. */
  timeZone: string;
  /** Reports are recomputed at most this often. */
  reportIntervalMs: number;
  /** The queue overview (cheaper, watched live by the lead) at most this often. */
  queueIntervalMs: number;
}

export class ReportsService {
  constructor(private readonly deps: ReportsServiceDeps) {}

  private get changes$(): Observable<unknown> {
    return merge(this.deps.inbox.changed$, this.deps.agents.changes$);
  }

  overview$(timeZone?: string): Observable<ReportsOverview> {
    const { inbox, agents, clock, timers } = this.deps;
    const zone = timeZone ?? this.deps.timeZone;
    return throttledView(this.changes$, () => reportsOverview([...inbox.all()], agents.list, { now: clock(), timeZone: zone }), {
      intervalMs: this.deps.reportIntervalMs,
      timers,
      clock,
    });
  }

  queue$(): Observable<QueueOverview> {
    const { inbox, agents, clock, timers } = this.deps;
    return throttledView(this.changes$, () => queueOverview(inbox.all(), agents.list, clock()), {
      intervalMs: this.deps.queueIntervalMs,
      timers,
      clock,
    });
  }

  tickets$(params: { period: ReportPeriod; agentId?: string | undefined; timeZone?: string | undefined; limit: number }): Observable<{ items: TicketTimesRow[]; total: number }> {
    const { inbox, clock, timers } = this.deps;
    return throttledView(
      this.deps.inbox.changed$,
      () => ticketTimesRows(inbox.all(), { ...params, timeZone: params.timeZone ?? this.deps.timeZone, now: clock() }),
      { intervalMs: this.deps.reportIntervalMs, timers, clock },
    );
  }
}
