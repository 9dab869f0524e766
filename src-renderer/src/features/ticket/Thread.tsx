// The conversation of a ticket: customer and agent messages, internal notes set apart,
// system events, media placeholders and the delivery state of outbound replies.
import { useEffect, useRef } from 'react';
import type { Message } from '../../../../src-preload/contract';
import { useCommand, useLiveQuery } from '../../api/bridge-context';
import { clockTime, fileSize } from '../../format';
import { MessageText } from './MessageText';

const deliveryText = { queued: 'Queued', sending: 'Sending…', sent: 'Sent', failed: 'Failed' } as const;

function Delivery({ message }: { message: Message }) {
  const command = useCommand();
  const delivery = message.delivery;
  if (!delivery) return null;
  return (
    <span className={`delivery delivery-${delivery.state}`}>
      {deliveryText[delivery.state]}
      {delivery.state === 'failed' && delivery.reason ? `: ${delivery.reason}` : ''}
      {delivery.state === 'queued' && delivery.reason ? ` (retrying: ${delivery.reason})` : ''}
      {delivery.state === 'failed' && (
        <button type="button" className="link-button" onClick={() => void command('messages.retry', { messageId: message.id })}>
          Retry
        </button>
      )}
    </span>
  );
}

function ThreadMessage({ message }: { message: Message }) {
  if (message.kind === 'system') {
    return (
      <li className="thread-system" data-testid="thread-message" data-kind="system">
        {message.text} · {clockTime(message.sentAt)}
      </li>
    );
  }
  return (
    <li
      className={`thread-message thread-${message.kind}${message.deleted ? ' deleted' : ''}`}
      data-testid="thread-message"
      data-kind={message.kind}
      data-delivery={message.delivery?.state}
    >
      <div className="thread-meta">
        <span className="author">{message.authorName}</span>
        {message.kind === 'note' && <span className="note-label">Internal note</span>}
        <time>{clockTime(message.sentAt)}</time>
        {message.editedAt !== null && <span className="edited">edited</span>}
        {message.deleted && <span className="edited">deleted in Telegram</span>}
      </div>
      {message.media && (
        <div className="media-placeholder">
          {message.media.kind}
          {message.media.name ? ` · ${message.media.name}` : ''} · {fileSize(message.media.size)}
        </div>
      )}
      {message.text && <MessageText text={message.text} entities={message.entities} />}
      <Delivery message={message} />
    </li>
  );
}

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
