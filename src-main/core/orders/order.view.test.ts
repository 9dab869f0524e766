// Shopline orders and customers as the bridge carries them; the customer-facing state.
import { describe, expect, it } from 'vitest';
import { OrderView } from '../../../src-preload/contract/shopline.contract';
import type { ShoplineFulfillment, ShoplineOrder } from '../shopline/shopline.types';
import { customerFacingStatus } from './order.state';
import { safeWebUrl, toCustomerView, toOrderView } from './order.view';

const order: ShoplineOrder = {
  id: '21050001',
  number: '#1042',
  createdAt: Date.UTC(2026, 0, 3, 10),
  currency: 'USD',
  total: '90.00',
  financialStatus: 'partially_refunded',
  fulfillmentStatus: 'shipped',
  status: 'open',
  cancelledAt: null,
  items: [{ title: 'Aurora Wool Beanie', variant: 'Navy', sku: 'AUR-BEAN-NAVY', quantity: 2, price: '24.00' }],
  customer: { id: '42', name: 'Maya Chen', email: 'maya@example.com', phone: null },
  trackingNumbers: ['1Z999'],
  trackingUrls: ['https://www.ups.com/track?tracknum=1Z999', 'javascript:alert(1)'],
  trackingCompany: 'UPS',
  refunds: [{ id: 'r1', amount: '8.00', createdAt: null, note: 'Damaged' }],
  statusUrl: 'file:///etc/passwd',
  note: null,
  tags: ['repeat'],
};

const shipment = (fields: Partial<ShoplineFulfillment>): ShoplineFulfillment => ({
  id: 'f1',
  status: 'success',
  shipmentStatus: null,
  trackingCompany: 'DHL',
  trackingNumbers: ['D1'],
  trackingUrls: ['https://dhl.example/D1'],
  createdAt: 1,
  items: [{ title: 'Aurora Wool Beanie', quantity: 2 }],
  ...fields,
});

describe('toOrderView', () => {
  it('keeps only http(s) links, sums refunds exactly, and is valid contract JSON', () => {
    const view = toOrderView(order);
    expect(view.tracking.urls).toEqual(['https://www.ups.com/track?tracknum=1Z999']);
    expect(view.statusUrl).toBeNull();
    expect(view.refundedTotal).toBe('8.00');
    expect(view.detail).toBe('summary');
    expect(view.customerStatus).toBe('shipped');
    expect(OrderView.parse(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });

  it('takes tracking and delivery from the fetched shipments, ignoring cancelled ones', () => {
    const view = toOrderView(order, {
      fulfillments: [
        shipment({ id: 'old', status: 'cancelled', trackingNumbers: ['X'], trackingUrls: ['https://x.example/X'], createdAt: 5 }),
        shipment({ shipmentStatus: 'delivered', createdAt: 2 }),
      ],
      refunds: [
        { id: 'r1', amount: '8.00', createdAt: null, note: null },
        { id: 'r2', amount: '1.5', createdAt: null, note: null },
      ],
    });
    expect(view.detail).toBe('full');
    expect(view.tracking).toEqual({ company: 'DHL', numbers: ['D1'], urls: ['https://dhl.example/D1'] });
    expect(view.shipments).toHaveLength(2);
    expect(view.customerStatus).toBe('delivered');
    expect(view.refundedTotal).toBe('9.50');
  });

  it('has no refunded total without refund amounts', () => {
    expect(toOrderView({ ...order, refunds: [] }).refundedTotal).toBeNull();
  });
});

describe('safeWebUrl', () => {
  it.each([
    ['https://a.example/x?y=1', 'https://a.example/x?y=1'],
    ['http://a.example', 'http://a.example/'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeWebUrl(input)).toBe(expected);
  });
});

describe('customerFacingStatus', () => {
  const base = { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unshipped', cancelledAt: null };
  it.each([
    [{ cancelledAt: 5, fulfillmentStatus: 'shipped' }, 'cancelled'],
    [{ status: 'cancelled' }, 'cancelled'],
    [{ financialStatus: 'refunded' }, 'refunded'],
    [{ fulfillmentStatus: 'shipped' }, 'shipped'],
    [{ fulfillmentStatus: 'shipped', shipmentStatus: 'out_for_delivery' }, 'out for delivery'],
    [{ fulfillmentStatus: 'shipped', shipmentStatus: 'delivered' }, 'delivered'],
    [{ fulfillmentStatus: 'partial' }, 'partially shipped'],
    [{ financialStatus: 'pending' }, 'awaiting payment'],
    [{}, 'paid, preparing shipment'],
    [{ financialStatus: null, fulfillmentStatus: null }, 'received'],
  ])('%o → %s', (fields, expected) => {
    expect(customerFacingStatus({ ...base, ...fields })).toBe(expected);
  });
});

describe('toCustomerView', () => {
  it('carries the tier and how the customer was found', () => {
    const view = toCustomerView(
      { id: '42', name: 'Maya', email: null, phone: '+1', ordersCount: 3, totalSpent: '12.00', tags: ['vip'] },
      'phone',
      'vip',
    );
    expect(view).toMatchObject({ id: '42', tier: 'vip', matchedBy: 'phone', ordersCount: 3 });
  });
});
