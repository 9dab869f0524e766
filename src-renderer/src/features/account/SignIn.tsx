// Signing in with the agent's own Telegram account: phone number, then the code Telegram
// sends, then the two-step verification password if the account has one; or a QR code.
import { useState, type FormEvent } from 'react';
import type { TelegramAccount } from '../../../../src-preload/contract';
import { useCommand } from '../../api/bridge-context';
import { QrCode } from './QrCode';

export function SignIn({ account }: { account: TelegramAccount }) {
  const command = useCommand();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownError = error ?? account.error;

  async function run(action: () => Promise<{ ok: boolean; error?: { message: string; issues?: string[] } }>) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setValue('');
      setError(null);
    } else setError(result.error?.issues?.[0]?.replace(/^[^:]*: /, '') ?? result.error?.message ?? 'Something went wrong.');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (account.step === 'awaiting_code') void run(() => command('telegram.signIn', { code: value }));
    else if (account.step === 'awaiting_password') void run(() => command('telegram.checkPassword', { password: value }));
    else void run(() => command('telegram.sendCode', { phone: value }));
  }

  if (account.step === 'unavailable') {
    return (
      <section className="sign-in" data-testid="sign-in">
        <h1>Telegram is not set up</h1>
        <p>{account.error}</p>
      </section>
    );
  }

  const step = account.step;
  return (
    <section className="sign-in" data-testid="sign-in">
      <h1>Sign in to Telegram</h1>
      <p className="muted">Use your own Telegram account. Topicdesk keeps the session in {account.secretStorage}.</p>
      {account.secretWarning && <p className="warning" role="note">{account.secretWarning}</p>}
      {step === 'awaiting_qr' ? (
        <div className="qr-step">
          {account.qrUrl ? <QrCode url={account.qrUrl} /> : <div className="qr-placeholder">Asking Telegram for a code…</div>}
          <p>Open Telegram on your phone → Settings → Devices → Link Desktop Device, and scan this code.</p>
          <button type="button" onClick={() => void run(() => command('telegram.cancel', {}))}>Use the phone number instead</button>
        </div>
      ) : (
        <form onSubmit={submit}>
          <label>
            {step === 'awaiting_code' ? `The code Telegram sent to ${account.phone ?? 'your account'}` : step === 'awaiting_password' ? 'Two-step verification password' : 'Phone number'}
            <input
              data-testid="sign-in-input"
              autoFocus
              type={step === 'awaiting_password' ? 'password' : 'text'}
              inputMode={step === 'awaiting_password' ? undefined : 'tel'}
              autoComplete={step === 'awaiting_password' ? 'current-password' : step === 'awaiting_code' ? 'one-time-code' : 'tel'}
              placeholder={step === 'awaiting_code' ? '12345' : step === 'awaiting_password' ? (account.passwordHint ? `Hint: ${account.passwordHint}` : '') : '+44 7700 900123'}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          </label>
          {shownError && <p className="error" role="alert" data-testid="sign-in-error">{shownError}</p>}
          <div className="sign-in-actions">
            <button type="submit" data-testid="sign-in-submit" disabled={busy || !value.trim()}>
              {step === 'awaiting_code' ? 'Sign in' : step === 'awaiting_password' ? 'Unlock' : 'Send me a code'}
            </button>
            {step === 'signed_out' ? (
              <button type="button" onClick={() => void run(() => command('telegram.startQr', {}))}>Sign in with a QR code</button>
            ) : (
              <button type="button" onClick={() => void run(() => command('telegram.cancel', {}))}>Start over</button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
