// The views an agent moves between, with live counts, the team lead's queue view and Settings.
import type { InboxView } from '../../../../src-preload/contract';
import { useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';

const views: { id: InboxView; label: string }[] = [
  { id: 'mine', label: 'Mine' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'all', label: 'All' },
  { id: 'waiting', label: 'Waiting on customer' },
  { id: 'resolved', label: 'Resolved' },
];

export function Sidebar() {
  const counts = useLiveQuery('tickets.counts', {}).value;
  const current = useAppStore((s) => s.view);
  const screen = useAppStore((s) => s.screen);
  const { setView, setScreen, openSettings } = useAppStore.getState();
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">Topicdesk</div>
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              data-testid={`view-${view.id}`}
              aria-current={screen === 'inbox' && current === view.id ? 'page' : undefined}
              onClick={() => setView(view.id)}
            >
              <span>{view.label}</span>
              <span className="count" data-testid={`count-${view.id}`}>
                {counts?.[view.id] ?? '–'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-heading">Team</div>
      <ul>
        <li>
          <button type="button" data-testid="open-queue" aria-current={screen === 'queue' ? 'page' : undefined} onClick={() => setScreen('queue')}>
            <span>Queue</span>
          </button>
        </li>
      </ul>
      <ul className="sidebar-bottom">
        <li>
          <button type="button" data-testid="open-settings" aria-current={screen === 'settings' ? 'page' : undefined} onClick={() => openSettings()}>
            <span>Settings</span>
          </button>
        </li>
        <li>
          <button type="button" data-testid="open-shortcuts" onClick={() => useAppStore.getState().toggleShortcuts(true)}>
            <span>Keyboard shortcuts</span>
            <kbd>?</kbd>
          </button>
        </li>
      </ul>
    </nav>
  );
}
