// Wakes the core after the computer sleeps or the network comes back, so Telegram reconnects
// and fetches what was missed. The main process has no "online" event, so it polls
// net.isOnline() (a cheap in-memory flag in Chromium) instead of relying on the window,
// which may be closed to the tray. Main process; Electron is passed in.

export type ResumeReason = 'system-resume' | 'back-online';

export interface ResumeWatcherDeps {
  /** powerMonitor 'resume'; returns how to stop listening. */
  onSystemResume(listener: () => void): () => void;
  isOnline(): boolean;
  /** A repeating timer; returns how to stop it. */
  every(ms: number, tick: () => void): () => void;
  resume(reason: ResumeReason): Promise<void>;
  log(message: string, error?: unknown): void;
}

export const ONLINE_POLL_MS = 10_000;

export function watchResume(deps: ResumeWatcherDeps): { dispose(): void } {
  let running = false;
  let again: ResumeReason | null = null;
  let disposed = false;

  // One resume at a time; a wake-up during one (resume and back online together) runs once
  // more afterwards rather than in parallel.
  const trigger = (reason: ResumeReason): void => {
    if (disposed) return;
    if (running) {
      again = reason;
      return;
    }
    running = true;
    deps
      .resume(reason)
      .catch((error: unknown) => deps.log(`resume after ${reason} failed`, error))
      .finally(() => {
        running = false;
        const next = again;
        again = null;
        if (next) trigger(next);
      });
  };

  let online = deps.isOnline();
  const stopPolling = deps.every(ONLINE_POLL_MS, () => {
    const now = deps.isOnline();
    if (now && !online) trigger('back-online');
    online = now;
  });
  const stopListening = deps.onSystemResume(() => trigger('system-resume'));

  return {
    dispose() {
      disposed = true;
      stopPolling();
      stopListening();
    },
  };
}
