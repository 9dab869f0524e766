// Wire → domain mapping, and the schemas refusing half-valid answers.
import { describe, expect, it } from 'vitest';
import { sumDecimals, toCustomer, toFulfillment, toOrder, toRefund } from './shopline.mapper';
import {
  CustomerOrdersResponse,
  CustomerResponse,
  OrdersResponse,
  WireCustomer,
  WireFulfillment,
  WireOrder,
  WireRefund,
} from './shopline.wire';

/** An order shaped like the v20251201 `GET /orders.json` payload, with fields we never read. */
function wireOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '21050224312121887324667162',
    name: 'D2034',
    email: 'tom@example.com',
    phone: '13100000000',
    created_at: '2021-08-16T08:27:57+00:00',
    currency: 'USD',
    total_price: '70.00',
    current_total_price: '62.00',
    current_total_price_set: { shop_money: { amount: '62.00', currency_code: 'USD' } },
    financial_status: 'partially_refunded',
    fulfillment_status: 'shipped',
    status: 'open',
    cancelled_at: null,
    browser_ip: '157.119.232.35',
    note: 'Leave at the door',
    tags: 'vip, repeat ,',
    order_status_url: 'https://shop.myshopline.com/trade/thank_you?mainOrderSeq=1',
    line_items: [
      { id: '417', title: 'Beautiful skirt', variant_title: 'Big / Red', sku: 'SK-1', quantity: 2, price: '30.00', grams: 100 },
      { id: '418', name: 'Gift wrap', quantity: 1, price_set: { shop_money: { amount: '2.00', currency_code: 'USD' } } },
    ],
    customer: { id: '4201057495', first_name: 'Tom', last_name: 'Washington', email: 'tom@example.com', phone: null },
    fulfillments: [
      {
        id: 'f-old',
        status: 'success',
        tracking_company: 'SF International',
        tracking_number: 'yun0001',
        tracking_url: 'https://track.example/yun0001',
        created_at: '2021-08-17T08:00:00+00:00',
      },
      {
        id: 'f-cancelled',
        status: 'cancelled',
        tracking_company: 'Bad Carrier',
        tracking_number: 'DEAD1',
        created_at: '2021-08-18T08:00:00+00:00',
      },
      {
        id: 'f-new',
        status: 'success',
        tracking_company: 'ignored when the list is present',
        tracking_number: 'ignored',
        tracking_info_list: [
          { tracking_company: 'UPS', tracking_number: '1ZAAA', tracking_url: 'https://ups.example/1ZAAA' },
          { tracking_company: 'UPS', tracking_number: '1ZBBB', tracking_url: null },
        ],
        created_at: '2021-08-19T08:00:00+00:00',
      },
    ],
    refunds: [
      {
        id: '2605659027312156877634',
        created_at: '2021-08-20T08:27:57+00:00',
        note: 'Refund notes',
        transactions: [
          { id: 't1', kind: 'refund', status: 'success', amount: '5.5' },
          { id: 't2', kind: 'refund', status: 'success', amount: '2.50' },
          { id: 't3', kind: 'refund', status: 'failure', amount: '100.00' },
          { id: 't4', kind: 'sale', status: 'success', amount: '70.00' },
        ],
      },
    ],
    ...overrides,
  };
}

