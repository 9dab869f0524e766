// What the agent is looking at in the inbox: view, sort, filters, search, the keyboard cursor
// in the list and the open ticket (j/k move the cursor, Enter or a click opens).
import type { StateCreator } from 'zustand';
import type { InboxView, Priority, TicketSort, TicketStatus } from '../../../src-preload/contract';
import type { AppState } from './app.store';

export interface InboxFilters {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: string;
  tag?: string;
}

export interface InboxSlice {
  view: InboxView;
  sort: TicketSort;
  search: string;
  filters: InboxFilters;
  /** The ticket open in the ticket pane. */
  selectedTicketId: string | null;
  /** The row j/k point at; Enter opens it. Follows the open ticket when one is opened. */
  cursorTicketId: string | null;
  /** The ticket ids in the order the list shows them, for j/k. */
  visibleIds: string[];
  /** Tags seen on tickets this session, offered by the tag filter and the tag editor. */
  knownTags: string[];
  setView(view: InboxView): void;
  setSort(sort: TicketSort): void;
  setSearch(search: string): void;
  setFilters(filters: InboxFilters): void;
  /** Opens a ticket (null closes the pane) and puts the cursor on it. */
  selectTicket(id: string | null): void;
  setVisibleIds(ids: string[]): void;
  moveCursor(step: 1 | -1): void;
  /** Opens the ticket under the cursor (the first one when there is no cursor yet). */
  openCursor(): void;
  /** Moves the cursor and opens that ticket at once (the desktop menu's next/previous). */
  moveSelection(step: 1 | -1): void;
  rememberTags(tags: readonly string[]): void;
}

/** The id `step` rows away from `from` in `ids`, clamped to the list; the first row from nowhere. */
export function stepThrough(ids: readonly string[], from: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = from === null ? -1 : ids.indexOf(from);
  if (at === -1) return ids[step === 1 ? 0 : ids.length - 1] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null;
}

export const createInboxSlice: StateCreator<AppState, [], [], InboxSlice> = (set, get) => ({
  view: 'all',
  sort: 'sla',
  search: '',
  filters: {},
  selectedTicketId: null,
  cursorTicketId: null,
  visibleIds: [],
  knownTags: [],
  setView: (view) => set({ view, screen: 'inbox' }),
  setSort: (sort) => set({ sort }),
  setSearch: (search) => set({ search }),
  setFilters: (filters) => set({ filters }),
  selectTicket: (selectedTicketId) => set({ selectedTicketId, cursorTicketId: selectedTicketId }),
  setVisibleIds: (visibleIds) => set({ visibleIds }),
  moveCursor: (step) => {
    const { visibleIds, cursorTicketId, selectedTicketId } = get();
    const next = stepThrough(visibleIds, cursorTicketId ?? selectedTicketId, step);
    if (next !== null) set({ cursorTicketId: next });
  },
  openCursor: () => {
    const { visibleIds, cursorTicketId } = get();
    const id = cursorTicketId !== null && visibleIds.includes(cursorTicketId) ? cursorTicketId : (visibleIds[0] ?? null);
    if (id !== null) set({ selectedTicketId: id, cursorTicketId: id });
  },
  moveSelection: (step) => {
    const { visibleIds, cursorTicketId, selectedTicketId } = get();
    const next = stepThrough(visibleIds, cursorTicketId ?? selectedTicketId, step);
    if (next !== null) set({ selectedTicketId: next, cursorTicketId: next });
  },
  rememberTags: (tags) => {
    const known = get().knownTags;
    const fresh = tags.filter((tag) => !known.includes(tag));
    if (fresh.length > 0) set({ knownTags: [...known, ...fresh].sort((a, b) => a.localeCompare(b)) });
  },
});
