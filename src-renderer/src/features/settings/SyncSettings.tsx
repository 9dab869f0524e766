// Settings → Team sync server: where this app replicates the team's tickets (address, user,
// password; the password is checked by the server before it is saved and is kept only in the
// secret store), how sync is doing, changes the server's rules refused, "Sync now" and turning
// sync off. Renderer.
import { useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../../src-preload/contract';
import type { SyncSettings as SyncSettingsView } from '../../../../src-preload/contract/sync.contract';
import { useCommand, useLiveQuery } from '../../api/bridge-context';

const messageOf = (error: BridgeError): string => error.issues?.[0]?.replace(/^[^:]*: /, '') ?? error.message;

const stateText: Record<SyncSettingsView['status']['state'], string> = {
  off: 'Off: tickets stay on this device only.',
  offline: 'Offline: changes are kept here and sent when the server is back.',
  syncing: 'Syncing…',
  up_to_date: 'Up to date.',
  error: 'Sync needs attention.',
};

function SyncStatusLine({ settings }: { settings: SyncSettingsView }) {
  const { state, pending, detail } = settings.status;
  return (
    <div className={`sync-status status-${state}`} data-testid="sync-settings-status" data-state={state} role={state === 'error' ? 'alert' : 'status'}>
      <p>
        {stateText[state]}
        {pending > 0 ? ` ${pending} change${pending === 1 ? '' : 's'} waiting to be sent.` : ''}
      </p>
      {detail && <p className={state === 'error' ? 'error' : 'muted'}>{detail}</p>}
    </div>
  );
}

function Refusals({ refusals }: { refusals: SyncSettingsView['refusals'] }) {
  if (refusals.length === 0) return null;
  return (
    <details className="sync-refusals" data-testid="sync-refusals">
      <summary>
        {refusals.length} change{refusals.length === 1 ? ' was' : 's were'} refused by the server’s rules (the server’s version was kept)
      </summary>
      <ul>
        {refusals.map((refusal) => (
          <li key={`${refusal.collection}/${refusal.docId}/${refusal.at}`}>
            <code>{refusal.docId}</code> ({refusal.collection}): {refusal.reason} <span className="muted">{new Date(refusal.at).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function SyncForm({ settings }: { settings: SyncSettingsView }) {
  const command = useCommand();
  const [url, setUrl] = useState(settings.url ?? '');
  const [username, setUsername] = useState(settings.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<{ ok: true } | { ok: false; error: BridgeError }>): Promise<boolean> {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setError(result.ok ? null : messageOf(result.error));
    return result.ok;
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    // The password lives in the secret store once saved; the page keeps no copy.
    if (await run(() => command('sync.configure', { url, username, password }))) setPassword('');
  }

  function turnOff(): void {
    if (!window.confirm('Turn sync off? This app stops sharing tickets with the team until you connect again; nothing is deleted.')) return;
    void run(() => command('sync.disable', {}));
  }

  const filled = url.trim() !== '' && username.trim() !== '' && password !== '';
  return (
    <form className="sync-form" onSubmit={(event) => void save(event)}>
      <label>
        Server address
        <input data-testid="sync-url" placeholder="http://127.0.0.1:5984/" autoComplete="url" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        User name
        <input data-testid="sync-username" placeholder="tg123456789" autoComplete="username" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Password
        <input
          data-testid="sync-password"
          type="password"
          autoComplete="current-password"
          placeholder={settings.hasPassword ? 'Saved; type it again to change the server or user' : ''}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="sync-error">
          {error}
        </p>
      )}
      <div className="sync-actions">
        <button type="submit" data-testid="sync-connect" disabled={busy || !filled}>
          {busy ? 'Checking…' : settings.enabled ? 'Save and reconnect' : 'Connect'}
        </button>
        {settings.enabled && (
          <>
            <button type="button" data-testid="sync-now" onClick={() => void run(() => command('sync.resume', {}))} disabled={busy}>
              Sync now
            </button>
            <button type="button" data-testid="sync-disable" onClick={turnOff} disabled={busy}>
              Turn sync off
            </button>
          </>
        )}
      </div>
    </form>
  );
}

export function SyncSettings() {
  const { value: settings, error } = useLiveQuery('sync.settings', {});
  return (
    <section className="settings-section" data-testid="settings-sync">
      <h2>Team sync server</h2>
      {!settings ? (
        <p className={error ? 'error' : 'loading'}>{error?.message ?? 'Loading…'}</p>
      ) : (
        <>
          <p className="muted">
            Every agent’s app shares the team’s tickets through this CouchDB-compatible server. Ask your team lead for the address and
            your user (an agent’s user is <code>tg</code> followed by their Telegram user id).
          </p>
          <SyncStatusLine settings={settings} />
          <Refusals refusals={settings.refusals} />
          {/* Re-mount when the saved server or user changes, so the fields show what is saved. */}
          <SyncForm key={`${settings.url ?? ''}|${settings.username ?? ''}`} settings={settings} />
          <p className="muted">The password is kept in {settings.secretStorage}, never in the workspace database.</p>
          {settings.secretWarning && <p className="warning">{settings.secretWarning}</p>}
        </>
      )}
    </section>
  );
}
