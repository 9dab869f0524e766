// The ticket search: subjects, customer names and usernames, and message text (as far as the
// core indexes it). `/` focuses it from anywhere; Esc leaves it.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app.store';

export function SearchField() {
  const search = useAppStore((s) => s.search);
  const focusRequest = useAppStore((s) => s.searchFocus);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [focusRequest]);
  return (
    <input
      ref={input}
      id="ticket-search"
      type="search"
      data-testid="search-input"
      aria-label="Search tickets"
      placeholder="Search subjects, customers, messages  ( / )"
      value={search}
      onChange={(event) => useAppStore.getState().setSearch(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.currentTarget.blur();
        // Enter in the search opens the first hit, so search → Enter → r → reply flows by keyboard.
        if (event.key === 'Enter') {
          event.currentTarget.blur();
          useAppStore.getState().openCursor();
        }
      }}
    />
  );
}
