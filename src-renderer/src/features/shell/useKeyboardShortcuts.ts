// The inbox's keyboard: j/k move, Enter opens, r reply, n note, a assign to me, e resolve,
// / search, ? lists them all. Ignored while typing in a field.
import { useEffect } from 'react';
import { useCommand, useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';

export const shortcuts: { keys: string; does: string }[] = [
  { keys: 'j / k', does: 'Next / previous ticket' },
  { keys: 'Enter', does: 'Open the selected ticket' },
  { keys: 'r', does: 'Reply to the customer' },
  { keys: 'n', does: 'Write an internal note' },
  { keys: 'a', does: 'Assign the ticket to me' },
  { keys: 'e', does: 'Resolve the ticket' },
  { keys: '/', does: 'Search' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Esc', does: 'Leave a field / close this list' },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useKeyboardShortcuts(): void {
  const command = useCommand();
  const me = useLiveQuery('app.status', {}).value?.me ?? null;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const store = useAppStore.getState();
      const ticketId = store.selectedTicketId;
      const act: Record<string, (() => void) | undefined> = {
        j: () => store.moveSelection(1),
        k: () => store.moveSelection(-1),
        Enter: () => (ticketId ? store.focusComposer(store.composerMode) : store.moveSelection(1)),
        r: () => ticketId && store.focusComposer('agent'),
        n: () => ticketId && store.focusComposer('note'),
        a: () => ticketId && me && void command('tickets.assign', { ticketId, assigneeId: me.agentId }),
        e: () => ticketId && void command('tickets.setStatus', { ticketId, status: 'resolved' }),
        '/': () => document.getElementById('ticket-search')?.focus(),
        '?': () => store.toggleShortcuts(),
        Escape: () => store.toggleShortcuts(false),
      };
      const action = act[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [command, me]);
}