describe('toOrder', () => {
  it('maps a full order to the domain shape', () => {
    const order = toOrder(WireOrder.parse(wireOrder()));
    expect(order).toEqual({
      id: '21050224312121887324667162',
      number: 'D2034',
      createdAt: Date.UTC(2021, 7, 16, 8, 27, 57),
      currency: 'USD',
      total: '62.00',
      financialStatus: 'partially_refunded',
      fulfillmentStatus: 'shipped',
      status: 'open',
      cancelledAt: null,
      items: [
        { title: 'Beautiful skirt', variant: 'Big / Red', sku: 'SK-1', quantity: 2, price: '30.00' },
        { title: 'Gift wrap', variant: null, sku: null, quantity: 1, price: '2.00' },
      ],
      customer: { id: '4201057495', name: 'Tom Washington', email: 'tom@example.com', phone: '13100000000' },
      trackingNumbers: ['yun0001', '1ZAAA', '1ZBBB'],
      trackingUrls: ['https://track.example/yun0001', 'https://ups.example/1ZAAA'],
      trackingCompany: 'UPS',
      refunds: [{ id: '2605659027312156877634', amount: '8.00', createdAt: Date.UTC(2021, 7, 20, 8, 27, 57), note: 'Refund notes' }],
      statusUrl: 'https://shop.myshopline.com/trade/thank_you?mainOrderSeq=1',
      note: 'Leave at the door',
      tags: ['vip', 'repeat'],
    });
  });

  it('falls back to total_price and the money set currency, and reads a cancelled order', () => {
    const order = toOrder(
      WireOrder.parse(
        wireOrder({
          current_total_price: undefined,
          currency: '',
          cancelled_at: '2021-08-16T10:00:00-04:00',
          status: 'cancelled',
          tags: ['a', ' b '],
        }),
      ),
    );
    expect([order.total, order.currency, order.cancelledAt, order.status, order.tags]).toEqual([
      '70.00',
      'USD',
      Date.UTC(2021, 7, 16, 14, 0, 0),
      'cancelled',
      ['a', 'b'],
    ]);
  });

  it('keeps a guest checkout as a customer without an id, and no contact at all as null', () => {
    const guest = toOrder(WireOrder.parse(wireOrder({ customer: null, email: 'guest@example.net', phone: '' })));
    expect(guest.customer).toEqual({ id: null, name: 'guest@example.net', email: 'guest@example.net', phone: null });
    const nobody = toOrder(WireOrder.parse(wireOrder({ customer: null, email: null, phone: null })));
    expect(nobody.customer).toBeNull();
  });

  it('accepts a numeric id and empty optional lists', () => {
    const order = toOrder(WireOrder.parse(wireOrder({ id: 123456, line_items: null, fulfillments: [], refunds: undefined })));
    expect([order.id, order.items, order.trackingNumbers, order.trackingCompany, order.refunds]).toEqual([
      '123456',
      [],
      [],
      null,
      [],
    ]);
  });
});

describe('wire schemas reject what we cannot trust', () => {
  it.each([
    ['a missing id', { id: undefined }],
    ['an empty id', { id: '' }],
    ['an id of the wrong type', { id: { value: 1 } }],
    ['a missing order number', { name: undefined }],
    ['an unreadable date', { created_at: 'yesterday' }],
    ['no total at all', { current_total_price: undefined, total_price: undefined }],
    ['a total that is not an amount', { current_total_price: 'a lot' }],
    ['a quantity that is text', { line_items: [{ title: 'x', quantity: '2', price: '1.00' }] }],
    ['a fulfilment without id', { fulfillments: [{ tracking_number: 'x' }] }],
    ['tags of the wrong type', { tags: 42 }],
  ])('%s', (_label, overrides) => {
    expect(WireOrder.safeParse(wireOrder(overrides)).success).toBe(false);
  });

  it('rejects a whole list when one order is malformed, rather than returning the rest', () => {
    const result = OrdersResponse.safeParse({ orders: [wireOrder(), wireOrder({ id: null })] });
    expect(result.success).toBe(false);
  });

  it('keeps unknown fields out of the way', () => {
    expect(WireOrder.safeParse(wireOrder({ brand_new_field: { nested: true } })).success).toBe(true);
  });

  it('reads a customer\'s orders from `list` (the SDK) or `orders`', () => {
    expect(CustomerOrdersResponse.parse({ list: [wireOrder()] })).toHaveLength(1);
    expect(CustomerOrdersResponse.parse({ orders: [wireOrder()] })).toHaveLength(1);
    expect(CustomerOrdersResponse.safeParse({ items: [] }).success).toBe(false);
  });
});

