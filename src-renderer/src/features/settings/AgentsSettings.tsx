// Settings → Agents: the team as routing sees it (role, capacity, skills, languages, availability).
import { useLiveQuery } from '../../api/bridge-context';
import { AgentForm } from './AgentForm';

export function AgentsSettings() {
  const agents = useLiveQuery('agents.list', {}).value;
  const meId = useLiveQuery('app.status', {}).value?.me?.agentId ?? null;
  return (
    <section className="settings-section wide" data-testid="settings-agents">
      <h2>Agents</h2>
      <p className="muted">Everyone who signs in joins this list. Routing gives an agent at most their capacity of open tickets, by skill and language.</p>
      {!agents ? (
        <p className="loading">Loading…</p>
      ) : (
        agents.map((agent) => <AgentForm key={agent.id} agent={agent} isMe={agent.id === meId} />)
      )}
    </section>
  );
}
