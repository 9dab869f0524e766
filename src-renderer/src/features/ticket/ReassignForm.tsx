// Handing a ticket that already has an owner to someone else: a short, optional note for the
// next person (it shows in the thread), then the reassign itself.
import { useState } from 'react';

interface Props {
  fromName: string;
  toName: string;
  busy: boolean;
  onConfirm(note: string): void;
  onCancel(): void;
}

export function ReassignForm({ fromName, toName, busy, onConfirm, onCancel }: Props) {
  const [note, setNote] = useState('');
  return (
    <form
      className="reassign-form"
      data-testid="reassign-form"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(note);
      }}
    >
      <label>
        Reassign from {fromName} to {toName}. Note for {toName} (optional)
        <textarea
          data-testid="reassign-note"
          rows={2}
          autoFocus
          maxLength={4000}
          placeholder="What they should know: what was tried, what the customer is waiting for…"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              onConfirm(note);
            }
          }}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="reassign-confirm" disabled={busy}>
          Reassign
        </button>
        <button type="button" data-testid="reassign-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
