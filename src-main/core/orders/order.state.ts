// What a customer would call an order's state ("shipped", "awaiting payment"), from Shopline's
// separate order, payment and shipping states. Pure; main process (order panel, reply templates).

export interface OrderStateInput {
  status: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelledAt: number | null;
  /** The latest live shipment's delivery state, when shipments were fetched. */
  shipmentStatus?: string | null;
}

const awaitingPayment = new Set(['pending', 'unpaid', 'authorized', 'partially_paid']);

/**
 * One word or two, for a reply to a customer. Cancellation and full refunds win over shipping
 * (a cancelled order may still carry an old shipment); delivery facts win over "shipped".
 */
export function customerFacingStatus(order: OrderStateInput): string {
  const financial = order.financialStatus?.toLowerCase() ?? null;
  const fulfillment = order.fulfillmentStatus?.toLowerCase() ?? null;
  const shipment = order.shipmentStatus?.toLowerCase() ?? null;
  if (order.cancelledAt !== null || order.status?.toLowerCase() === 'cancelled') return 'cancelled';
  if (financial === 'refunded') return 'refunded';
  if (fulfillment === 'shipped' || fulfillment === 'fulfilled') {
    if (shipment === 'delivered' || shipment === 'picked_up') return 'delivered';
    if (shipment === 'out_for_delivery') return 'out for delivery';
    return 'shipped';
  }
  if (fulfillment === 'partial' || fulfillment === 'partially_fulfilled') return 'partially shipped';
  if (financial !== null && awaitingPayment.has(financial)) return 'awaiting payment';
  if (financial === 'paid' || financial === 'partially_refunded') return 'paid, preparing shipment';
  return 'received';
}
