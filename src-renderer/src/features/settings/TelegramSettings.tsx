// The signed-in Telegram account in Settings: who it is, which forums are served, sign out.
import { useState } from 'react';
import { useCommand, useLiveQuery } from '../../api/bridge-context';
import { ForumPicker } from '../account/ForumPicker';

export function TelegramSettings() {
  const account = useLiveQuery('telegram.account', {}).value;
  const command = useCommand();
  const [picking, setPicking] = useState(false);
  if (!account) return null;
  return (
    <section className="settings-section" data-testid="settings-telegram">
      <h2>Telegram account</h2>
      {account.user ? (
        <p>
          Signed in as <strong>{account.user.name}</strong>
          {account.user.username ? ` (@${account.user.username})` : ''}. The session is kept in {account.secretStorage}.
        </p>
      ) : (
        <p>Not signed in.</p>
      )}
      {account.secretWarning && <p className="warning">{account.secretWarning}</p>}
      <p>
        Forums served: {account.forums.filter((f) => f.selected).map((f) => f.title).join(', ') || 'none'}{' '}
        <button type="button" onClick={() => setPicking((p) => !p)}>{picking ? 'Close' : 'Change'}</button>
      </p>
      {picking && <ForumPicker account={account} onDone={() => setPicking(false)} />}
      {account.step === 'signed_in' && (
        <button type="button" data-testid="sign-out" onClick={() => window.confirm('Sign out of Telegram on this device? Your tickets stay.') && void command('telegram.signOut', {})}>
          Sign out
        </button>
      )}
    </section>
  );
}
