// Sort and filters above the ticket list: status, priority, assignee and tag. The core does
// the filtering (tickets.list); these only say what to ask for.
import type { ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { priorities, ticketStatuses, type Agent, type Priority, type TicketSort, type TicketStatus } from '../../../../src-preload/contract';
import { priorityLabel, statusLabel } from '../../format';
import { useAppStore } from '../../store/app.store';

/** The chosen value; the select is left at once, so j/k go back to the list instead of its options. */
function pick(event: ChangeEvent<HTMLSelectElement>): string {
  event.currentTarget.blur();
  return event.target.value;
}

export function ListFilters({ agents }: { agents: readonly Agent[] }) {
  const { sort, filters, knownTags } = useAppStore(useShallow((s) => ({ sort: s.sort, filters: s.filters, knownTags: s.knownTags })));
  const { setSort, setFilters } = useAppStore.getState();
  const tags = filters.tag && !knownTags.includes(filters.tag) ? [filters.tag, ...knownTags] : knownTags;
  const active = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="list-filters">
      <select aria-label="Sort" data-testid="sort-select" value={sort} onChange={(e) => setSort(pick(e) as TicketSort)}>
        <option value="sla">SLA due</option>
        <option value="activity">Last activity</option>
        <option value="created">Newest</option>
      </select>
      <select
        aria-label="Status filter"
        data-testid="filter-status"
        value={filters.status ?? ''}
        onChange={(e) => setFilters({ ...filters, status: (pick(e) || undefined) as TicketStatus | undefined })}
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
        onChange={(e) => setFilters({ ...filters, priority: (pick(e) || undefined) as Priority | undefined })}
      >
        <option value="">Any priority</option>
        {priorities.map((p) => (
          <option key={p} value={p}>
            {priorityLabel[p]}
          </option>
        ))}
      </select>
      <select
        aria-label="Assignee filter"
        data-testid="filter-assignee"
        value={filters.assigneeId ?? ''}
        onChange={(e) => setFilters({ ...filters, assigneeId: pick(e) || undefined })}
      >
        <option value="">Any assignee</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <select aria-label="Tag filter" data-testid="filter-tag" value={filters.tag ?? ''} onChange={(e) => setFilters({ ...filters, tag: pick(e) || undefined })}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            #{t}
          </option>
        ))}
      </select>
      {active && (
        <button type="button" className="link-button" data-testid="clear-filters" onClick={() => setFilters({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
