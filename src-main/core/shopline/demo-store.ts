// The demo Shopline store: orders #1001–#1060 and their customers, with realistic items, totals,
// shipments (tracking numbers and URLs) and a few refunds, in Shopline's own JSON shapes.
// Deterministic for a given seed and anchor time. Shared by the tests and the app's demo mode,
// which serves it through the fake Shopline. Plain Node, no I/O.
import type { WireCustomerJson, WireOrderJson } from './shopline.wire';

export interface ShoplineStoreData {
  handle: string;
  currency: string;
  customers: WireCustomerJson[];
  /** Orders with their `customer`, `fulfillments` and `refunds` embedded, as Shopline returns them. */
  orders: WireOrderJson[];
}

export interface DemoStoreOptions {
  seed?: number;
  /** When the newest order was placed (ms). Fixed by default so tests see the same store. */
  anchor?: number;
  handle?: string;
}

export const demoStoreHandle = 'topicdesk-demo';
export const demoAccessToken = 'demo-shopline-token';
/** The demo customer with several orders (enough for three pages of three). */
export const demoRegularCustomerEmail = 'maya.chen@example.com';

interface Product {
  title: string;
  sku: string;
  cents: number;
  grams: number;
  variants: string[];
}

const catalogue: Product[] = [
  { title: 'Aurora Wool Beanie', sku: 'AUR-BEAN', cents: 2400, grams: 90, variants: ['Charcoal', 'Mustard', 'Navy'] },
  {
    title: 'Trailhead Rain Jacket',
    sku: 'TRL-JKT',
    cents: 12900,
    grams: 620,
    variants: ['Olive / S', 'Olive / M', 'Olive / L', 'Black / M', 'Black / L', 'Black / XL'],
  },
  { title: 'Everyday Canvas Tote', sku: 'EVD-TOTE', cents: 3800, grams: 310, variants: ['Natural', 'Black'] },
  { title: 'Merino Crew Socks (3-pack)', sku: 'MER-SOCK', cents: 2750, grams: 150, variants: ['S', 'M', 'L'] },
  { title: 'Harbor Ceramic Mug 350 ml', sku: 'HRB-MUG', cents: 1800, grams: 380, variants: [] },
  {
    title: 'Linen Button-Down Shirt',
    sku: 'LIN-SHRT',
    cents: 7400,
    grams: 240,
    variants: ['White / S', 'White / M', 'Sand / M', 'Sand / L', 'Sand / XL'],
  },
  { title: 'Pocket Espresso Maker', sku: 'PKT-ESP', cents: 8990, grams: 410, variants: [] },
  { title: 'Cedar & Smoke Candle', sku: 'CDR-CNDL', cents: 3200, grams: 520, variants: [] },
  { title: 'Stoneware Pour-Over Set', sku: 'STN-POUR', cents: 5600, grams: 900, variants: ['Sand', 'Slate'] },
  { title: 'Cotton Jersey Tee', sku: 'CTN-TEE', cents: 2200, grams: 180, variants: ['White / M', 'Black / M', 'Heather / L'] },
  { title: 'Leather Card Wallet', sku: 'LTH-WLT', cents: 4500, grams: 60, variants: ['Tan', 'Black'] },
  { title: 'Wireless Earbuds Lite', sku: 'WRL-BUDS', cents: 5999, grams: 120, variants: ['White', 'Black'] },
  { title: 'Bamboo Cutting Board', sku: 'BMB-BRD', cents: 3450, grams: 760, variants: [] },
  { title: 'Insulated Water Bottle 750 ml', sku: 'INS-BTL', cents: 2700, grams: 330, variants: ['Moss', 'Sky', 'Sunset'] },
];