describe('toCustomer', () => {
  it('maps a v2 customer', () => {
    const c = CustomerResponse.parse({
      customer: {
        id: '4201825054',
        first_name: 'Bob',
        last_name: 'Norman',
        email: 'bob@example.com',
        phone: '+14155550100',
        orders_count: '3',
        total_spent: '120.50',
        tags: 'vip,wholesale',
        state: 3,
      },
    }).customer;
    expect(toCustomer(c)).toEqual({
      id: '4201825054',
      name: 'Bob Norman',
      email: 'bob@example.com',
      phone: '+14155550100',
      ordersCount: 3,
      totalSpent: '120.50',
      tags: ['vip', 'wholesale'],
    });
  });

  it('names a customer by nickname, email or phone when names are missing', () => {
    const name = (fields: Record<string, unknown>) => toCustomer(WireCustomer.parse({ id: '1', ...fields })).name;
    expect(name({ nick_name: 'bobby' })).toBe('bobby');
    expect(name({ email: 'b@example.com' })).toBe('b@example.com');
    expect(name({ phone: '+1555' })).toBe('+1555');
    expect(name({ first_name: ' ', last_name: 'Solo' })).toBe('Solo');
  });

  it('rejects a customer without an id or with a negative order count', () => {
    expect(WireCustomer.safeParse({ first_name: 'Bob' }).success).toBe(false);
    expect(WireCustomer.safeParse({ id: '1', orders_count: -1 }).success).toBe(false);
  });
});

describe('toFulfillment and toRefund', () => {
  it('uses the deprecated single fields when there is no tracking list', () => {
    const f = toFulfillment(
      WireFulfillment.parse({
        id: '4005740193290131085320',
        status: 'success',
        shipment_status: 'delivered',
        tracking_company: 'EMS',
        tracking_number: '4332',
        tracking_numbers: ['4332', '4333'],
        tracking_url: 'https://ems.example/4332',
        created_at: '',
        line_items: [{ title: 'Skirt', quantity: 1 }, { name: 'Belt', quantity: 2 }],
      }),
    );
    expect(f).toEqual({
      id: '4005740193290131085320',
      status: 'success',
      shipmentStatus: 'delivered',
      trackingCompany: 'EMS',
      trackingNumbers: ['4332', '4333'],
      trackingUrls: ['https://ems.example/4332'],
      createdAt: null,
      items: [
        { title: 'Skirt', quantity: 1 },
        { title: 'Belt', quantity: 2 },
      ],
    });
  });

  it('takes a refund amount from refund_amount when there are no transactions', () => {
    const r = toRefund(WireRefund.parse({ id: 'r1', processed_at: '2024-09-01T14:30:00+08:00', refund_amount: '109.00' }));
    expect(r).toEqual({ id: 'r1', amount: '109.00', createdAt: Date.UTC(2024, 8, 1, 6, 30), note: null });
    expect(toRefund(WireRefund.parse({ id: 'r2' })).amount).toBeNull();
  });
});

describe('sumDecimals', () => {
  it.each([
    [['8.00', '1.5'], '9.50'],
    [['0.1', '0.2'], '0.3'],
    [['100'], '100'],
    [['19.99', '0.01'], '20.00'],
    [['-5.00', '2.25'], '-2.75'],
    [['0.05', '-0.10'], '-0.05'],
    [['123456789012345.67', '0.33'], '123456789012346.00'],
    [[], '0'],
  ])('%j → %s', (values, expected) => {
    expect(sumDecimals(values)).toBe(expected);
  });

  it('gives up on anything that is not a plain decimal', () => {
    expect(sumDecimals(['1.00', '1e3'])).toBeNull();
    expect(sumDecimals(['$5'])).toBeNull();
  });
});
