// The order facts routing and SLA conditions use (order value, customer tier), and which order a
// ticket is "about". Pure; main process (routing service, SLA service, composer).
import type { Ticket } from '../../../src-preload/contract';
import type { CustomerView, OrderView } from '../../../src-preload/contract/shopline.contract';
import { decimalValue } from './customer.tier';

export interface OrderContext {
  /** The current order's total in the store currency; null when the ticket has no order. */
  orderValue: number | null;
  /** From the Shopline customer when known, else what the ticket already says. */
  tier: string;
}

/** The order replies talk about: the first linked (an agent chose it), else the first detected. */
export function currentOrder<T>(orders: { linked: readonly T[]; detected: readonly T[] }): T | null {
  return orders.linked[0] ?? orders.detected[0] ?? null;
}

export function orderContextFrom(
  ticket: Pick<Ticket, 'customer'>,
  order: Pick<OrderView, 'total'> | null,
  customer: Pick<CustomerView, 'tier'> | null,
): OrderContext {
  return {
    orderValue: order ? decimalValue(order.total) : null,
    tier: customer?.tier ?? ticket.customer.tier,
  };
}
