// The delivery state of an outbound reply, with Retry and Edit on one that failed.
import type { Message } from '../../../../src-preload/contract';

const deliveryText = { queued: 'Queued', sending: 'Sending…', sent: 'Sent', failed: 'Failed' } as const;

interface Props {
  message: Pick<Message, 'id' | 'delivery'>;
  onRetry(): void;
  onEdit(): void;
}

export function DeliveryState({ message, onRetry, onEdit }: Props) {
  const delivery = message.delivery;
  if (!delivery) return null;
  return (
    <span className={`delivery delivery-${delivery.state}`} data-testid="delivery-state">
      {deliveryText[delivery.state]}
      {delivery.state === 'failed' && delivery.reason ? `: ${delivery.reason}` : ''}
      {delivery.state === 'queued' && delivery.reason ? ` (retrying: ${delivery.reason})` : ''}
      {delivery.state === 'failed' && (
        <>
          <button type="button" className="link-button" data-testid="retry-reply" onClick={onRetry}>
            Retry
          </button>
          <button type="button" className="link-button" data-testid="edit-reply" onClick={onEdit}>
            Edit
          </button>
        </>
      )}
    </span>
  );
}
