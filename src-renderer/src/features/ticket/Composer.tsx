// Writing a reply (to the customer, through Telegram) or an internal note (team only).
// Enter sends, Shift+Enter starts a new line. Keyed by ticket, so each ticket starts fresh.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCommand } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';

export function Composer({ ticketId }: { ticketId: string }) {
  const command = useCommand();
  const mode = useAppStore((s) => s.composerMode);
  const setMode = useAppStore((s) => s.setComposerMode);
  const focusRequest = useAppStore((s) => s.composerFocus);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  async function send(): Promise<void> {
    if (!text.trim() || busy) return;
    setBusy(true);
    const result = await command('messages.send', { ticketId, kind: mode, text });
    setBusy(false);
    if (result.ok) {
      setText('');
      setError(null);
    } else setError(result.error.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
    if (event.key === 'Escape') input.current?.blur();
  }

  return (
    <form
      className={`composer composer-${mode}`}
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'agent'} onClick={() => setMode('agent')}>
          Reply
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} onClick={() => setMode('note')}>
          Internal note
        </button>
      </div>
      <textarea
        ref={input}
        data-testid="composer-input"
        aria-label={mode === 'agent' ? 'Reply to the customer' : 'Internal note for the team'}
        placeholder={mode === 'agent' ? 'Reply to the customer… (Enter to send, Shift+Enter for a new line)' : 'Note for the team, never sent to the customer…'}
        value={text}
        rows={3}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-actions">
        {error && <span className="error" role="alert">{error}</span>}
        <button type="submit" data-testid="send-button" disabled={busy || !text.trim()}>
          {mode === 'agent' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
