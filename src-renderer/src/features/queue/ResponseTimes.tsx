// First-response and resolution times for today / 7 days / 30 days: the team's median and
// p90, the same per agent, and the daily medians as charts.
import type { AgentLoadView, MetricSet, ReportsOverview } from '../../../../src-preload/contract';
import { reportPeriods } from './report.periods';
import { useAppStore } from '../../store/app.store';
import { DailyChart } from './DailyChart';
import { chartDays, duration } from './report.format';

function Figure({ label, median, p90, count, testId }: { label: string; median: number | null; p90: number | null; count: number; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{duration(median)}</div>
      <div className="muted">
        p90 {duration(p90)} · {count} ticket{count === 1 ? '' : 's'}
      </div>
    </div>
  );
}

function AgentRow({ name, metrics }: { name: string; metrics: MetricSet }) {
  return (
    <tr data-testid="agent-times">
      <th scope="row">{name}</th>
      <td>{metrics.created}</td>
      <td>{metrics.resolved}</td>
      <td>{duration(metrics.firstResponse.medianMs)}</td>
      <td>{duration(metrics.firstResponse.p90Ms)}</td>
      <td>{duration(metrics.resolution.medianMs)}</td>
      <td>{duration(metrics.resolution.p90Ms)}</td>
    </tr>
  );
}

export function ResponseTimes({ reports, agents }: { reports: ReportsOverview; agents: readonly AgentLoadView[] }) {
  const period = useAppStore((s) => s.reportPeriod);
  const setPeriod = useAppStore((s) => s.setReportPeriod);
  const report = reports.periods[period];
  const team = report.team;
  const names = new Map(agents.map((a) => [a.agentId, a.name]));
  const rows = Object.entries(report.byAgent).sort(([a], [b]) => (a === 'unassigned' ? 1 : b === 'unassigned' ? -1 : (names.get(a) ?? a).localeCompare(names.get(b) ?? b)));
  const days = chartDays(reports.daily, period);
  return (
    <section className="queue-card times-card" data-testid="response-times" aria-label="Response times">
      <div className="times-head">
        <h2>Response times</h2>
        <div className="period-tabs" role="tablist" aria-label="Period">
          {reportPeriods.map((p) => (
            <button key={p.id} type="button" role="tab" data-testid={`period-${p.id}`} aria-selected={period === p.id} onClick={() => setPeriod(p.id)}>
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <div className="figures">
        <Figure label="First response (median)" median={team.firstResponse.medianMs} p90={team.firstResponse.p90Ms} count={team.firstResponse.count} testId="team-frt" />
        <Figure label="Resolution (median)" median={team.resolution.medianMs} p90={team.resolution.p90Ms} count={team.resolution.count} testId="team-resolution" />
        <div className="figure">
          <div className="figure-label">Created / resolved</div>
          <div className="figure-value">
            {team.created} / {team.resolved}
          </div>
          <div className="muted">times in {reports.timeZone}</div>
        </div>
      </div>
      <div className="charts">
        <DailyChart title="First response" days={days} value={(d) => d.firstResponseMedianMs} testId="frt-chart" tone="frt" />
        <DailyChart title="Resolution" days={days} value={(d) => d.resolutionMedianMs} testId="resolution-chart" tone="resolution" />
      </div>
      <table className="times-table" data-testid="agent-times-table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Created</th>
            <th scope="col">Resolved</th>
            <th scope="col">FRT median</th>
            <th scope="col">FRT p90</th>
            <th scope="col">Resolution median</th>
            <th scope="col">Resolution p90</th>
          </tr>
        </thead>
        <tbody>
          <AgentRow name="Team" metrics={team} />
          {rows.map(([id, metrics]) => (
            <AgentRow key={id} name={id === 'unassigned' ? 'Unassigned' : (names.get(id) ?? id)} metrics={metrics} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
