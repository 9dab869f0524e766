// The open ticket's tags: chips with a remove button, and a field that adds what is typed on
// Enter or comma (tickets.setTags). Known tags are offered as suggestions.
import { useState, type KeyboardEvent } from 'react';
import type { Ticket } from '../../../../src-preload/contract';
import { useBridge } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { tagsFromInput, withoutTag, withTags } from './tags';

export function TagEditor({ ticket, onError }: { ticket: Pick<Ticket, 'id' | 'tags'>; onError(message: string | null): void }) {
  const bridge = useBridge();
  const knownTags = useAppStore((s) => s.knownTags);
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(tags: string[]): Promise<void> {
    setBusy(true);
    const result = await bridge.invoke('tickets.setTags', { ticketId: ticket.id, tags });
    setBusy(false);
    onError(result.ok ? null : (result.error.issues?.[0] ?? result.error.message));
    if (result.ok) useAppStore.getState().rememberTags(result.value.tags);
  }

  function add(): void {
    const added = tagsFromInput(input);
    setInput('');
    if (added.length === 0) return;
    const next = withTags(ticket.tags, added);
    if (next.length !== ticket.tags.length) void save(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Escape') {
      setInput('');
      event.currentTarget.blur();
    } else if (event.key === 'Backspace' && input === '' && ticket.tags.length > 0) {
      void save(ticket.tags.slice(0, -1));
    }
  }

  const listId = `tag-suggestions-${ticket.id}`;
  return (
    <div className="tag-editor" data-testid="tag-editor">
      {ticket.tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="tag-chip" data-tag={tag}>
          #{tag}
          <button type="button" aria-label={`Remove tag ${tag}`} data-testid="tag-remove" disabled={busy} onClick={() => void save(withoutTag(ticket.tags, tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        data-testid="tag-input"
        aria-label="Add a tag"
        placeholder={ticket.tags.length ? 'Add tag' : 'Add a tag…'}
        list={listId}
        value={input}
        disabled={busy}
        onChange={(event) => setInput(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <datalist id={listId}>
        {knownTags
          .filter((t) => !ticket.tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
