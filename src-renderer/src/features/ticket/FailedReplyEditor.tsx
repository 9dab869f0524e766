// Correcting a reply that failed to send (too long, a closed topic, a typo spotted too late)
// before it goes to the outbox again (messages.edit).
import { useState } from 'react';
import type { Message } from '../../../../src-preload/contract';
import { useBridge } from '../../api/bridge-context';

export function FailedReplyEditor({ message, onDone }: { message: Pick<Message, 'id' | 'text'>; onDone(): void }) {
  const bridge = useBridge();
  const [text, setText] = useState(message.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    if (!text.trim()) return setError('A reply cannot be empty.');
    setBusy(true);
    const result = await bridge.invoke('messages.edit', { messageId: message.id, text });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error.issues?.[0] ?? result.error.message);
  }

  return (
    <form
      className="failed-reply-editor"
      data-testid="failed-reply-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        aria-label="Edit the reply"
        data-testid="failed-reply-text"
        rows={3}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="failed-reply-save" disabled={busy}>
          Send again
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
