// Every state of the order panel, rendered to markup: not connected, waiting out a rate limit,
// a rejected token or unreadable answer shown plainly (and nothing else), and the orders.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OrderView, ShoplineStatus, TicketOrders } from '../../../../src-preload/contract/shopline.contract';
import { panelDataFrom } from './OrderPanel';
import { OrderPanelView, type PanelData } from './OrderPanelView';

const status: ShoplineStatus = {
  configured: true,
  handle: 'acme',
  apiVersion: 'v20251201',
  demo: false,
  scopes: null,
  checkedAt: null,
  allowWriteNotes: false,
  state: 'ok',
  waitingUntil: null,
  error: null,
  errorKind: null,
  secretStorage: 'the OS keychain',
  secretWarning: null,
};

const order = (id: string, number: string, fields: Partial<OrderView> = {}): OrderView => ({
  id,
  number,
  createdAt: Date.UTC(2026, 0, 3),
  currency: 'USD',
  total: '148.00',
  refundedTotal: '8.00',
  financialStatus: 'partially_refunded',
  fulfillmentStatus: 'shipped',
  status: 'open',
  cancelledAt: null,
  customerStatus: 'shipped',
  items: [{ title: 'Trailhead Rain Jacket', variant: 'Olive / M', sku: 'TRL', quantity: 1, price: '129.00' }],
  customer: { id: '42', name: 'Maya Chen', email: null, phone: null },
  tracking: { company: 'UPS', numbers: ['1Z999'], urls: ['https://www.ups.com/track?tracknum=1Z999'] },
  shipments: [],
  refunds: [{ id: 'r1', amount: '8.00', createdAt: null, note: 'Damaged on arrival' }],
  statusUrl: null,
  note: null,
  tags: [],
  detail: 'full',
  ...fields,
});

const orders: TicketOrders = {
  linked: [order('1', '#1041')],
  detected: [order('2', '#1042')],
  missingRefs: [],
  customer: {
    id: '42',
    name: 'Maya Chen',
    email: 'maya@example.com',
    phone: null,
    ordersCount: 7,
    totalSpent: '655.88',
    tags: ['vip'],
    tier: 'vip',
    matchedBy: 'link',
  },
  customerOrders: { items: [order('3', '#1003', { detail: 'summary' })], nextPageInfo: 'cursor' },
  currentOrderId: '1',
};

const ready: PanelData = { kind: 'ready', orders, moreOrders: [], nextPageInfo: 'cursor' };
const noop = () => {};
const render = (s: ShoplineStatus | undefined, data: PanelData) =>
  renderToStaticMarkup(
    <OrderPanelView status={s} data={data} onRefresh={noop} onLink={noop} onUnlink={noop} onMore={noop} onFind={async () => ({ ok: false, message: '' })} />,
  );

describe('OrderPanelView', () => {
  it('asks to connect when Shopline is not configured', () => {
    const html = render({ ...status, configured: false, state: 'not_configured', handle: null }, { kind: 'loading' });
    expect(html).toContain('data-testid="order-panel"');
    expect(html).toContain('Shopline is not connected');
    expect(html).not.toContain('order-card');
  });

  it('shows the rate-limit wait with its end time', () => {
    const html = render({ ...status, state: 'waiting', waitingUntil: Date.UTC(2026, 0, 20, 14, 3, 12) }, { kind: 'loading' });
    expect(html).toContain('data-testid="order-panel-waiting"');
    expect(html).toMatch(/Waiting \(rate limited\) until \d{1,2}:03:12/);
  });

  it('shows a rejected token plainly, and no stale orders beside it', () => {
    const rejected = 'Shopline rejected the token: reconnect in Settings.';
    const html = render({ ...status, state: 'error', error: rejected, errorKind: 'unauthorized' }, ready);
    expect(html).toContain(rejected);
    expect(html).not.toContain('data-testid="order-card"');
  });

  it('shows an unreadable answer as an error, never half of it', () => {
    const data = panelDataFrom({ ok: true, value: { ...orders, linked: [{ id: '1', number: '#1041' }] } });
    expect(data.kind).toBe('error');
    const html = render(status, data);
    expect(html).toContain('data-testid="order-panel-error"');
    expect(html).not.toContain('#1041');
    expect(panelDataFrom({ ok: false, error: { code: 'unavailable', message: 'Cannot reach Shopline: timeout' } })).toEqual({
      kind: 'error',
      message: 'Cannot reach Shopline: timeout',
    });
  });

  it('shows linked, mentioned and customer orders with their details and actions', () => {
    expect(panelDataFrom({ ok: true, value: orders })).toMatchObject({ kind: 'ready', nextPageInfo: 'cursor' });
    const html = render({ ...status, demo: true }, ready);
    expect(html).toContain('Demo store');
    for (const number of ['#1041', '#1042', '#1003']) expect(html).toContain(`data-order-number="${number}"`);
    // Linked: unlink; mentioned and the customer's other orders: link.
    expect(html.match(/data-testid="order-unlink-button"/g)).toHaveLength(1);
    expect(html.match(/data-testid="order-link-button"/g)).toHaveLength(2);
    expect(html).toContain('href="https://www.ups.com/track?tracknum=1Z999"');
    expect(html).toContain('Trailhead Rain Jacket');
    expect(html).toContain('Damaged on arrival');
    expect(html).toContain('$148.00');
    expect(html).toContain('data-testid="order-more"');
    expect(html).toContain('vip');
  });
});
