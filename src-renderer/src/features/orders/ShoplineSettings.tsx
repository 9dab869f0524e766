// Settings → Shopline: connect a store with a private app's access token (tested before it is
// saved; kept only in the secret store), test what the token may do, disconnect, and the team's
// "may write order notes" choice. Renderer.
import { useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../../src-preload/contract';
import {
  ShoplineConnectionReport,
  type ShoplineCredentials,
  type ShoplineStatus,
} from '../../../../src-preload/contract/shopline.contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { scopeLabel, waitingText } from './order.format';

const messageOf = (error: BridgeError): string => error.issues?.[0]?.replace(/^[^:]*: /, '') ?? error.message;

function ScopeList({ scopes }: { scopes: ShoplineConnectionReport['scopes'] }) {
  return (
    <ul className="shopline-scopes" data-testid="shopline-scopes">
      <li className={`scope-${scopes.read_orders}`}>Read orders: {scopeLabel[scopes.read_orders]}</li>
      <li className={`scope-${scopes.read_customers}`}>Read customers: {scopeLabel[scopes.read_customers]}</li>
      <li className="scope-not_checked">Write orders: {scopeLabel.not_checked}</li>
    </ul>
  );
}

function Report({ report }: { report: ShoplineConnectionReport }) {
  return (
    <div className={`shopline-report ${report.ok ? 'ok' : 'failed'}`} data-testid="shopline-report" role={report.ok ? 'status' : 'alert'}>
      <p>{report.summary}</p>
      <ScopeList scopes={report.scopes} />
      {report.problem?.traceId && <p className="muted">Shopline trace id (for their support): {report.problem.traceId}</p>}
    </div>
  );
}

function Connected({ status, onError }: { status: ShoplineStatus; onError(message: string | null): void }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ShoplineConnectionReport | null>(null);

  async function test(): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('shopline.test', {});
    setBusy(false);
    if (!result.ok) return onError(messageOf(result.error));
    const parsed = ShoplineConnectionReport.safeParse(result.value);
    setReport(parsed.success ? parsed.data : null);
    onError(parsed.success ? null : 'The test answer could not be read.');
  }

  async function disconnect(): Promise<void> {
    if (!window.confirm(`Disconnect ${status.handle ?? 'the store'}? The token is deleted from this device.`)) return;
    setBusy(true);
    const result = await bridge.invoke('shopline.disconnect', {});
    setBusy(false);
    onError(result.ok ? null : messageOf(result.error));
  }

  return (
    <div className="shopline-connected">
      <p>
        Connected to <strong>{status.handle}.myshopline.com</strong>
        {status.apiVersion ? <span className="muted"> · API {status.apiVersion}</span> : null}
        {status.demo && <span className="demo-label">Demo store</span>}
      </p>
      {status.scopes && !report && <ScopeList scopes={status.scopes} />}
      {report && <Report report={report} />}
      {!status.demo && (
        <div className="shopline-actions">
          <button type="button" data-testid="shopline-test" onClick={() => void test()} disabled={busy}>
            {busy ? 'Working…' : 'Test the connection'}
          </button>
          <button type="button" data-testid="shopline-disconnect" onClick={() => void disconnect()} disabled={busy}>
            Disconnect
          </button>
        </div>
      )}
    </div>
  );
}

function ConnectForm({ onError }: { onError(message: string | null): void }) {
  const bridge = useBridge();
  const [handle, setHandle] = useState('');
  const [accessToken, setAccessToken] = useState('');
  const [apiVersion, setApiVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ShoplineConnectionReport | null>(null);

  const credentials = (): ShoplineCredentials => ({ handle, accessToken, ...(apiVersion.trim() ? { apiVersion: apiVersion.trim() } : {}) });

  async function test(): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('shopline.test', { candidate: credentials() });
    setBusy(false);
    if (!result.ok) return onError(messageOf(result.error));
    const parsed = ShoplineConnectionReport.safeParse(result.value);
    setReport(parsed.success ? parsed.data : null);
    onError(parsed.success ? null : 'The test answer could not be read.');
  }

  async function connect(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const result = await bridge.invoke('shopline.connect', credentials());
    setBusy(false);
    if (result.ok) {
      // The token now lives in the secret store only; do not keep a copy in the page.
      setAccessToken('');
      setReport(null);
      onError(null);
    } else onError(messageOf(result.error));
  }

  const filled = handle.trim() !== '' && accessToken.trim() !== '';
  return (
    <form className="shopline-form" onSubmit={(event) => void connect(event)}>
      <p className="muted">
        In Shopline admin, open Apps → Develop apps, create a private app with only the <code>read_orders</code> and{' '}
        <code>read_customers</code> permissions, and paste its access token here.
      </p>
      <label>
        Store
        <input data-testid="shopline-handle" placeholder="mystore.myshopline.com" autoComplete="off" value={handle} onChange={(e) => setHandle(e.target.value)} />
      </label>
      <label>
        Access token
        <input
          data-testid="shopline-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={accessToken}
          onChange={(e) => setAccessToken(e.target.value)}
        />
      </label>
      <label>
        API version <span className="muted">(optional)</span>
        <input data-testid="shopline-api-version" placeholder="v20251201" autoComplete="off" value={apiVersion} onChange={(e) => setApiVersion(e.target.value)} />
      </label>
      {report && <Report report={report} />}
      <div className="shopline-actions">
        <button type="button" data-testid="shopline-test" onClick={() => void test()} disabled={busy || !filled}>
          Test
        </button>
        <button type="submit" data-testid="shopline-connect" disabled={busy || !filled}>
          {busy ? 'Checking…' : 'Test and connect'}
        </button>
      </div>
    </form>
  );
}

export function ShoplineSettings() {
  const bridge = useBridge();
  const { value: status, error: statusError } = useLiveQuery('shopline.status', {});
  const [error, setError] = useState<string | null>(null);

  async function setAllowWriteNotes(allowWriteNotes: boolean): Promise<void> {
    const result = await bridge.invoke('shopline.setOptions', { allowWriteNotes });
    setError(result.ok ? null : messageOf(result.error));
  }

  if (!status) {
    return (
      <section className="shopline-settings" data-testid="shopline-settings">
        <h2>Shopline</h2>
        <p className={statusError ? 'error' : 'loading'}>{statusError?.message ?? 'Loading…'}</p>
      </section>
    );
  }
  return (
    <section className="shopline-settings" data-testid="shopline-settings">
      <h2>Shopline</h2>
      {status.state === 'waiting' && status.waitingUntil !== null && <p className="warning">{waitingText(status.waitingUntil)}</p>}
      {status.error && (
        <p className="error" role="alert" data-testid="shopline-status-error">
          {status.error}
        </p>
      )}
      {status.configured ? <Connected status={status} onError={setError} /> : <ConnectForm onError={setError} />}
      {error && (
        <p className="error" role="alert" data-testid="shopline-error">
          {error}
        </p>
      )}
      <p className="muted">
        The token is kept in {status.secretStorage}, never in the workspace database.
      </p>
      {status.secretWarning && <p className="warning">{status.secretWarning}</p>}
      {!status.demo && (
        <label className="shopline-option">
          <input
            type="checkbox"
            data-testid="shopline-allow-notes"
            checked={status.allowWriteNotes}
            onChange={(e) => void setAllowWriteNotes(e.target.checked)}
          />
          Allow writing order notes (needs the <code>write_orders</code> permission; Topicdesk does not write to Shopline yet)
        </label>
      )}
    </section>
  );
}
