// The real client against the fake Shopline on loopback (and, for wire details the fake cannot
// show, a recording fetch). Time is virtual: throttle and backoff sleeps return at once.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoStore, demoRegularCustomerEmail } from './demo-store';
import { startFakeShopline } from './fake-shopline';
import type { FakeShopline, FakeShoplineOptions } from './fake-shopline';
import { createManualClock } from './manual.clock';
import { createShoplineClient } from './shopline.client';
import type { ShoplineClientOptions } from './shopline.client';
import { ShoplineError } from './shopline.error';
import type { ShoplineRateState } from './shopline.types';

const token = 'shpat_test';
const store = createDemoStore();
const maya = store.customers.find((c) => c.email === demoRegularCustomerEmail);
const mayaOrders = store.orders
  .filter((o) => o.customer?.id === maya?.id)
  .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
const byStatus = (s: string) => store.orders.find((o) => o.fulfillment_status === s && o.status === 'open');

let fake: FakeShopline | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setup(options: { fake?: Partial<FakeShoplineOptions>; client?: Partial<ShoplineClientOptions> } = {}) {
  const clock = createManualClock(Date.UTC(2026, 0, 15, 12));
  // The fake's bucket runs on the same virtual clock: a client that throttles right never trips it.
  fake = await startFakeShopline({ token, store, clock: clock.now, ...options.fake });
  const client = createShoplineClient({
    ...fake.clientOptions,
    clock: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...options.client,
  });
  const states: ShoplineRateState[] = [];
  client.onStateChanged((s) => states.push(s));
  return { fake, client, clock, states };
}

async function failure(promise: Promise<unknown>): Promise<ShoplineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ShoplineError)) throw new Error(`expected a ShoplineError, got ${String(error)}`);
  return error;
}

describe('orders', () => {
  it('finds an order by number in any state, always sending status=any and fulfillment_status', async () => {
    const { client, fake } = await setup();
    const shipped = byStatus('shipped');
    const digits = String(shipped?.name).replace('#', '');
    const [withHash] = await client.findOrdersByNumber(`#${digits}`);
    const [plain] = await client.findOrdersByNumber(` ${digits} `);
    expect(withHash?.id).toBe(shipped?.id);
    expect(plain?.id).toBe(shipped?.id);
    expect(withHash?.trackingNumbers).toHaveLength(1);
    for (const r of fake.requests) {
      expect(r.query['status']).toBe('any');
      expect(['unshipped', 'shipped', 'partial']).toContain(r.query['fulfillment_status']);
    }
    // Unshipped first, then shipped, where it is found: no third request.
    expect(fake.requests.slice(0, 2).map((r) => [r.query['name'], r.query['fulfillment_status']])).toEqual([
      [digits, 'unshipped'],
      [digits, 'shipped'],
    ]);
  });

  it('finds unshipped, partly shipped and cancelled orders too', async () => {
    const { client } = await setup();
    for (const wanted of [byStatus('unshipped'), byStatus('partial'), store.orders.find((o) => o.status === 'cancelled')]) {
      const found = await client.findOrdersByNumber(String(wanted?.name));
      expect(found.map((o) => o.id)).toEqual([wanted?.id]);
    }
  });

  it('returns nothing for an unknown number after asking once per fulfilment status', async () => {
    const { client, fake } = await setup();
    expect(await client.findOrdersByNumber('#9999')).toEqual([]);
    expect(fake.requests.map((r) => r.query['fulfillment_status'])).toEqual(['unshipped', 'shipped', 'partial']);
    expect(await client.findOrdersByNumber('  #  ')).toEqual([]);
    expect(fake.requests).toHaveLength(3);
  });

  it('gets one order by id, or null', async () => {
    const { client, fake } = await setup();
    const partial = byStatus('partial');
    const order = await client.getOrder(String(partial?.id));
    expect([order?.number, order?.fulfillmentStatus]).toEqual([partial?.name, 'partial']);
    expect(fake.requests.every((r) => r.query['ids'] === partial?.id)).toBe(true);
    expect(await client.getOrder('21000000000000000000000000')).toBeNull();
  });

  it('gets fulfilments and refunds of an order', async () => {
    const { client } = await setup();
    const refunded = store.orders.find((o) => o.financial_status === 'partially_refunded');
    const [fulfillment] = await client.getFulfillments(String(refunded?.id));
    const [refund] = await client.getRefunds(String(refunded?.id));
    expect(fulfillment?.trackingNumbers).toEqual([refunded?.fulfillments?.[0]?.tracking_number]);
    expect(fulfillment?.status).toBe('success');
    expect(refund?.amount).toMatch(/^\d+\.\d{2}$/);
    expect(refund?.note).toBe('Damaged on arrival');
    expect((await failure(client.getRefunds('nope'))).kind).toBe('not_found');
  });
});

