// The ticket list of the current view: search, sort, filters and a virtualized list that
// stays smooth with tens of thousands of tickets (only the visible rows are in the DOM).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { priorities, ticketStatuses, type Priority, type TicketSort, type TicketStatus } from '../../../../src-preload/contract';
import { useLiveQuery } from '../../api/bridge-context';
import { priorityLabel, statusLabel } from '../../format';
import { useAppStore } from '../../store/app.store';
import { TicketRow } from './TicketRow';
import { useNow } from './useNow';

const PAGE = 500;
const ROW_HEIGHT = 96;

export function TicketList() {
  const { view, sort, search, filters, selectedTicketId } = useAppStore(
    useShallow((s) => ({ view: s.view, sort: s.sort, search: s.search, filters: s.filters, selectedTicketId: s.selectedTicketId })),
  );
  const { setSort, setSearch, setFilters, selectTicket, setVisibleIds } = useAppStore.getState();
  const params = useMemo(() => ({ view, sort, limit: PAGE, ...(search.trim() ? { search } : {}), ...filters }), [view, sort, search, filters]);
  const { value: page } = useLiveQuery('tickets.list', params);
  const agents = useLiveQuery('agents.list', {}).value;
  const names = useMemo(() => new Map((agents ?? []).map((a) => [a.id, a.name])), [agents]);
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo(() => page?.items ?? [], [page]);

  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  useEffect(() => {
    setVisibleIds(items.map((t) => t.id));
  }, [items, setVisibleIds]);
  useEffect(() => {
    const index = items.findIndex((t) => t.id === selectedTicketId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedTicketId, items, virtualizer]);

  return (
    <section className="ticket-list" aria-label="Tickets">
      <div className="list-tools">
        <input
          id="ticket-search"
          type="search"
          data-testid="search-input"
          placeholder="Search subjects, customers, messages  ( / )"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
          }}
        />
        <div className="list-filters">
          <select aria-label="Sort" data-testid="sort-select" value={sort} onChange={(e) => setSort(e.target.value as TicketSort)}>
            <option value="sla">SLA due</option>
            <option value="activity">Last activity</option>
            <option value="created">Newest</option>
          </select>
          <select
            aria-label="Status filter"
            data-testid="filter-status"
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as TicketStatus | undefined })}
          >
            <option value="">Any status</option>
            {ticketStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
          <select
            aria-label="Priority filter"
            data-testid="filter-priority"
            value={filters.priority ?? ''}
            onChange={(e) => setFilters({ ...filters, priority: (e.target.value || undefined) as Priority | undefined })}
          >
            <option value="">Any priority</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabel[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="list-count" data-testid="list-count">
          {page ? `${page.total} ticket${page.total === 1 ? '' : 's'}${page.total > items.length ? ` (first ${items.length} shown)` : ''}` : 'Loading…'}
        </div>
      </div>
      <div className="list-scroller" ref={scroller} role="listbox" aria-label="Ticket list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const ticket = items[row.index];
            if (!ticket) return null;
            return (
              <div key={ticket.id} className="row-slot" style={{ transform: `translateY(${row.start}px)`, height: row.size }}>
                <TicketRow
                  ticket={ticket}
                  selected={ticket.id === selectedTicketId}
                  now={now}
                  assigneeName={ticket.assigneeId ? (names.get(ticket.assigneeId) ?? ticket.assigneeId) : null}
                  onOpen={selectTicket}
                />
              </div>
            );
          })}
        </div>
        {page && items.length === 0 && <div className="empty">No tickets here.</div>}
      </div>
    </section>
  );
}
