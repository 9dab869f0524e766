// The inbox's keyboard: j/k move the cursor, Enter opens, r reply, n note, a assign to me,
// e resolve, / search, ? lists them all. Which key means what is in keyboard.map.ts; this hook
// carries it out and says plainly when the core refuses.
import { useEffect } from 'react';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { keyContextOf, shortcutFor } from './keyboard.map';

export { shortcuts } from './keyboard.map';

export function useKeyboardShortcuts(): void {
  const bridge = useBridge();
  const me = useLiveQuery('app.status', {}).value?.me ?? null;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const store = useAppStore.getState();
      const ticketId = store.selectedTicketId;
      const action = shortcutFor(
        keyContextOf(event, { screen: store.screen, helpOpen: store.shortcutsOpen, ticketOpen: ticketId !== null }),
      );
      if (!action) return;
      event.preventDefault();
      switch (action) {
        case 'next':
          return store.moveCursor(1);
        case 'previous':
          return store.moveCursor(-1);
        case 'open':
          return store.openCursor();
        case 'reply':
          return store.focusComposer('agent');
        case 'note':
          return store.focusComposer('note');
        case 'search':
          return store.focusSearch();
        case 'help':
          return store.toggleShortcuts();
        case 'closeHelp':
          return store.toggleShortcuts(false);
        case 'assignToMe':
          if (!ticketId) return;
          if (!me) return store.showNotice('Sign in to Telegram before taking tickets.', 'error');
          void bridge.invoke('tickets.assign', { ticketId, assigneeId: me.agentId }).then((result) => {
            store.showNotice(result.ok ? 'Assigned to you.' : result.error.message, result.ok ? 'info' : 'error');
          });
          return;
        case 'resolve':
          if (!ticketId) return;
          void bridge.invoke('tickets.setStatus', { ticketId, status: 'resolved' }).then((result) => {
            store.showNotice(result.ok ? 'Resolved.' : result.error.message, result.ok ? 'info' : 'error');
          });
          return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bridge, me]);
}
