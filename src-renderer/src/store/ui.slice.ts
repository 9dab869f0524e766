// Which screen is showing and which panels are open.
import type { StateCreator } from 'zustand';
import type { AppState } from './app.store';

export type Screen = 'inbox' | 'queue' | 'settings';
export type ComposerMode = 'agent' | 'note';

export interface UiSlice {
  screen: Screen;
  composerMode: ComposerMode;
  /** Bumped to ask the composer to take the focus (r / n shortcuts). */
  composerFocus: number;
  shortcutsOpen: boolean;
  setScreen(screen: Screen): void;
  focusComposer(mode: ComposerMode): void;
  setComposerMode(mode: ComposerMode): void;
  toggleShortcuts(open?: boolean): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  screen: 'inbox',
  composerMode: 'agent',
  composerFocus: 0,
  shortcutsOpen: false,
  setScreen: (screen) => set({ screen }),
  focusComposer: (composerMode) => set((s) => ({ composerMode, composerFocus: s.composerFocus + 1 })),
  setComposerMode: (composerMode) => set({ composerMode }),
  toggleShortcuts: (open) => set((s) => ({ shortcutsOpen: open ?? !s.shortcutsOpen })),
});
