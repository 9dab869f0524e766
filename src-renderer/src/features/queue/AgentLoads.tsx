// Each agent's open tickets against their capacity, with their availability and role.
import type { AgentLoadView } from '../../../../src-preload/contract';
import { loadShare } from './report.format';

const availabilityText = { online: 'Online', away: 'Away', busy: 'Busy', offline: 'Offline' } as const;

export function AgentLoads({ agents }: { agents: readonly AgentLoadView[] }) {
  return (
    <section className="queue-card" data-testid="agent-loads" aria-label="Agent load">
      <h2>Load by agent</h2>
      {agents.length === 0 ? (
        <p className="muted">No agents yet.</p>
      ) : (
        <ul className="agent-loads">
          {agents.map((agent) => {
            const { share, over } = loadShare(agent.load, agent.capacity);
            return (
              <li key={agent.agentId} data-testid="agent-load" data-agent-id={agent.agentId} className={over ? 'over' : undefined}>
                <span className={`availability availability-${agent.availability}`} title={availabilityText[agent.availability]} />
                <span className="agent-name">
                  {agent.name}
                  <span className="muted"> · {agent.role} · {availabilityText[agent.availability]}</span>
                </span>
                <span className="load-bar" role="meter" aria-valuemin={0} aria-valuemax={agent.capacity} aria-valuenow={agent.load} aria-label={`${agent.name}'s load`}>
                  <span className="load-fill" style={{ width: `${share * 100}%` }} />
                </span>
                <span className="load-text" data-testid="agent-load-text">
                  {agent.load} / {agent.capacity}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
