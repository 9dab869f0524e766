// The ticket list of the current view: search, sort, filters and a virtualized list that
// stays smooth with tens of thousands of tickets (only the visible rows are in the DOM).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { ListFilters } from './ListFilters';
import { SearchField } from './SearchField';
import { TicketRow } from './TicketRow';
import { useNow } from './useNow';

const PAGE = 500;
const ROW_HEIGHT = 96;

export function TicketList() {
  const { view, sort, search, filters, selectedTicketId, cursorTicketId } = useAppStore(
    useShallow((s) => ({ view: s.view, sort: s.sort, search: s.search, filters: s.filters, selectedTicketId: s.selectedTicketId, cursorTicketId: s.cursorTicketId })),
  );
  const { selectTicket, setVisibleIds, rememberTags } = useAppStore.getState();
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
    rememberTags(items.flatMap((t) => t.tags));
  }, [items, setVisibleIds, rememberTags]);
  const pointed = cursorTicketId ?? selectedTicketId;
  useEffect(() => {
    const index = items.findIndex((t) => t.id === pointed);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [pointed, items, virtualizer]);

  return (
    <section className="ticket-list" aria-label="Tickets">
      <div className="list-tools">
        <SearchField />
        <ListFilters agents={agents ?? []} />
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
                  cursor={ticket.id === cursorTicketId}
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
