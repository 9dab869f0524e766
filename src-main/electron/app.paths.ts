// Where the desktop app keeps its files inside userData, and the one override of userData
// itself (TOPICDESK_USER_DATA: a second profile, or an isolated end-to-end test run). Pure.
import { isAbsolute, join } from 'node:path';

export interface AppFiles {
  workspaceDir: string;
  secrets: string;
  windowState: string;
}

export function appFiles(userData: string, workspace = 'default'): AppFiles {
  return {
    workspaceDir: join(userData, 'workspaces', workspace),
    secrets: join(userData, 'secrets.json'),
    windowState: join(userData, 'window-state.json'),
  };
}

/** An absolute directory to use as userData instead of the system's default, or null. */
export function userDataOverride(env: NodeJS.ProcessEnv): string | null {
  const dir = env.TOPICDESK_USER_DATA?.trim();
  return dir && isAbsolute(dir) ? dir : null;
}
