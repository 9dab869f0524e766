// Order variables for canned responses (`{{order.number}}`, `{{order.items}}` …) from an
// OrderView. Pure; main process (composer) — the renderer may preview with the same values.
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import type { TemplateVariables } from '../rules/template.render';
import { templateVariables, type TemplateOrder, type TemplateVariableOptions } from '../rules/template.variables';
import { unknownCustomer } from '../tickets/ticket.factory';

/** The linked order as the composer's `templateVariables` takes it. */
export function toTemplateOrder(order: OrderView): TemplateOrder {
  return {
    number: order.number,
    totalAmount: order.total,
    currency: order.currency,
    status: order.customerStatus,
    trackingUrl: order.tracking.urls[0] ?? null,
    trackingNumber: order.tracking.numbers[0] ?? null,
    createdAt: order.createdAt,
  };
}

/** `2 × Trailhead Rain Jacket (Olive / M), 1 × Harbor Ceramic Mug 350 ml`; null without items. */
export function orderItemsText(order: Pick<OrderView, 'items'>): string | null {
  const lines = order.items
    .filter((i) => i.quantity > 0 && i.title.trim() !== '')
    .map((i) => `${i.quantity} × ${i.title}${i.variant ? ` (${i.variant})` : ''}`);
  return lines.length > 0 ? lines.join(', ') : null;
}

/**
 * `{ order: { number, total, status, tracking_url, tracking_number, date, items } }` for
 * `renderTemplate`. The first six come from the colleague's `templateVariables`, so a value reads
 * the same whichever path built it; a missing order gives nulls (rendering reports them missing).
 */
export function orderTemplateVariables(order: OrderView | null, options: TemplateVariableOptions = {}): TemplateVariables {
  const base = templateVariables(
    { id: '', subject: '', customer: unknownCustomer('') },
    { name: '' },
    order ? toTemplateOrder(order) : null,
    options,
  );
  const known = typeof base.order === 'object' && base.order !== null ? base.order : {};
  return { order: { ...known, items: order ? orderItemsText(order) : null } };
}
