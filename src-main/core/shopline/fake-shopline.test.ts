// The fake must behave like Shopline where the client depends on it: these pin that down with
// plain fetch, so a client bug cannot hide a fake bug.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoStore } from './demo-store';
import { startFakeShopline } from './fake-shopline';
import type { FakeShopline, FakeShoplineOptions } from './fake-shopline';
import { createManualClock } from './manual.clock';

const token = 'shpat_test';
const store = createDemoStore();
let fake: FakeShopline | null = null;

async function start(options: Partial<FakeShoplineOptions> = {}): Promise<FakeShopline> {
  fake = await startFakeShopline({ token, store, bucket: false, ...options });
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function get(path: string, auth = `Bearer ${token}`) {
  if (!fake) throw new Error('no fake');
  const response = await fetch(`${fake.url}/admin/openapi/v20251201/${path}`, { headers: { Authorization: auth } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('fake Shopline', () => {
  it('listens on loopback and sends a traceId with every answer', async () => {
    const f = await start();
    expect(f.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const a = await get('orders.json?status=any');
    const b = await get('orders.json?status=any', 'Bearer wrong');
    expect(a.headers.get('traceId')).toMatch(/^fake-/);
    expect(b.headers.get('traceId')).not.toBe(a.headers.get('traceId'));
  });

  it('returns only unshipped orders when fulfillment_status is left out, as documented', async () => {
    await start();
    const { body } = await get('orders.json?status=any&limit=100');
    const orders = body['orders'] as { fulfillment_status: string }[];
    expect(orders.length).toBeGreaterThan(0);
    expect(new Set(orders.map((o) => o.fulfillment_status))).toEqual(new Set(['unshipped']));
  });

  it('refuses a fulfillment_status it does not know', async () => {
    await start();
    const { status, body } = await get('orders.json?status=any&fulfillment_status=any');
    expect([status, body]).toEqual([400, { errors: 'fulfillment status value is illegal' }]);
  });

  it('finds an order by name with or without #, in the right fulfilment status only', async () => {
    await start();
    const shipped = store.orders.find((o) => o.fulfillment_status === 'shipped');
    const name = String(shipped?.name).replace('#', '');
    const miss = await get(`orders.json?name=${name}&status=any&fulfillment_status=unshipped`);
    const hit = await get(`orders.json?name=${encodeURIComponent(`#${name}`)}&status=any&fulfillment_status=shipped`);
    expect(miss.body['orders']).toEqual([]);
    expect((hit.body['orders'] as { id: string }[]).map((o) => o.id)).toEqual([shipped?.id]);
  });

  it('paginates with a link header whose cursor carries the filters', async () => {
    await start();
    const first = await get('customers/v2/search.json?query_param=example.com&limit=5');
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/admin\/openapi\/v20251201\/customers\/v2\/search\.json\?limit=5&page_info=[\w-]+>; rel="next"$/);
    const next = new URL(/<([^>]+)>/.exec(link)?.[1] ?? '').search;
    const second = await get(`customers/v2/search.json${next}`);
    expect(second.headers.get('link')).toContain('rel="previous"');
    const ids = [...(first.body['customers'] as { id: string }[]), ...(second.body['customers'] as { id: string }[])];
    expect(new Set(ids.map((c) => c.id)).size).toBe(10);
  });

  it('checks the token, the scopes, the version and the store state', async () => {
    const f = await start({ scopes: ['read_orders'] });
    expect((await get('orders.json', 'Bearer nope')).status).toBe(401);
    expect((await get('orders.json', token)).status).toBe(401);
    const denied = await get('customers/v2/search.json?query_param=maya');
    expect(denied.status).toBe(403);
    expect(denied.body['errors']).toContain('read_customers');
    f.setScopes(['read_customers']);
    expect((await get('customers/v2/search.json?query_param=maya')).status).toBe(200);
    const res = await fetch(`${f.url}/admin/openapi/v20990101/orders.json`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    await res.text();
    f.freezeStore();
    expect((await get('customers/v2/search.json')).status).toBe(402);
    f.freezeStore(false);
    f.revokeToken();
    expect((await get('customers/v2/search.json')).status).toBe(401);
  });

  it('answers 429 once its bucket of 40 is full, and again after it has leaked', async () => {
    const clock = createManualClock(0);
    await start({ bucket: { capacity: 40, leakPerSec: 4 }, clock: clock.now });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await get('orders/count.json?status=any')).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await get('orders/count.json?status=any');
    expect([statuses[40], limited.status, limited.body]).toEqual([429, 429, { errors: 'Too many request' }]);
    clock.advance(250);
    expect((await get('orders/count.json?status=any')).status).toBe(200);
  });

  it('can be told to answer 429, with Retry-After, and logs every request', async () => {
    const f = await start();
    f.force429(1, { retryAfterSec: 2 });
    const limited = await fetch(`${f.url}/admin/openapi/v20251201/orders.json`, { headers: { Authorization: `Bearer ${token}` } });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    await limited.text();
    expect((await get('orders.json?status=any')).status).toBe(200);
    expect(f.requests.map((r) => [r.path, r.status])).toEqual([
      ['orders.json', 429],
      ['orders.json', 200],
    ]);
    expect(f.requests[1]?.query).toEqual({ status: 'any' });
  });

  it('serves a customer, their orders (as `list`, status required), fulfilments and refunds', async () => {
    await start();
    const maya = store.customers[0];
    const one = await get(`customers/v2/${maya?.id}.json`);
    expect((one.body['customer'] as { email: string }).email).toBe(maya?.email);
    expect((await get('customers/v2/0.json')).status).toBe(404);
    expect((await get(`customers/${maya?.id}/orders.json`)).status).toBe(400);
    const theirs = await get(`customers/${maya?.id}/orders.json?status=any&limit=100`);
    expect((theirs.body['list'] as unknown[]).length).toBe(7);
    const refunded = store.orders.find((o) => (o.refunds ?? []).length > 0);
    const refunds = await get(`orders/${refunded?.id}/refunds.json`);
    expect(refunds.body['refunds']).toEqual(refunded?.refunds);
    const fulfilments = await get(`orders/${refunded?.id}/fulfillments.json`);
    expect(fulfilments.body['fulfillments']).toEqual(refunded?.fulfillments);
    expect((await get('orders/nope/refunds.json')).status).toBe(404);
  });
});
