// Acts on the desktop shell's requests (a notification clicked, a menu command): each
// numbered request once, in the order they come.
import { useEffect, useRef } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';

export function useUiRequests(): void {
  const envelope = useLiveQuery('ui.requests', {}).value;
  const lastSeq = useRef(0);
  useEffect(() => {
    if (!envelope || envelope.seq <= lastSeq.current) return;
    lastSeq.current = envelope.seq;
    const store = useAppStore.getState();
    const request = envelope.request;
    switch (request.kind) {
      case 'openTicket':
        store.setScreen('inbox');
        store.selectTicket(request.ticketId);
        break;
      case 'openView':
        store.setView(request.view);
        break;
      case 'focusSearch':
        store.focusSearch();
        break;
      case 'selectTicket':
        store.moveSelection(request.direction === 'next' ? 1 : -1);
        break;
    }
  }, [envelope]);
}
