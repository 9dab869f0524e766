// The app's state, always visible: demo label, Telegram connection, sync, backfill.
import type { AppStatus } from '../../../../src-preload/contract';
import { useLiveQuery } from '../../api/bridge-context';

const telegramText: Record<AppStatus['telegram']['state'], string> = {
  connected: 'Telegram connected',
  connecting: 'Connecting to Telegram…',
  disconnected: 'Telegram offline',
  signed_out: 'Not signed in to Telegram',
};

const syncText: Record<AppStatus['sync']['state'], string> = {
  off: 'Sync off (this device only)',
  offline: 'Sync offline',
  syncing: 'Syncing…',
  up_to_date: 'Up to date',
  error: 'Sync error',
};

export function StatusBar() {
  const { value: status } = useLiveQuery('app.status', {});
  if (!status) return <footer className="status-bar">Connecting to the app…</footer>;
  return (
    <footer className="status-bar">
      {status.demo && (
        <span className="demo-label" data-testid="demo-label" title="Simulated Telegram forum and Shopline store: nothing here is real">
          DEMO workspace
        </span>
      )}
      <span data-testid="telegram-status" data-state={status.telegram.state} className={`status-${status.telegram.state}`}>
        {telegramText[status.telegram.state]}
        {status.telegram.detail ? `: ${status.telegram.detail}` : ''}
      </span>
      {status.backfill && status.backfill.done < status.backfill.total && (
        <span data-testid="backfill-status">
          Loading history {status.backfill.done}/{status.backfill.total}
        </span>
      )}
      <span data-testid="sync-status" data-state={status.sync.state} className={`status-${status.sync.state}`} title={status.sync.detail ?? undefined}>
        {syncText[status.sync.state]}
        {status.sync.state === 'error' && status.sync.detail ? `: ${status.sync.detail}` : ''}
        {status.sync.pending > 0 ? ` · ${status.sync.pending} pending` : ''}
      </span>
      {status.me && <span className="me">Signed in as {status.me.name}</span>}
      <span className="workspace">Workspace: {status.workspace}</span>
    </footer>
  );
}
