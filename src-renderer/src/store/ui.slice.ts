// Which screen is showing, which panels are open, and the one-line notices that say what a
// shortcut did or why it could not.
import type { StateCreator } from 'zustand';
import type { AppState } from './app.store';

export type Screen = 'inbox' | 'queue' | 'settings';
export type ComposerMode = 'agent' | 'note';

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface UiSlice {
  screen: Screen;
  composerMode: ComposerMode;
  /** Asks the composer of this ticket to take the focus (r / n), numbered so it is acted on once. */
  composerFocus: { seq: number; ticketId: string | null };
  /** The last request a composer acted on. */
  composerFocusHandled: number;
  /** Bumped to ask the search field to take the focus (`/`, also from other screens). */
  searchFocus: number;
  shortcutsOpen: boolean;
  notice: Notice | null;
  setScreen(screen: Screen): void;
  focusComposer(mode: ComposerMode): void;
  /** True (once) when a focus request for `ticketId` is waiting; it counts as handled then. */
  takeComposerFocus(ticketId: string): boolean;
  focusSearch(): void;
  setComposerMode(mode: ComposerMode): void;
  toggleShortcuts(open?: boolean): void;
  showNotice(text: string, tone?: Notice['tone']): void;
  dismissNotice(id?: number): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  screen: 'inbox',
  composerMode: 'agent',
  composerFocus: { seq: 0, ticketId: null },
  composerFocusHandled: 0,
  searchFocus: 0,
  shortcutsOpen: false,
  notice: null,
  setScreen: (screen) => set({ screen }),
  // A request made before the ticket's composer is on screen (r right after Enter) still counts.
  focusComposer: (composerMode) => set((s) => ({ composerMode, composerFocus: { seq: s.composerFocus.seq + 1, ticketId: s.selectedTicketId } })),
  takeComposerFocus: (ticketId) => {
    const { composerFocus, composerFocusHandled } = get();
    if (composerFocus.ticketId !== ticketId || composerFocus.seq <= composerFocusHandled) return false;
    set({ composerFocusHandled: composerFocus.seq });
    return true;
  },
  focusSearch: () => set((s) => ({ screen: 'inbox', searchFocus: s.searchFocus + 1 })),
  setComposerMode: (composerMode) => set({ composerMode }),
  toggleShortcuts: (open) => set((s) => ({ shortcutsOpen: open ?? !s.shortcutsOpen })),
  showNotice: (text, tone = 'info') => set((s) => ({ notice: { id: (s.notice?.id ?? 0) + 1, text, tone } })),
  dismissNotice: (id) => {
    if (id === undefined || get().notice?.id === id) set({ notice: null });
  },
});
