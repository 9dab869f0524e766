// Test-only handles into the running shell for the Electron end-to-end spec, installed only
// when TOPICDESK_E2E=1: what the OS would do (click a notification or a tray item) cannot be
// done from Playwright. Also keeps external links from opening a browser during tests.
import type { TicketNotification } from './notifications.rules';
import type { UiRequest } from '../core/app/ui-requests';

export const E2E_GLOBAL = '__topicdeskE2E';

export interface E2eHooks {
  /** Shows a notification exactly as the ticket notifier would. */
  showNotification(notification: TicketNotification): boolean;
  /** Clicks the last notification shown (runs its real click handler). */
  clickLastNotification(): boolean;
  /** The tray menu's labels; empty where there is no tray (macOS). */
  trayLabels(): string[];
  clickTrayItem(id: string): boolean;
  /** Every request the shell sent to the UI, oldest first. */
  uiRequests(): UiRequest[];
  /** Links that would have opened in the system browser. */
  externalOpens(): string[];
}

export function e2eEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.TOPICDESK_E2E === '1';
}

export interface E2eRecorder {
  readonly uiRequests: UiRequest[];
  readonly externalOpens: string[];
}

export function createE2eRecorder(): E2eRecorder {
  return { uiRequests: [], externalOpens: [] };
}

export function installE2eHooks(hooks: E2eHooks): void {
  (globalThis as Record<string, unknown>)[E2E_GLOBAL] = hooks;
}
