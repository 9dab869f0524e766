// The demo store is deterministic, consistent and shaped like Shopline.
import { describe, expect, it } from 'vitest';
import { createDemoStore, demoRegularCustomerEmail } from './demo-store';
import { toOrder } from './shopline.mapper';
import { CustomersResponse, OrdersResponse } from './shopline.wire';

const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('createDemoStore', () => {
  const store = createDemoStore();
  const orders = OrdersResponse.parse({ orders: store.orders }).orders.map(toOrder);

  it('is the same store every time for the same seed and anchor, and another for another seed', () => {
    expect(createDemoStore()).toEqual(store);
    expect(JSON.stringify(createDemoStore({ seed: 7 }))).not.toEqual(JSON.stringify(store));
  });

  it('holds orders #1001 to #1060, oldest first, with unique ids', () => {
    expect(orders.map((o) => o.number)).toEqual(Array.from({ length: 60 }, (_, i) => `#${1001 + i}`));
    expect(new Set(orders.map((o) => o.id)).size).toBe(60);
    const times = orders.map((o) => o.createdAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)).toBe(Date.UTC(2026, 0, 15, 12, 0, 0));
  });

  it('speaks the wire format the client parses', () => {
    expect(CustomersResponse.safeParse({ customers: store.customers }).success).toBe(true);
  });

  it('adds up: items − discount + shipping = total, and refunds come off the current total', () => {
    for (const wire of store.orders) {
      const items = (wire.line_items ?? []).reduce((sum, li) => sum + cents(String(li.price)) * li.quantity, 0);
      const shipping = cents(String((wire['shipping_lines'] as { price: string }[])[0]?.price));
      const discount = cents(String(wire['total_discounts']));
      expect(items - discount + shipping).toBe(cents(String(wire.total_price)));
      const order = orders.find((o) => o.id === wire.id);
      const refunded = (order?.refunds ?? []).reduce((sum, r) => sum + cents(r.amount ?? '0'), 0);
      expect(cents(order?.total ?? '')).toBe(Math.max(0, cents(String(wire.total_price)) - refunded));
    }
  });

  it('has shipments with tracking, split shipments, unshipped and cancelled orders, and refunds', () => {
    const shipped = orders.filter((o) => o.fulfillmentStatus === 'shipped');
    expect(shipped.length).toBeGreaterThan(30);
    for (const o of shipped) {
      expect(o.trackingNumbers).toHaveLength(1);
      expect(o.trackingUrls[0]).toMatch(/^https:\/\/.+/);
      expect(o.trackingUrls[0]).toContain(o.trackingNumbers[0]);
      expect(o.trackingCompany).toBeTruthy();
    }
    expect(orders.some((o) => o.fulfillmentStatus === 'partial')).toBe(true);
    expect(orders.filter((o) => o.fulfillmentStatus === 'unshipped' && o.status === 'open').length).toBeGreaterThan(2);
    const cancelled = orders.filter((o) => o.status === 'cancelled');
    expect(cancelled).toHaveLength(3);
    for (const o of cancelled) expect([o.cancelledAt, o.financialStatus, o.total]).toEqual([expect.any(Number), 'refunded', '0.00']);
    expect(orders.filter((o) => o.financialStatus === 'partially_refunded')).toHaveLength(4);
  });

  it('has a regular customer with seven orders and a guest checkout', () => {
    const regular = store.customers.find((c) => c.email === demoRegularCustomerEmail);
    expect(regular?.orders_count).toBe(7);
    expect(orders.filter((o) => o.customer?.id === regular?.id)).toHaveLength(7);
    expect(orders.some((o) => o.customer?.id === null && o.customer.email?.endsWith('@example.net'))).toBe(true);
  });

  it('counts each customer\'s orders and spend from the orders themselves', () => {
    for (const c of store.customers) {
      const theirs = orders.filter((o) => o.customer?.id === c.id && o.status !== 'cancelled');
      expect(c.orders_count).toBe(theirs.length);
      expect(cents(String(c.total_spent))).toBe(theirs.reduce((sum, o) => sum + cents(o.total), 0));
    }
  });

  it('moves with its anchor, for a demo that looks current', () => {
    const anchor = Date.UTC(2030, 5, 1);
    const moved = createDemoStore({ anchor }).orders.at(-1);
    expect(moved && Date.parse(moved.created_at)).toBe(anchor);
  });
});
