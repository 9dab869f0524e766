// The team lead's view of the shared queue: depth by status and priority, each agent's load
// against capacity, tickets at SLA risk or breached, and response times with charts. Live from
// the core's `queue.overview` (every second) and `reports.overview` (every few seconds).
import { useLiveQuery } from '../../api/bridge-context';
import { AgentLoads } from './AgentLoads';
import { QueueDepth } from './QueueDepth';
import { ResponseTimes } from './ResponseTimes';
import { SlaRiskList } from './SlaRiskList';

export function QueueScreen() {
  const { value: queue, error: queueError } = useLiveQuery('queue.overview', {});
  const { value: reports, error: reportsError } = useLiveQuery('reports.overview', {});
  const error = queueError ?? reportsError;
  return (
    <main className="queue-view" data-testid="queue-view" aria-label="Team queue">
      <header className="queue-header">
        <h1>Team queue</h1>
        {queue && <span className="muted">updated {new Date(queue.generatedAt).toLocaleTimeString()}</span>}
      </header>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {!queue ? (
        <p className="loading">Loading the queue…</p>
      ) : (
        <div className="queue-grid">
          <QueueDepth queue={queue} />
          <AgentLoads agents={queue.agents} />
          <SlaRiskList queue={queue} />
          {reports ? <ResponseTimes reports={reports} agents={queue.agents} /> : <p className="loading">Loading reports…</p>}
        </div>
      )}
    </main>
  );
}
