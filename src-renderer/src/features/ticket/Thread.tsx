// The conversation of a ticket, oldest first, kept scrolled to the newest message.
import { useEffect, useRef } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { ThreadMessage } from './ThreadMessage';

export function Thread({ ticketId }: { ticketId: string }) {
  const { value } = useLiveQuery('messages.thread', { ticketId, limit: 200 });
  const end = useRef<HTMLLIElement>(null);
  const count = value?.items.length ?? 0;
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React would
    // take for a cleanup function.
    void end.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  if (!value) return <div className="thread loading">Loading conversation…</div>;
  return (
    <ol className="thread" aria-label="Conversation">
      {value.hasMore && <li className="thread-system">Older messages are not shown.</li>}
      {value.items.map((message) => (
        <ThreadMessage key={message.id} message={message} />
      ))}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
