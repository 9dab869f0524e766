// Maps parsed Shopline wire objects to Topicdesk's domain types. Pure; runs anywhere.
import type { WireCustomer, WireFulfillment, WireOrder, WireRefund } from './shopline.wire';
import type {
  ShoplineCustomer,
  ShoplineFulfillment,
  ShoplineLineItem,
  ShoplineOrder,
  ShoplineOrderCustomer,
  ShoplineRefund,
} from './shopline.types';

export function toOrder(w: WireOrder): ShoplineOrder {
  const fulfillments = (w.fulfillments ?? []).map(toFulfillment);
  // A cancelled shipment's tracking number only confuses the customer: leave it out.
  const live = fulfillments.filter((f) => f.status !== 'cancelled');
  const latest = [...live].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0))[0];
  return {
    id: w.id,
    number: w.name,
    createdAt: Date.parse(w.created_at),
    currency: text(w.currency) ?? text(w.current_total_price_set?.shop_money?.currency_code) ?? '',
    // The schema guarantees one of the two totals is present.
    total: w.current_total_price ?? w.total_price ?? '',
    financialStatus: text(w.financial_status),
    fulfillmentStatus: text(w.fulfillment_status),
    status: text(w.status),
    cancelledAt: time(w.cancelled_at),
    items: (w.line_items ?? []).map(
      (li): ShoplineLineItem => ({
        title: text(li.title) ?? text(li.name) ?? '',
        variant: text(li.variant_title),
        sku: text(li.sku),
        quantity: li.quantity,
        price: li.price ?? li.price_set?.shop_money?.amount ?? '0',
      }),
    ),
    customer: orderCustomer(w),
    trackingNumbers: unique(live.flatMap((f) => f.trackingNumbers)),
    trackingUrls: unique(live.flatMap((f) => f.trackingUrls)),
    trackingCompany: latest?.trackingCompany ?? null,
    refunds: (w.refunds ?? []).map(toRefund),
    statusUrl: text(w.order_status_url),
    note: text(w.note),
    tags: tags(w.tags),
  };
}

function orderCustomer(w: WireOrder): ShoplineOrderCustomer | null {
  const c = w.customer;
  const email = text(c?.email) ?? text(w.email);
  const phone = text(c?.phone) ?? text(w.phone);
  if (!c && !email && !phone) return null;
  return {
    id: c?.id ?? null,
    name: fullName(c?.first_name, c?.last_name) ?? email ?? phone ?? '',
    email,
    phone,
  };
}

export function toFulfillment(w: WireFulfillment): ShoplineFulfillment {
  // `tracking_info_list` supersedes the single fields (deprecated from v20250601) when present.
  const infos = (w.tracking_info_list ?? []).filter((t) => text(t.tracking_number) || text(t.tracking_url));
  const numbers = infos.length
    ? infos.map((t) => text(t.tracking_number))
    : [...(w.tracking_numbers ?? []), text(w.tracking_number)];
  const urls = infos.length ? infos.map((t) => text(t.tracking_url)) : [...(w.tracking_urls ?? []), text(w.tracking_url)];
  return {
    id: w.id,
    status: text(w.status),
    shipmentStatus: text(w.shipment_status),
    trackingCompany: (infos.length ? text(infos[0]?.tracking_company) : null) ?? text(w.tracking_company),
    trackingNumbers: unique(numbers),
    trackingUrls: unique(urls),
    createdAt: time(w.created_at),
    items: (w.line_items ?? []).map((li) => ({ title: text(li.title) ?? text(li.name) ?? '', quantity: li.quantity })),
  };
}

const failedTransaction = new Set(['failure', 'failed', 'error']);

export function toRefund(w: WireRefund): ShoplineRefund {
  const paid = (w.transactions ?? []).filter(
    (t) => (t.kind ?? 'refund') === 'refund' && !failedTransaction.has(t.status ?? ''),
  );
  const amounts = paid.map((t) => t.amount).filter((a): a is string => a != null);
  return {
    id: w.id,
    amount: amounts.length ? sumDecimals(amounts) : (w.refund_amount ?? null),
    createdAt: time(w.created_at) ?? time(w.processed_at),
    note: text(w.note),
  };
}

export function toCustomer(w: WireCustomer): ShoplineCustomer {
  return {
    id: w.id,
    name: fullName(w.first_name, w.last_name) ?? text(w.nick_name) ?? text(w.email) ?? text(w.phone) ?? '',
    email: text(w.email),
    phone: text(w.phone),
    ordersCount: w.orders_count ?? null,
    totalSpent: w.total_spent ?? null,
    tags: tags(w.tags),
  };
}

/**
 * Adds decimal strings exactly (no float drift), keeping the widest scale among them:
 * ["8.00", "1.5"] → "9.50". Null when any value is not a plain decimal.
 */
export function sumDecimals(values: readonly string[]): string | null {
  const parsed = values.map((v) => /^(-?)(\d+)(?:\.(\d+))?$/.exec(v.trim()));
  if (parsed.some((m) => m === null)) return null;
  const scale = Math.max(0, ...parsed.map((m) => m?.[3]?.length ?? 0));
  let total = 0n;
  for (const m of parsed) {
    if (!m) continue;
    const digits = BigInt((m[2] ?? '0') + (m[3] ?? '').padEnd(scale, '0'));
    total += m[1] === '-' ? -digits : digits;
  }
  const negative = total < 0n;
  const abs = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const fraction = abs.slice(abs.length - scale);
  return `${negative ? '-' : ''}${whole}${scale ? `.${fraction}` : ''}`;
}

function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

function time(value: string | null | undefined): number | null {
  return value ? Date.parse(value) : null;
}

function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  return text([text(first), text(last)].filter(Boolean).join(' '));
}

function tags(value: string | string[] | null | undefined): string[] {
  const list = Array.isArray(value) ? value : (value ?? '').split(',');
  return unique(list.map((t) => t.trim()));
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
}
