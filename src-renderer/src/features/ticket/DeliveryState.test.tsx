// The delivery line of an outbound reply: Retry and Edit only on a failed one, with its reason.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../../src-preload/contract';
import { DeliveryState } from './DeliveryState';

const delivery = (state: Delivery['state'], reason: string | null = null): Delivery => ({ state, reason, attempts: 1, tgMsgIds: [], retryAt: null });
const markup = (d: Delivery | null) => renderToStaticMarkup(<DeliveryState message={{ id: 'm1', delivery: d }} onRetry={() => {}} onEdit={() => {}} />);

describe('DeliveryState', () => {
  it('offers Retry and Edit on a failed reply, with the reason', () => {
    const html = markup(delivery('failed', 'The topic is closed'));
    expect(html).toContain('Failed: The topic is closed');
    expect(html).toContain('data-testid="retry-reply"');
    expect(html).toContain('data-testid="edit-reply"');
  });

  it('offers neither while queued or sent, and shows nothing for messages without delivery', () => {
    for (const state of ['queued', 'sending', 'sent'] as const) {
      const html = markup(delivery(state));
      expect(html).not.toContain('edit-reply');
      expect(html).not.toContain('retry-reply');
    }
    expect(markup(delivery('queued', 'FLOOD_WAIT'))).toContain('retrying: FLOOD_WAIT');
    expect(markup(null)).toBe('');
  });
});
