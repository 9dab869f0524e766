// Who is using this app: the signed-in agent, as the services see them.
export interface Me {
  agentId: string;
  name: string;
}