const people: [string, string, string, string | null][] = [
  // first, last, country code, phone (E.164; fictional ranges where a country has them)
  ['Maya', 'Chen', 'US', '+14155550142'],
  ['Lucas', 'Oliveira', 'BR', '+5511955501234'],
  ['Priya', 'Raman', 'IN', '+919800055501'],
  ['Tom', 'Becker', 'DE', '+4915550112233'],
  ['Sofia', 'Rossi', 'IT', '+393405550177'],
  ['Aiden', 'Walsh', 'GB', '+447700900123'],
  ['Yuki', 'Tanaka', 'JP', '+819055501234'],
  ['Olga', 'Petrova', 'RU', '+79995550187'],
  ['Daniel', 'Kim', 'US', '+12125550199'],
  ['Amara', 'Okafor', 'NG', '+2348055501234'],
  ['Chloé', 'Martin', 'FR', '+33655501234'],
  ['Noah', 'Williams', 'AU', '+61491570156'],
  ['Elena', 'García', 'ES', '+34655501234'],
  ['Mateo', 'López', 'MX', '+525555501234'],
  ['Hannah', 'Schmidt', 'AT', '+436645550123'],
  ['Wei', 'Zhang', 'SG', '+6585550123'],
  ['Fatima', 'Haddad', 'AE', '+971505550123'],
  ['Jonas', 'Nilsson', 'SE', null],
];

const cities: Record<string, [string, string]> = {
  US: ['San Francisco', '94110'],
  BR: ['São Paulo', '01310-100'],
  IN: ['Bengaluru', '560001'],
  DE: ['Berlin', '10115'],
  IT: ['Milano', '20121'],
  GB: ['London', 'E1 6AN'],
  JP: ['Tokyo', '150-0001'],
  RU: ['Moscow', '101000'],
  NG: ['Lagos', '100001'],
  FR: ['Lyon', '69001'],
  AU: ['Melbourne', '3000'],
  ES: ['Valencia', '46001'],
  MX: ['Ciudad de México', '06700'],
  AT: ['Wien', '1010'],
  SG: ['Singapore', '018956'],
  AE: ['Dubai', '00000'],
  SE: ['Göteborg', '411 01'],
};