describe('customers', () => {
  it('finds a customer by phone as typed in Telegram, and by email in any case', async () => {
    const { client, fake } = await setup();
    const byPhone = await client.findCustomers('+1 (415) 555-0142');
    const byEmail = await client.findCustomers(' Maya.Chen@Example.com ');
    expect(byPhone.map((c) => c.id)).toEqual([maya?.id]);
    expect(byEmail.map((c) => [c.name, c.email, c.phone, c.ordersCount])).toEqual([
      ['Maya Chen', 'maya.chen@example.com', '+14155550142', 7],
    ]);
    expect(fake.requests.map((r) => r.query['query_param'])).toEqual(['14155550142', 'maya.chen@example.com']);
  });

  it('does not ask Shopline for an empty search and refuses one over 50 characters', async () => {
    const { client, fake } = await setup();
    expect(await client.findCustomers('   ')).toEqual([]);
    expect((await failure(client.findCustomers(`${'x'.repeat(45)}@example.com`))).kind).toBe('bad_request');
    expect(fake.requests).toHaveLength(0);
  });

  it('gets one customer by id, or null', async () => {
    const { client } = await setup();
    expect((await client.getCustomer(String(maya?.id)))?.email).toBe(demoRegularCustomerEmail);
    expect(await client.getCustomer('4201099999')).toBeNull();
  });

  it('walks a customer\'s orders across three pages by the link header', async () => {
    const { client, fake } = await setup();
    const pages = [];
    let pageInfo: string | null = null;
    do {
      const page = await client.listCustomerOrders(String(maya?.id), { pageInfo, limit: 3 });
      pages.push(page.items.map((o) => o.id));
      pageInfo = page.nextPageInfo;
    } while (pageInfo);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(mayaOrders.map((o) => o.id));
    expect(fake.requests.map((r) => [r.query['status'], r.query['limit'], Boolean(r.query['page_info'])])).toEqual([
      ['any', '3', false],
      ['any', '3', true],
      ['any', '3', true],
    ]);
  });
});

