// Shopline in the UI: the store connection (Settings), the ticket's order panel and order search.
// Views and endpoints, declared once with zod; runtime-free apart from zod (the renderer imports it).
import { z } from 'zod';

// ---------------------------------------------------------------------------------------
// Connection

/**
 * People paste `mystore`, `mystore.myshopline.com` or an admin URL: all name the same store,
 * whose handle is the first label of the host.
 */
export function shoplineHandleFrom(input: string): string {
  const text = input.trim().toLowerCase();
  const host = text.replace(/^[a-z]+:\/\//, '').split(/[/?#]/)[0] ?? '';
  return host.endsWith('.myshopline.com') ? host.slice(0, -'.myshopline.com'.length) : host;
}

export const ShoplineHandle = z
  .string()
  .max(200)
  .transform(shoplineHandleFrom)
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Enter the store handle: the "mystore" in mystore.myshopline.com'));

export const ShoplineApiVersion = z
  .string()
  .trim()
  .regex(/^v\d{8}$/, 'An API version is a date such as v20251201');

export const ShoplineAccessToken = z
  .string()
  .trim()
  .min(8, 'Paste the whole access token')
  .max(2000)
  .regex(/^\S+$/, 'An access token has no spaces');

export const ShoplineCredentials = z.object({
  handle: ShoplineHandle,
  accessToken: ShoplineAccessToken,
  apiVersion: ShoplineApiVersion.optional(),
});
export type ShoplineCredentials = z.input<typeof ShoplineCredentials>;

export const ScopeCheck = z.enum(['granted', 'missing', 'unknown']);
export type ScopeCheck = z.infer<typeof ScopeCheck>;

/** What the token may do. Writing is never probed: a probe would change an order. */
export const ShoplineScopes = z.object({
  read_orders: ScopeCheck,
  read_customers: ScopeCheck,
  write_orders: z.literal('not_checked'),
});
export type ShoplineScopes = z.infer<typeof ShoplineScopes>;

export const shoplineProblemKinds = [
  'unauthorized',
  'store_frozen',
  'forbidden',
  'not_found',
  'bad_request',
  'rate_limited',
  'malformed',
  'network',
  'server',
] as const;
export const ShoplineProblemKind = z.enum(shoplineProblemKinds);
export type ShoplineProblemKind = z.infer<typeof ShoplineProblemKind>;

export const ShoplineConnectionReport = z.object({
  /** The token works and may read both orders and customers. */
  ok: z.boolean(),
  /** Said plainly: what the token may do, or why it cannot be used. */
  summary: z.string(),
  problem: z
    .object({
      kind: ShoplineProblemKind,
      message: z.string(),
      status: z.number().int().nullable(),
      traceId: z.string().nullable(),
    })
    .nullable(),
  scopes: ShoplineScopes,
});
export type ShoplineConnectionReport = z.infer<typeof ShoplineConnectionReport>;

export const ShoplineState = z.enum(['ok', 'waiting', 'error', 'not_configured']);
export type ShoplineState = z.infer<typeof ShoplineState>;

export const ShoplineStatus = z.object({
  configured: z.boolean(),
  handle: z.string().nullable(),
  apiVersion: z.string().nullable(),
  /** The simulated demo store (`--demo`): label it, and it cannot be reconnected. */
  demo: z.boolean(),
  /** From the last connection test; null before one ran. */
  scopes: ShoplineScopes.nullable(),
  checkedAt: z.number().nullable(),
  /** The team allows writing order notes. Topicdesk does not write to Shopline yet. */
  allowWriteNotes: z.boolean(),
  state: ShoplineState,
  /** While Shopline rate-limits us: when the current wait ends (ms since epoch). */
  waitingUntil: z.number().nullable(),
  /** The last failure that needs a person (rejected token, frozen store), said plainly. */
  error: z.string().nullable(),
  errorKind: ShoplineProblemKind.nullable(),
  /** Where the token is kept, and a warning when it is lost at exit. */
  secretStorage: z.string(),
  secretWarning: z.string().nullable(),
});
export type ShoplineStatus = z.infer<typeof ShoplineStatus>;

// ---------------------------------------------------------------------------------------
// Orders and customers, as plain JSON (amounts are decimal strings exactly as Shopline sent them)

export const OrderLineItemView = z.object({
  title: z.string(),
  variant: z.string().nullable(),
  sku: z.string().nullable(),
  quantity: z.number().int(),
  price: z.string(),
});
export type OrderLineItemView = z.infer<typeof OrderLineItemView>;

export const ShipmentView = z.object({
  id: z.string(),
  /** `success` or `cancelled`. */
  status: z.string().nullable(),
  /** `out_for_delivery`, `delivered`, a failure, or null while in transit. */
  shipmentStatus: z.string().nullable(),
  company: z.string().nullable(),
  trackingNumbers: z.array(z.string()),
  /** http(s) links only; anything else Shopline sent is left out. */
  trackingUrls: z.array(z.string()),
  createdAt: z.number().nullable(),
  items: z.array(z.object({ title: z.string(), quantity: z.number().int() })),
});
export type ShipmentView = z.infer<typeof ShipmentView>;

export const RefundView = z.object({
  id: z.string(),
  amount: z.string().nullable(),
  createdAt: z.number().nullable(),
  note: z.string().nullable(),
});
export type RefundView = z.infer<typeof RefundView>;

export const OrderView = z.object({
  id: z.string(),
  /** As the store shows it: `#1042`, `D2034`. */
  number: z.string(),
  createdAt: z.number(),
  currency: z.string(),
  /** Current total, after edits and refunds. */
  total: z.string(),
  /** Sum of the refunds; null when there are none (or Shopline gave no amounts). */
  refundedTotal: z.string().nullable(),
  financialStatus: z.string().nullable(),
  fulfillmentStatus: z.string().nullable(),
  status: z.string().nullable(),
  cancelledAt: z.number().nullable(),
  /** What the customer would call the state: `shipped`, `delivered`, `awaiting payment`… */
  customerStatus: z.string(),
  items: z.array(OrderLineItemView),
  customer: z
    .object({ id: z.string().nullable(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  tracking: z.object({
    company: z.string().nullable(),
    numbers: z.array(z.string()),
    /** http(s) links only. */
    urls: z.array(z.string()),
  }),
  /** Shipments as fetched on their own (`detail: 'full'`); empty in list summaries. */
  shipments: z.array(ShipmentView),
  refunds: z.array(RefundView),
  /** The customer-facing order status page (http(s) only). */
  statusUrl: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  /** `full`: shipments and refunds fetched for this order; `summary`: as listed. */
  detail: z.enum(['full', 'summary']),
});
export type OrderView = z.infer<typeof OrderView>;

/** `search`: a hit of `shopline.findOrders`, not tied to any ticket. */
export const CustomerMatch = z.enum(['link', 'phone', 'email', 'linked_order', 'detected_order', 'search']);
export type CustomerMatch = z.infer<typeof CustomerMatch>;

export const CustomerView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  ordersCount: z.number().int().nullable(),
  totalSpent: z.string().nullable(),
  tags: z.array(z.string()),
  /** `vip`, `gold` or `standard`, by the documented rule in core/orders/customer.tier.ts. */
  tier: z.string(),
  /** How the ticket's customer was found in the store. */
  matchedBy: CustomerMatch,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const OrdersPage = z.object({ items: z.array(OrderView), nextPageInfo: z.string().nullable() });
export type OrdersPage = z.infer<typeof OrdersPage>;

export const TicketOrders = z.object({
  /** Orders an agent linked to the ticket (`orderRefs`), in link order. */
  linked: z.array(OrderView),
  /** Orders whose numbers the customer wrote, not linked yet. */
  detected: z.array(OrderView),
  /** Linked order ids the store no longer has. */
  missingRefs: z.array(z.string()),
  customer: CustomerView.nullable(),
  customerOrders: OrdersPage,
  /** The order replies talk about: the first linked, else the first detected. */
  currentOrderId: z.string().nullable(),
});
export type TicketOrders = z.infer<typeof TicketOrders>;

export const FoundOrders = z.object({ orders: z.array(OrderView), customers: z.array(CustomerView) });
export type FoundOrders = z.infer<typeof FoundOrders>;

// ---------------------------------------------------------------------------------------
// Endpoints

const TicketId = z.string().min(1).max(200);
/** Shopline ids are digit strings; the pattern also keeps them safe in a URL path. */
const ShoplineId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a Shopline id');
const OrderLink = z.object({ ticketId: TicketId, orderId: ShoplineId });

export const shoplineCommands = {
  /** Tests the token first; saves it (secret store) and the settings (this device) only if it works. */
  'shopline.connect': { params: ShoplineCredentials, result: ShoplineStatus },
  'shopline.disconnect': { params: z.object({}), result: ShoplineStatus },
  /** Tests the saved connection, or `candidate` without saving anything. Never fails on a bad token. */
  'shopline.test': {
    params: z.object({ candidate: ShoplineCredentials.optional() }),
    result: ShoplineConnectionReport,
  },
  'shopline.setOptions': { params: z.object({ allowWriteNotes: z.boolean() }), result: ShoplineStatus },
  'shopline.ticketOrders': {
    params: z.object({ ticketId: TicketId, refresh: z.boolean().default(false) }),
    result: TicketOrders,
  },
  'shopline.linkOrder': { params: OrderLink, result: z.object({ ticketId: z.string(), orderRefs: z.array(z.string()) }) },
  'shopline.unlinkOrder': { params: OrderLink, result: z.object({ ticketId: z.string(), orderRefs: z.array(z.string()) }) },
  'shopline.customerOrders': {
    params: z.object({
      customerId: ShoplineId,
      pageInfo: z.string().min(1).max(2000).nullable().optional(),
      limit: z.number().int().min(1).max(50).default(10),
      refresh: z.boolean().default(false),
    }),
    result: OrdersPage,
  },
  /** An order number (`#1042`, `D2034`), or a customer's email or phone (their recent orders). */
  'shopline.findOrders': { params: z.object({ query: z.string().trim().min(1).max(100) }), result: FoundOrders },
} as const;

export const shoplineLiveQueries = {
  'shopline.status': { params: z.object({}), result: ShoplineStatus },
} as const;
