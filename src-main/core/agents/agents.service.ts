// Editing the team's agents from Settings: name, role, capacity, skills, languages and
// availability, as one local write per edit (it replicates like any other). Main process.
import { CommandError, type Agent } from '../../../src-preload/contract';
import type { TopicdeskDatabase } from '../db/database';
import { applyAgentUpdate, type AgentPatch } from './agent.update';

export interface AgentsServiceDeps {
  db: Pick<TopicdeskDatabase, 'agents'>;
  clock: () => number;
}

export class AgentsService {
  constructor(private readonly deps: AgentsServiceDeps) {}

  async update({ agentId, ...patch }: AgentPatch & { agentId: string }): Promise<Agent> {
    const { db, clock } = this.deps;
    const doc = await db.agents.findOne(agentId).exec();
    if (!doc) throw new CommandError('not_found', `Agent ${agentId} does not exist.`);
    const team = (await db.agents.find().exec()).map((d) => d.toMutableJSON() as Agent);
    const outcome = applyAgentUpdate(doc.toMutableJSON() as Agent, patch, team, clock());
    if (!outcome.ok) throw new CommandError('conflict', outcome.reason);
    if (!outcome.changed) return outcome.agent;
    const { id: _id, ...fields } = outcome.agent;
    const updated = await doc.incrementalPatch(fields);
    return updated.toMutableJSON() as Agent;
  }
}