describe('rate limits', () => {
  it('keeps to 4 requests a second, so a burst of lookups never meets a 429', async () => {
    const { client, fake, clock } = await setup({ fake: { bucket: { capacity: 4, leakPerSec: 4 } } });
    const start = clock.now();
    await Promise.all(Array.from({ length: 12 }, () => client.getCustomer(String(maya?.id))));
    expect(fake.requests.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(clock.now() - start).toBe(11 * 250);
  });

  it('spaces requests 250 ms apart on the wire', async () => {
    const clock = createManualClock(0);
    const sentAt: number[] = [];
    const client = createShoplineClient({
      handle: 'demo',
      accessToken: token,
      clock: clock.now,
      sleep: clock.sleep,
      fetch: async () => {
        sentAt.push(clock.now());
        return Response.json({ customers: [] });
      },
    });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((q) => client.findCustomers(q)));
    expect(sentAt).toEqual([0, 250, 500, 750, 1000]);
  });

  it('retries a 429 with growing, jittered backoff, reporting that it waits', async () => {
    const { client, fake, clock, states } = await setup();
    fake.force429(2);
    const t0 = clock.now();
    const customer = await client.getCustomer(String(maya?.id));
    expect(customer?.id).toBe(maya?.id);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    // random() = 0.5: 1000 ms step → 750 ms, then 2000 ms step → 1500 ms.
    expect(states).toEqual([
      { state: 'waiting', until: t0 + 750 },
      { state: 'ok' },
      { state: 'waiting', until: t0 + 750 + 1500 },
      { state: 'ok' },
    ]);
    expect(client.rateState).toEqual({ state: 'ok' });
    expect(clock.now() - t0).toBe(2250);
  });

  it('honours Retry-After when Shopline sends one', async () => {
    const { client, fake, clock, states } = await setup();
    fake.force429(1, { retryAfterSec: 7 });
    const t0 = clock.now();
    await client.findCustomers('maya');
    expect(states[0]).toEqual({ state: 'waiting', until: t0 + 7000 });
    expect(clock.now() - t0).toBe(7000);
  });

  it('holds the other requests of the store while one waits out a 429', async () => {
    const clock = createManualClock(0);
    const sentAt: number[] = [];
    const client = createShoplineClient({
      handle: 'demo',
      accessToken: token,
      clock: clock.now,
      sleep: clock.sleep,
      fetch: async () => {
        sentAt.push(clock.now());
        return sentAt.length === 1
          ? Response.json({ errors: 'Too many request' }, { status: 429, headers: { 'Retry-After': '5' } })
          : Response.json({ customers: [] });
      },
    });
    await Promise.all([client.findCustomers('a'), client.findCustomers('b')]);
    // Without the store-wide pause the second request would go at 250 ms, into the same wall.
    expect(sentAt).toEqual([0, 5000, 5250]);
  });

  it('gives up after a bounded number of tries with a rate_limited error', async () => {
    const { client, fake, states } = await setup({ client: { backoff: { maxAttempts: 4 } } });
    fake.force429('always');
    const error = await failure(client.findCustomers('maya'));
    expect([error.kind, error.status]).toEqual(['rate_limited', 429]);
    expect(error.message).toContain('Too many request');
    expect(error.traceId).toMatch(/^fake-/);
    expect(fake.requests).toHaveLength(4);
    expect(states.at(-1)).toEqual({ state: 'ok' });
  });

  it('lets a listener unsubscribe, and survives a listener that throws', async () => {
    const { client, fake } = await setup();
    const seen: ShoplineRateState[] = [];
    const stop = client.onStateChanged((s) => seen.push(s));
    client.onStateChanged(() => {
      throw new Error('broken UI');
    });
    fake.force429(1);
    await client.findCustomers('maya');
    stop();
    fake.force429(1);
    await client.findCustomers('maya');
    expect(seen).toHaveLength(2);
  });
});

describe('failures', () => {
  it('reports a revoked token as unauthorized, with the traceId, without retrying', async () => {
    const { client, fake } = await setup();
    fake.revokeToken();
    const error = await failure(client.getOrder('1'));
    expect([error.kind, error.status]).toEqual(['unauthorized', 401]);
    expect(error.traceId).toMatch(/^fake-/);
    expect(error.message).toContain('Invalid API key or access token');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a missing scope as forbidden and a frozen store as store_frozen', async () => {
    const { client, fake } = await setup({ fake: { scopes: ['read_customers'] } });
    const forbidden = await failure(client.findOrdersByNumber('1001'));
    expect([forbidden.kind, forbidden.status]).toEqual(['forbidden', 403]);
    expect(forbidden.message).toContain('read_orders');
    fake.freezeStore();
    expect((await failure(client.findCustomers('maya'))).kind).toBe('store_frozen');
  });

  it('rejects an answer that is not JSON, or JSON of the wrong shape, as malformed', async () => {
    const { client, fake } = await setup();
    fake.corruptNext('not_json');
    const notJson = await failure(client.findCustomers('maya'));
    expect([notJson.kind, notJson.status]).toEqual(['malformed', 200]);
    fake.corruptNext('wrong_shape');
    const shape = await failure(client.findCustomers('example.com'));
    expect(shape.kind).toBe('malformed');
    expect(shape.message).toContain('customers.0.id');
    fake.corruptNext('wrong_shape');
    expect((await failure(client.listCustomerOrders(String(maya?.id), { limit: 3 }))).kind).toBe('malformed');
    fake.corruptNext('wrong_shape');
    expect((await failure(client.getCustomer(String(maya?.id)))).kind).toBe('malformed');
    // The next, healthy answer goes through again.
    expect(await client.findCustomers('maya')).toHaveLength(1);
  });

  it('reports an unreachable store as a network error', async () => {
    const port = await freePort();
    const client = createShoplineClient({ handle: 'demo', accessToken: token, baseUrl: `http://127.0.0.1:${port}` });
    const error = await failure(client.getCustomer('1'));
    expect([error.kind, error.status]).toEqual(['network', null]);
  });

  it('reads server and request errors whatever the shape of `errors`', async () => {
    const answers = [
      new Response(JSON.stringify({ errors: ['upstream timeout'] }), { status: 503, headers: { traceId: 'tr-503' } }),
      new Response(JSON.stringify({ errors: { limit: ['must be between 1 and 250'] } }), { status: 400 }),
      new Response('', { status: 500 }),
    ];
    const client = createShoplineClient({ handle: 'demo', accessToken: token, fetch: async () => answers.shift() ?? Response.error() });
    const server = await failure(client.findCustomers('a'));
    expect([server.kind, server.status, server.message, server.traceId]).toEqual(['server', 503, 'upstream timeout', 'tr-503']);
    const bad = await failure(client.findCustomers('a'));
    expect([bad.kind, bad.message]).toEqual(['bad_request', 'limit: must be between 1 and 250']);
    expect((await failure(client.findCustomers('a'))).message).toBe('HTTP 500');
  });
});

