// How deep the queue is: tickets by status and active tickets by priority, and how many nobody owns.
import type { QueueOverview } from '../../../../src-preload/contract';
import { priorityLabel, statusLabel } from '../../format';

function Counts<K extends string>({ title, counts, labels, testId }: { title: string; counts: Record<K, number>; labels: Readonly<Record<string, string>>; testId: string }) {
  const entries = Object.entries(counts) as [K, number][];
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <div className="depth-group" data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {entries.map(([key, count]) => (
          <li key={key} data-key={key}>
            <span className="depth-label">{labels[key] ?? key}</span>
            <span className="depth-bar">
              <span className={`depth-fill fill-${key}`} style={{ width: `${(count / max) * 100}%` }} />
            </span>
            <span className="depth-count" data-testid="depth-count">
              {count}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function QueueDepth({ queue }: { queue: QueueOverview }) {
  return (
    <section className="queue-card" data-testid="queue-depth" aria-label="Queue depth">
      <h2>
        Queue depth <span className="muted">· {queue.unassigned} unassigned</span>
      </h2>
      <div className="depth-groups">
        <Counts title="By status" counts={queue.byStatus} labels={statusLabel} testId="depth-status" />
        <Counts title="Active by priority" counts={queue.byPriority} labels={priorityLabel} testId="depth-priority" />
      </div>
    </section>
  );
}
