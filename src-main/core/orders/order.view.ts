// Shopline's domain objects as the bridge carries them (OrderView, CustomerView): plain JSON,
// web links limited to http(s), refunds summed exactly. Pure; main process.
import type { CustomerMatch, CustomerView, OrderView, ShipmentView } from '../../../src-preload/contract/shopline.contract';
import { sumDecimals } from '../shopline/shopline.mapper';
import type { ShoplineOrderDetails } from '../shopline/shopline.lookup';
import type { ShoplineCustomer, ShoplineFulfillment, ShoplineOrder } from '../shopline/shopline.types';
import { customerFacingStatus } from './order.state';

/**
 * A link the panel may offer to open: http(s) only, so a `javascript:` or `file:` URL in store
 * data can never reach `window.open`.
 */
export function safeWebUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const webUrls = (urls: readonly string[]): string[] => urls.map(safeWebUrl).filter((u): u is string => u !== null);

function toShipmentView(f: ShoplineFulfillment): ShipmentView {
  return {
    id: f.id,
    status: f.status,
    shipmentStatus: f.shipmentStatus,
    company: f.trackingCompany,
    trackingNumbers: [...f.trackingNumbers],
    trackingUrls: webUrls(f.trackingUrls),
    createdAt: f.createdAt,
    items: f.items.map((i) => ({ title: i.title, quantity: i.quantity })),
  };
}

/** The order as listed (`summary`), or with its separately fetched shipments and refunds (`full`). */
export function toOrderView(order: ShoplineOrder, details?: Pick<ShoplineOrderDetails, 'fulfillments' | 'refunds'> | null): OrderView {
  const shipments = (details?.fulfillments ?? []).map(toShipmentView);
  const live = shipments.filter((s) => s.status !== 'cancelled');
  const latest = [...live].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0))[0];
  const refunds = details?.refunds ?? order.refunds;
  const amounts = refunds.map((r) => r.amount).filter((a): a is string => a !== null);
  return {
    id: order.id,
    number: order.number,
    createdAt: order.createdAt,
    currency: order.currency,
    total: order.total,
    refundedTotal: amounts.length > 0 ? sumDecimals(amounts) : null,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    status: order.status,
    cancelledAt: order.cancelledAt,
    customerStatus: customerFacingStatus({ ...order, shipmentStatus: latest?.shipmentStatus ?? null }),
    items: order.items.map((i) => ({ title: i.title, variant: i.variant, sku: i.sku, quantity: i.quantity, price: i.price })),
    customer: order.customer ? { ...order.customer } : null,
    tracking: {
      company: latest?.company ?? order.trackingCompany,
      numbers: details ? [...new Set(live.flatMap((s) => s.trackingNumbers))] : [...order.trackingNumbers],
      urls: details ? [...new Set(live.flatMap((s) => s.trackingUrls))] : webUrls(order.trackingUrls),
    },
    shipments,
    refunds: refunds.map((r) => ({ id: r.id, amount: r.amount, createdAt: r.createdAt, note: r.note })),
    statusUrl: safeWebUrl(order.statusUrl),
    note: order.note,
    tags: [...order.tags],
    detail: details ? 'full' : 'summary',
  };
}

export function toCustomerView(customer: ShoplineCustomer, matchedBy: CustomerMatch, tier: string): CustomerView {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    ordersCount: customer.ordersCount,
    totalSpent: customer.totalSpent,
    tags: [...customer.tags],
    tier,
    matchedBy,
  };
}
