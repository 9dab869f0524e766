// What closing and re-opening the main window mean: closing keeps the app running (in the
// tray on Windows and Linux, in the Dock on macOS) unless the user is quitting; a second
// launch, the tray or a notification bring the window back. Pure.

export interface CloseContext {
  platform: NodeJS.Platform;
  /** The user chose Quit (menu, tray, Cmd+Q) or the system is shutting down. */
  quitting: boolean;
  /** Without a tray icon on Windows/Linux, a hidden window could not be brought back. */
  trayAvailable: boolean;
}

export type CloseAction = 'hide' | 'close';

export function closeAction({ platform, quitting, trayAvailable }: CloseContext): CloseAction {
  if (quitting) return 'close';
  if (platform === 'darwin' || trayAvailable) return 'hide';
  return 'close';
}

export interface RevealableWindow {
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** Restored, shown and focused, whatever state it was left in. */
export function revealWindow(window: RevealableWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
