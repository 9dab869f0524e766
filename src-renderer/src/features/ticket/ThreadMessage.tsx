// One entry of the thread: a customer or agent message, an internal note (set apart), or a
// system event; media placeholders with their size; delivery state on outbound replies.
import { useState } from 'react';
import type { Message } from '../../../../src-preload/contract';
import { useBridge } from '../../api/bridge-context';
import { clockTime, fileSize } from '../../format';
import { DeliveryState } from './DeliveryState';
import { FailedReplyEditor } from './FailedReplyEditor';
import { MessageText } from './MessageText';

export function ThreadMessage({ message }: { message: Message }) {
  const bridge = useBridge();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (message.kind === 'system') {
    return (
      <li className="thread-system" data-testid="thread-message" data-kind="system">
        {message.text} · {clockTime(message.sentAt)}
      </li>
    );
  }
  const retry = () =>
    void bridge.invoke('messages.retry', { messageId: message.id }).then((result) => setError(result.ok ? null : result.error.message));
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
        <time dateTime={new Date(message.sentAt).toISOString()}>{clockTime(message.sentAt)}</time>
        {message.editedAt !== null && <span className="edited">edited</span>}
        {message.deleted && <span className="edited">deleted in Telegram</span>}
      </div>
      {message.media && (
        <div className="media-placeholder">
          {message.media.kind}
          {message.media.name ? ` · ${message.media.name}` : ''} · {fileSize(message.media.size)}
        </div>
      )}
      {editing && message.delivery?.state === 'failed' ? (
        <FailedReplyEditor message={message} onDone={() => setEditing(false)} />
      ) : (
        message.text && <MessageText text={message.text} entities={message.entities} />
      )}
      <DeliveryState message={message} onRetry={retry} onEdit={() => setEditing(true)} />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
