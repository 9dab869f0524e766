// Order variables for canned responses, and which order a ticket is about.
import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../src-preload/contract/shopline.contract';
import { renderTemplate } from '../rules/template.render';
import { currentOrder } from './order.context';
import { orderItemsText, orderTemplateVariables, toTemplateOrder } from './order.template';

const order: OrderView = {
  id: '1',
  number: '#1042',
  createdAt: Date.UTC(2026, 0, 3, 23, 30),
  currency: 'USD',
  total: '148.00',
  refundedTotal: null,
  financialStatus: 'paid',
  fulfillmentStatus: 'shipped',
  status: 'open',
  cancelledAt: null,
  customerStatus: 'delivered',
  items: [
    { title: 'Trailhead Rain Jacket', variant: 'Olive / M', sku: null, quantity: 1, price: '129.00' },
    { title: 'Harbor Ceramic Mug 350 ml', variant: null, sku: null, quantity: 2, price: '9.50' },
  ],
  customer: null,
  tracking: { company: 'UPS', numbers: ['1Z1', '1Z2'], urls: ['https://ups.example/1Z1'] },
  shipments: [],
  refunds: [],
  statusUrl: null,
  note: null,
  tags: [],
  detail: 'full',
};

describe('orderTemplateVariables', () => {
  it('fills every order variable the way the template rules format them', () => {
    expect(orderTemplateVariables(order)).toEqual({
      order: {
        number: '#1042',
        total: '148.00 USD',
        status: 'delivered',
        tracking_url: 'https://ups.example/1Z1',
        tracking_number: '1Z1',
        date: '2026-01-03',
        items: '1 × Trailhead Rain Jacket (Olive / M), 2 × Harbor Ceramic Mug 350 ml',
      },
    });
  });

  it('dates the order in the given time zone', () => {
    expect(orderTemplateVariables(order, { timeZone: 'Asia/Tokyo' })).toMatchObject({ order: { date: '2026-01-04' } });
  });

  it('leaves values missing (not blank) without an order or without tracking', () => {
    const none = renderTemplate('Order {{order.number}} ships via {{order.tracking_url}}', orderTemplateVariables(null));
    expect(none).toEqual({ ok: false, unknown: [], missing: ['order.number', 'order.tracking_url'] });
    const untracked = { ...order, tracking: { company: null, numbers: [], urls: [] } };
    expect(renderTemplate('{{order.tracking_number}}', orderTemplateVariables(untracked))).toMatchObject({ ok: false, missing: ['order.tracking_number'] });
    expect(renderTemplate('{{order.items}}', orderTemplateVariables({ ...order, items: [] }))).toMatchObject({ ok: false });
  });

  it('renders a real reply', () => {
    const text = renderTemplate('Your order {{order.number}} ({{order.items}}) is {{order.status}}.', orderTemplateVariables(order));
    expect(text).toEqual({
      ok: true,
      text: 'Your order #1042 (1 × Trailhead Rain Jacket (Olive / M), 2 × Harbor Ceramic Mug 350 ml) is delivered.',
    });
  });

  it('gives the composer’s TemplateOrder', () => {
    expect(toTemplateOrder(order)).toEqual({
      number: '#1042',
      totalAmount: '148.00',
      currency: 'USD',
      status: 'delivered',
      trackingUrl: 'https://ups.example/1Z1',
      trackingNumber: '1Z1',
      createdAt: order.createdAt,
    });
    expect(orderItemsText({ items: [{ title: 'X', variant: null, sku: null, quantity: 0, price: '1' }] })).toBeNull();
  });
});

describe('currentOrder', () => {
  it('is the first linked order, else the first detected, else none', () => {
    expect(currentOrder({ linked: ['a', 'b'], detected: ['c'] })).toBe('a');
    expect(currentOrder({ linked: [], detected: ['c', 'd'] })).toBe('c');
    expect(currentOrder({ linked: [], detected: [] })).toBeNull();
  });
});
