// Shopline data as the rest of Topicdesk sees it: plain, flavour-neutral domain types.
// Runs anywhere (main process, team server); no runtime code.
import type { ShoplineErrorKind } from './shopline.error';

export interface ShoplineLineItem {
  title: string;
  /** The variant's title ("Black / M"), null when the product has no variants. */
  variant: string | null;
  sku: string | null;
  quantity: number;
  /** Unit price as Shopline sent it (a decimal string, never re-rounded). */
  price: string;
}

export interface ShoplineOrderCustomer {
  /** Null for a guest checkout, which has contact details but no customer record. */
  id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface ShoplineRefund {
  id: string;
  /** Sum of the refund's successful refund transactions; null when Shopline gave no amount. */
  amount: string | null;
  createdAt: number | null;
  note: string | null;
}

export interface ShoplineOrder {
  id: string;
  /** The order number as the store shows it (`#1001`, `D2034`): Shopline's `name`. */
  number: string;
  createdAt: number;
  currency: string;
  /** Current total (after edits and refunds) as Shopline sent it. */
  total: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  status: string | null;
  cancelledAt: number | null;
  items: ShoplineLineItem[];
  customer: ShoplineOrderCustomer | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  /** The carrier of the most recent live shipment. */
  trackingCompany: string | null;
  refunds: ShoplineRefund[];
  /** The customer-facing order status page. */
  statusUrl: string | null;
  note: string | null;
  tags: string[];
}

export interface ShoplineFulfillment {
  id: string;
  /** `success` or `cancelled`. */
  status: string | null;
  /** `out_for_delivery`, `delivered`, `picked_up`, a failure, or null while in transit. */
  shipmentStatus: string | null;
  trackingCompany: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  createdAt: number | null;
  items: { title: string; quantity: number }[];
}

export interface ShoplineCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  ordersCount: number | null;
  totalSpent: string | null;
  tags: string[];
}

/** One page of a cursor-paginated list; `nextPageInfo` is null on the last page. */
export interface ShoplinePage<T> {
  items: T[];
  nextPageInfo: string | null;
}

/** What the client is doing about rate limits, for the UI ("Shopline asked us to wait"). */
export type ShoplineRateState = { state: 'ok' } | { state: 'waiting'; until: number };

export type ScopeCheck = 'granted' | 'missing' | 'unknown';

export interface ShoplineConnectionReport {
  /** The token works and may read both orders and customers. */
  ok: boolean;
  /** The failure that decided the report (bad token, frozen store, network), or null. */
  problem: { kind: ShoplineErrorKind; message: string; status: number | null; traceId: string | null } | null;
  scopes: {
    read_orders: ScopeCheck;
    read_customers: ScopeCheck;
    /** Probing it would change an order, so it is never checked. */
    write_orders: 'not_checked';
  };
}