const carriers = [
  { name: 'UPS', number: (r: Rng) => `1Z${r.code(6)}${r.digits(10)}`, url: 'https://www.ups.com/track?tracknum=' },
  { name: 'USPS', number: (r: Rng) => `9400${r.digits(18)}`, url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=' },
  { name: 'DHL Express', number: (r: Rng) => r.digits(10), url: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id=' },
  { name: 'FedEx', number: (r: Rng) => r.digits(12), url: 'https://www.fedex.com/fedextrack/?trknbr=' },
];

const notes = [
  'Please leave the parcel with the concierge.',
  'It is a gift: no invoice in the box, please.',
  'Ring twice, the bell is broken.',
  null,
];

const DAY = 86_400_000;
const ORDER_COUNT = 60;
// Orders (by position, 0-based) that belong to the regular customer: 7 of them, for pagination.
const regularOrders = new Set([2, 9, 17, 25, 33, 41, 50]);
const guestOrders = new Set([13, 38]);
const cancelledOrders = new Set([7, 29, 52]);
const partlyRefundedOrders = new Set([5, 21, 36, 44]);

export function createDemoStore(options: DemoStoreOptions = {}): ShoplineStoreData {
  const rng = new Rng(options.seed ?? 20_251_201);
  const anchor = Math.floor((options.anchor ?? Date.UTC(2026, 0, 15, 12, 0, 0)) / 1000) * 1000;
  const handle = options.handle ?? demoStoreHandle;
  const currency = 'USD';

  const customers = people.map(([first, last, country, phone], i) => ({
    id: `42010${String(57_000 + i * 137).padStart(5, '0')}`,
    first_name: first,
    last_name: last,
    email: `${ascii(first)}.${ascii(last)}@example.com`,
    phone,
    country,
    createdAt: anchor - (400 + i * 9) * DAY,
  }));

  // Walk back from the anchor: a few orders a day, newest last.
  const times: number[] = [];
  let t = anchor;
  for (let i = 0; i < ORDER_COUNT; i++) {
    times.unshift(t);
    t -= rng.int(6, 30) * 3_600_000 + rng.int(0, 3599) * 1000;
  }

  const orders: WireOrderJson[] = [];
  const spent = new Map<string, { count: number; cents: number }>();

  for (let i = 0; i < ORDER_COUNT; i++) {
    const createdAt = times[i] ?? anchor;
    const age = anchor - createdAt;
    const number = 1001 + i;
    const id = `2105${rng.digits(22)}`;
    const guest = guestOrders.has(i);
    const who = regularOrders.has(i) ? customers[0] : customers[1 + rng.int(0, customers.length - 2)];
    if (!who) throw new Error('demo store: no customer');

    // Line items: one to three different products.
    const picks = rng.sample(catalogue, rng.pick([1, 1, 1, 2, 2, 3]));
    const lines = picks.map((p, n) => {
      const variant = p.variants.length ? rng.pick(p.variants) : null;
      const quantity = rng.pick([1, 1, 1, 2]);
      return {
        product: p,
        variant,
        quantity,
        json: {
          id: `${id.slice(-8)}${n + 1}`,
          product_id: `160567615599848${String(40_000_000_000 + catalogue.indexOf(p))}`,
          variant_id: `1805${rng.digits(18)}`,
          title: p.title,
          name: variant ? `${p.title} - ${variant}` : p.title,
          variant_title: variant,
          sku: variant ? `${p.sku}-${variant.replace(/[^A-Za-z0-9]+/g, '').toUpperCase()}` : p.sku,
          quantity,
          price: money(p.cents),
          price_set: moneySet(p.cents, currency),
          grams: p.grams,
          vendor: 'Topicdesk Demo Outfitters',
          requires_shipping: true,
          taxable: true,
          fulfillment_status: null as string | null,
        },
      };
    });
    const subtotal = lines.reduce((sum, l) => sum + l.product.cents * l.quantity, 0);
    const discounted = rng.chance(0.15);
    const discount = discounted ? Math.round(subtotal * 0.1) : 0;
    const shipping = subtotal - discount >= 10_000 ? 0 : 695;
    const total = subtotal - discount + shipping;

    const cancelled = cancelledOrders.has(i);
    const newest = i >= ORDER_COUNT - 6;
    const financial = cancelled ? 'refunded' : newest && rng.chance(0.3) ? rng.pick(['pending', 'unpaid']) : 'paid';
    const paid = financial === 'paid' || financial === 'refunded';

    // Shipping state by age: the last few days' orders wait, a few are split, the rest shipped.
    let fulfillment: 'unshipped' | 'partial' | 'shipped' = 'shipped';
    if (cancelled || !paid || age < 3 * DAY) fulfillment = 'unshipped';
    else if (lines.length > 1 && rng.chance(0.25)) fulfillment = 'partial';

    const fulfillments = [];
    if (fulfillment !== 'unshipped') {
      const shippedLines = fulfillment === 'partial' ? lines.slice(0, 1) : lines;
      const carrier = rng.pick(carriers);
      const tracking = carrier.number(rng);
      const shippedAt = createdAt + rng.int(12, 40) * 3_600_000;
      const shipmentStatus = age > 7 * DAY ? 'delivered' : age > 3 * DAY ? 'out_for_delivery' : null;
      for (const l of shippedLines) l.json.fulfillment_status = 'shipped';
      fulfillments.push({
        id: `4005${rng.digits(18)}`,
        order_id: id,
        name: `${number}-F1`,
        status: 'success',
        shipment_status: shipmentStatus,
        tracking_company: carrier.name,
        tracking_number: tracking,
        tracking_url: carrier.url + tracking,
        tracking_info_list: [{ tracking_company: carrier.name, tracking_number: tracking, tracking_url: carrier.url + tracking }],
        created_at: iso(shippedAt),
        updated_at: iso(shippedAt + (shipmentStatus === 'delivered' ? 3 * DAY : DAY)),
        line_items: shippedLines.map((l) => ({ ...l.json, fulfillment_quantity: l.quantity })),
      });
    }

    const refunds = [];
    let refunded = 0;
    if (cancelled) {
      refunded = total;
      refunds.push(refund(rng, id, createdAt + 5 * 3_600_000, total, currency, 'Order cancelled at the customer’s request', []));
    } else if (partlyRefundedOrders.has(i) && paid) {
      const line = lines[lines.length - 1];
      if (line) {
        refunded = line.product.cents;
        refunds.push(
          refund(rng, id, createdAt + rng.int(3, 9) * DAY, refunded, currency, 'Damaged on arrival', [
            { line_item_id: line.json.id, quantity: 1, subtotal: money(line.product.cents) },
          ]),
        );
      }
    }
    const financialStatus = !cancelled && refunded > 0 ? 'partially_refunded' : financial;
    const current = Math.max(0, total - refunded);

    const [city, zip] = cities[who.country] ?? ['Springfield', '00000'];
    const customerJson = guest
      ? null
      : {
          id: who.id,
          first_name: who.first_name,
          last_name: who.last_name,
          email: who.email,
          phone: who.phone,
          currency,
          created_at: iso(who.createdAt),
          updated_at: iso(createdAt),
        };
    const email = guest ? `guest${number}@example.net` : who.email;
    const phone = guest ? null : who.phone;

    if (!guest && !cancelled) {
      const s = spent.get(who.id) ?? { count: 0, cents: 0 };
      spent.set(who.id, { count: s.count + 1, cents: s.cents + current });
    }

    orders.push({
      id,
      name: `#${number}`,
      order_number: number,
      email,
      phone,
      created_at: iso(createdAt),
      updated_at: iso(createdAt + (fulfillments.length ? DAY : 600_000)),
      processed_at: iso(createdAt),
      currency,
      presentment_currency: currency,
      subtotal_price: money(subtotal),
      total_discounts: money(discount),
      total_price: money(total),
      current_total_price: money(current),
      current_total_price_set: moneySet(current, currency),
      discount_codes: discounted ? [{ code: 'WELCOME10', amount: money(discount), type: 'percentage' }] : [],
      shipping_lines: [{ title: shipping ? 'Standard shipping' : 'Free shipping', price: money(shipping), code: 'STANDARD' }],
      shipping_address: {
        name: guest ? 'Guest Buyer' : `${who.first_name} ${who.last_name}`,
        address1: `${rng.int(2, 240)} ${rng.pick(['Harbor', 'Linden', 'Market', 'Station', 'Elm'])} Street`,
        city,
        zip,
        country_code: who.country,
        phone,
      },
      financial_status: financialStatus,
      fulfillment_status: fulfillment,
      status: cancelled ? 'cancelled' : 'open',
      cancelled_at: cancelled ? iso(createdAt + 4 * 3_600_000) : null,
      cancel_reason: cancelled ? 'customer' : null,
      note: rng.pick(notes),
      tags: [
        regularOrders.has(i) ? 'repeat' : null,
        total >= 15_000 ? 'high-value' : null,
        discounted ? 'welcome-offer' : null,
      ]
        .filter(Boolean)
        .join(', '),
      order_status_url: `https://${handle}.myshopline.com/trade/thank_you?mainOrderSeq=${id}`,
      line_items: lines.map((l) => l.json),
      customer: customerJson,
      fulfillments,
      refunds,
    });
  }

  const customerJson: WireCustomerJson[] = customers.map((c) => {
    const s = spent.get(c.id) ?? { count: 0, cents: 0 };
    return {
      id: c.id,
      first_name: c.first_name,
      last_name: c.last_name,
      email: c.email,
      phone: c.phone,
      currency,
      created_at: iso(c.createdAt),
      updated_at: iso(anchor),
      orders_count: s.count,
      total_spent: money(s.cents),
      tags: s.cents >= 30_000 ? 'vip' : '',
      state: 3,
      verified_email: true,
      default_address: { city: cities[c.country]?.[0] ?? null, country_code: c.country },
    };
  });

  return { handle, currency, customers: customerJson, orders };
}

function refund(
  rng: Rng,
  orderId: string,
  at: number,
  cents: number,
  currency: string,
  note: string,
  lines: { line_item_id: string; quantity: number; subtotal: string }[],
) {
  const id = `2605${rng.digits(18)}`;
  return {
    id,
    order_id: orderId,
    created_at: iso(at),
    processed_at: iso(at),
    note,
    refund_line_items: lines.map((l, n) => ({ id: `${id.slice(-6)}${n}`, ...l, restock_type: 'no_restock' })),
    transactions: [
      {
        id: `1010${rng.digits(20)}`,
        order_id: orderId,
        kind: 'refund',
        status: 'success',
        amount: money(cents),
        currency,
        gateway: 'SLpayments',
        created_at: iso(at),
        processed_at: iso(at),
      },
    ],
  };
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function moneySet(cents: number, currency: string) {
  const amount = { amount: money(cents), currency_code: currency };
  return { shop_money: amount, presentment_money: amount };
}

/** Shopline writes offsets, not `Z`: `2026-01-15T12:00:00+00:00`. */
function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** mulberry32: small, fast and the same on every machine. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('demo store: pick from an empty list');
    return item;
  }

  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      const [item] = pool.splice(Math.floor(this.next() * pool.length), 1);
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  digits(n: number): string {
    let s = String(this.int(1, 9));
    while (s.length < n) s += String(this.int(0, 9));
    return s;
  }

  code(n: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let s = '';
    while (s.length < n) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}