describe('wire details', () => {
  it('calls https://{handle}.myshopline.com/admin/openapi/{version}/ with the token and JSON headers', async () => {
    const calls: { url: string; headers: Headers }[] = [];
    const client = createShoplineClient({
      handle: 'My-Store',
      accessToken: 'tok',
      fetch: async (input, init) => {
        calls.push({ url: String(input), headers: new Headers(init?.headers) });
        return Response.json({ customer: { id: '7', first_name: 'Ann' } });
      },
    });
    expect(client.store).toBe('my-store');
    await client.getCustomer('7/../x');
    expect(calls[0]?.url).toBe('https://my-store.myshopline.com/admin/openapi/v20251201/customers/v2/7%2F..%2Fx.json');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(calls[0]?.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('takes the API version as a setting and refuses nonsense handles and versions', async () => {
    const urls: string[] = [];
    const client = createShoplineClient({
      handle: 'shop',
      accessToken: 't',
      apiVersion: 'v20260301',
      fetch: async (input) => {
        urls.push(String(input));
        return Response.json({ refunds: [] });
      },
    });
    await client.getRefunds('1');
    expect(urls[0]).toContain('/admin/openapi/v20260301/orders/1/refunds.json');
    expect(() => createShoplineClient({ handle: 'evil.com/x', accessToken: 't' })).toThrow(RangeError);
    expect(() => createShoplineClient({ handle: 'shop', accessToken: 't', apiVersion: '2025-12' })).toThrow(RangeError);
  });
});

describe('testConnection', () => {
  it('reports a working token with both read scopes, and never probes write_orders', async () => {
    const { client, fake } = await setup();
    expect(await client.testConnection()).toEqual({
      ok: true,
      problem: null,
      scopes: { read_orders: 'granted', read_customers: 'granted', write_orders: 'not_checked' },
    });
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', 'orders.json'],
      ['GET', 'customers/v2/search.json'],
    ]);
  });

  it('names a missing scope', async () => {
    const { client } = await setup({ fake: { scopes: ['read_orders', 'write_orders'] } });
    const report = await client.testConnection();
    expect(report.ok).toBe(false);
    expect(report.scopes).toEqual({ read_orders: 'granted', read_customers: 'missing', write_orders: 'not_checked' });
    expect(report.problem).toMatchObject({ kind: 'forbidden', message: 'the token lacks read_customers' });
  });

  it('reports a bad token, a frozen store or no network as the problem, scopes unknown', async () => {
    const { client, fake } = await setup();
    fake.revokeToken();
    const revoked = await client.testConnection();
    expect(revoked).toMatchObject({ ok: false, problem: { kind: 'unauthorized', status: 401 } });
    expect(revoked.scopes).toEqual({ read_orders: 'unknown', read_customers: 'unknown', write_orders: 'not_checked' });

    const port = await freePort();
    const offline = createShoplineClient({ handle: 'demo', accessToken: token, baseUrl: `http://127.0.0.1:${port}` });
    expect(await offline.testConnection()).toMatchObject({ ok: false, problem: { kind: 'network', status: null } });
  });
});

/** A loopback port with nothing listening on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
