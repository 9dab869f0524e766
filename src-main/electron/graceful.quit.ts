// Quitting closes the database before the process ends: the first 'before-quit' is held
// back until the core is disposed (or a time limit passes), then the quit goes through.
// Main process; Electron's event is passed in.

export interface QuitSequenceDeps {
  dispose(): Promise<void>;
  /** app.quit(): called again once disposing is done. */
  quit(): void;
  log(message: string, error?: unknown): void;
  /** A hung dispose must not keep the app from quitting. */
  timeoutMs?: number;
}

export interface QuitSequence {
  /** True from the moment the user asked to quit: windows then close instead of hiding. */
  readonly quitting: boolean;
  onBeforeQuit(event: { preventDefault(): void }): void;
}

export const QUIT_TIMEOUT_MS = 5_000;

export function createQuitSequence(deps: QuitSequenceDeps): QuitSequence {
  let state: 'running' | 'disposing' | 'done' = 'running';
  return {
    get quitting() {
      return state !== 'running';
    },
    onBeforeQuit(event) {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'disposing') return;
      state = 'disposing';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          deps.log('closing the core took too long; quitting anyway');
          resolve();
        }, deps.timeoutMs ?? QUIT_TIMEOUT_MS);
      });
      const disposed = deps.dispose().catch((error: unknown) => deps.log('closing the core failed', error));
      void Promise.race([disposed, limit]).then(() => {
        clearTimeout(timer);
        state = 'done';
        deps.quit();
      });
    },
  };
}
