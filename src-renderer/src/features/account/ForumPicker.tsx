// Choosing the support forum groups this workspace serves. Only forum supergroups of the
// signed-in account are offered.
import { useState } from 'react';
import type { TelegramAccount } from '../../../../src-preload/contract';
import { useCommand } from '../../api/bridge-context';

export function ForumPicker({ account, onDone }: { account: TelegramAccount; onDone?: () => void }) {
  const command = useCommand();
  const [chosen, setChosen] = useState(() => new Set(account.forums.filter((f) => f.selected).map((f) => f.chatId)));
  const [error, setError] = useState<string | null>(null);

  const toggle = (chatId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(chatId)) next.delete(chatId);
      else next.add(chatId);
      return next;
    });

  async function save() {
    const result = await command('telegram.selectForums', { chatIds: [...chosen] });
    if (result.ok) onDone?.();
    else setError(result.error.message);
  }

  return (
    <section className="forum-picker" data-testid="forum-picker">
      <h1>Which forum groups does your team support?</h1>
      <p className="muted">Every topic in these groups becomes a ticket. Only forum supergroups you are a member of are listed.</p>
      {account.forums.length === 0 && <p>No forum groups found for this account. <button type="button" onClick={() => void command('telegram.refreshForums', {})}>Look again</button></p>}
      <ul>
        {account.forums.map((forum) => (
          <li key={forum.chatId}>
            <label>
              <input type="checkbox" checked={chosen.has(forum.chatId)} onChange={() => toggle(forum.chatId)} /> {forum.title}
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="button" data-testid="forum-save" disabled={chosen.size === 0} onClick={() => void save()}>
        Start with {chosen.size} group{chosen.size === 1 ? '' : 's'}
      </button>
    </section>
  );
}
