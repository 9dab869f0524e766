// Shopline global Open API (v20251201) response shapes, as zod schemas: only the fields
// Topicdesk reads. Extra fields pass (loose objects); a missing id or a wrong type fails the
// whole response. Runtime-free apart from zod; used by the client, the fake and the demo store.
import { z } from 'zod';

/** Shopline ids are strings of up to 26 digits; accept a safe integer too, as text. */
const Id = z.union([z.string().min(1), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]).transform(String);

/** Money is a decimal string; some payloads send a number. Kept as text, never re-rounded. */
const Amount = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/, 'not a decimal amount'), z.number().finite()])
  .transform((v) => (typeof v === 'number' ? String(v) : v));

const Timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time');

/** An optional date-time; Shopline sends "" as often as null for "none". */
const OptionalTimestamp = z.union([z.literal(''), Timestamp]).nullish();

const Text = z.string().nullish();

/** `"a, b"` on orders and customers; some payloads send an array. */
const Tags = z.union([z.string(), z.array(z.string())]).nullish();

const Count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

const MoneySet = z.looseObject({
  shop_money: z.looseObject({ amount: Amount.nullish(), currency_code: Text }).nullish(),
});

export const WireLineItem = z.looseObject({
  title: Text,
  name: Text,
  variant_title: Text,
  sku: Text,
  quantity: z.number().int().nonnegative(),
  price: Amount.nullish(),
  price_set: MoneySet.nullish(),
});

const WireTrackingInfo = z.looseObject({
  tracking_company: Text,
  tracking_number: Text,
  tracking_url: Text,
});

export const WireFulfillment = z.looseObject({
  id: Id,
  status: Text,
  shipment_status: Text,
  tracking_company: Text,
  tracking_number: Text,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: Text,
  tracking_urls: z.array(z.string()).nullish(),
  tracking_info_list: z.array(WireTrackingInfo).nullish(),
  created_at: OptionalTimestamp,
  line_items: z.array(z.looseObject({ title: Text, name: Text, quantity: z.number().int().nonnegative() })).nullish(),
});

const WireTransaction = z.looseObject({
  id: Id.nullish(),
  amount: Amount.nullish(),
  kind: Text,
  status: Text,
});

export const WireRefund = z.looseObject({
  id: Id,
  created_at: OptionalTimestamp,
  processed_at: OptionalTimestamp,
  note: Text,
  transactions: z.array(WireTransaction).nullish(),
  /** Not in the generated order model, but some refund payloads carry it. */
  refund_amount: Amount.nullish(),
});

const WireOrderCustomer = z.looseObject({
  id: Id.nullish(),
  first_name: Text,
  last_name: Text,
  email: Text,
  phone: Text,
});

export const WireOrder = z
  .looseObject({
    id: Id,
    name: z.string().min(1),
    created_at: Timestamp,
    currency: Text,
    current_total_price: Amount.nullish(),
    current_total_price_set: MoneySet.nullish(),
    total_price: Amount.nullish(),
    financial_status: Text,
    fulfillment_status: Text,
    status: Text,
    cancelled_at: OptionalTimestamp,
    line_items: z.array(WireLineItem).nullish(),
    customer: WireOrderCustomer.nullish(),
    email: Text,
    phone: Text,
    fulfillments: z.array(WireFulfillment).nullish(),
    refunds: z.array(WireRefund).nullish(),
    order_status_url: Text,
    note: Text,
    tags: Tags,
  })
  .refine((o) => o.current_total_price != null || o.total_price != null, {
    message: 'order has no total',
    path: ['current_total_price'],
  });

export const WireCustomer = z.looseObject({
  id: Id,
  first_name: Text,
  last_name: Text,
  nick_name: Text,
  email: Text,
  phone: Text,
  orders_count: Count.nullish(),
  total_spent: Amount.nullish(),
  tags: Tags,
});

export const OrdersResponse = z.looseObject({ orders: z.array(WireOrder) });
/** `GET /customers/{id}/orders.json`: the generated SDK reads `list`; accept `orders` too. */
export const CustomerOrdersResponse = z
  .looseObject({ list: z.array(WireOrder).optional(), orders: z.array(WireOrder).optional() })
  .refine((r) => r.list !== undefined || r.orders !== undefined, { message: 'no order list', path: ['list'] })
  .transform((r) => r.list ?? r.orders ?? []);
export const CustomersResponse = z.looseObject({ customers: z.array(WireCustomer) });
export const CustomerResponse = z.looseObject({ customer: WireCustomer });
export const FulfillmentsResponse = z.looseObject({ fulfillments: z.array(WireFulfillment) });
export const RefundsResponse = z.looseObject({ refunds: z.array(WireRefund) });

/** What a Shopline order / customer looks like on the wire: the fake and the demo store build these. */
export type WireOrderJson = z.input<typeof WireOrder>;
export type WireCustomerJson = z.input<typeof WireCustomer>;
export type WireFulfillmentJson = z.input<typeof WireFulfillment>;
export type WireRefundJson = z.input<typeof WireRefund>;

export type WireOrder = z.output<typeof WireOrder>;
export type WireCustomer = z.output<typeof WireCustomer>;
export type WireFulfillment = z.output<typeof WireFulfillment>;
export type WireRefund = z.output<typeof WireRefund>;
