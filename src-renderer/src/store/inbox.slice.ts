// What the agent is looking at in the inbox: view, sort, filters, search, the open ticket.
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
  selectedTicketId: string | null;
  /** The ticket ids in the order the list shows them, for j/k. */
  visibleIds: string[];
  setView(view: InboxView): void;
  setSort(sort: TicketSort): void;
  setSearch(search: string): void;
  setFilters(filters: InboxFilters): void;
  selectTicket(id: string | null): void;
  setVisibleIds(ids: string[]): void;
  moveSelection(step: 1 | -1): void;
}

export const createInboxSlice: StateCreator<AppState, [], [], InboxSlice> = (set, get) => ({
  view: 'all',
  sort: 'sla',
  search: '',
  filters: {},
  selectedTicketId: null,
  visibleIds: [],
  setView: (view) => set({ view, screen: 'inbox' }),
  setSort: (sort) => set({ sort }),
  setSearch: (search) => set({ search }),
  setFilters: (filters) => set({ filters }),
  selectTicket: (selectedTicketId) => set({ selectedTicketId }),
  setVisibleIds: (visibleIds) => set({ visibleIds }),
  moveSelection: (step) => {
    const { visibleIds, selectedTicketId } = get();
    if (visibleIds.length === 0) return;
    const at = selectedTicketId ? visibleIds.indexOf(selectedTicketId) : -1;
    const next = Math.min(visibleIds.length - 1, Math.max(0, at + step));
    set({ selectedTicketId: visibleIds[next] ?? null });
  },
});
