// Agents: the people who answer tickets, keyed by their Telegram user id.
import { z } from 'zod';

export const AgentRole = z.enum(['agent', 'lead', 'admin']);
export const Availability = z.enum(['online', 'away', 'busy', 'offline']);
export type Availability = z.infer<typeof Availability>;

export const Agent = z.object({
  id: z.string(),
  tgUserId: z.string(),
  name: z.string(),
  role: AgentRole,
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.number().int().min(0),
  availability: Availability,
  updatedAt: z.number(),
});
export type Agent = z.infer<typeof Agent>;

export const agentCommands = {
  'agents.setAvailability': {
    params: z.object({ agentId: z.string().min(1), availability: Availability }),
    result: Agent,
  },
} as const;

export const agentLiveQueries = {
  'agents.list': { params: z.object({}), result: z.array(Agent) },
} as const;
