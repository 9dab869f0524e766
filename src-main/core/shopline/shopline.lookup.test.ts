// The lookup service against the fake store: TTL, refresh, in-flight joining, invalidation.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoStore, demoRegularCustomerEmail } from './demo-store';
import { startFakeShopline } from './fake-shopline';
import type { FakeShopline } from './fake-shopline';
import { createManualClock } from './manual.clock';
import { createShoplineClient } from './shopline.client';
import { ShoplineError } from './shopline.error';
import { ShoplineLookupService } from './shopline.lookup';

const token = 'shpat_test';
const store = createDemoStore();
const maya = store.customers.find((c) => c.email === demoRegularCustomerEmail);
const shipped = store.orders.find((o) => o.fulfillment_status === 'shipped' && (o.refunds ?? []).length > 0);

let fake: FakeShopline | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setup() {
  const clock = createManualClock(Date.UTC(2026, 0, 15, 12));
  fake = await startFakeShopline({ token, store, clock: clock.now });
  const client = createShoplineClient({ ...fake.clientOptions, clock: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const lookup = new ShoplineLookupService(client, { ttlMs: 60_000, now: clock.now });
  lookup.start();
  return { fake, lookup, clock };
}

describe('ShoplineLookupService', () => {
  it('answers a repeated lookup from the cache for 60 s, then asks again', async () => {
    const { lookup, fake, clock } = await setup();
    const first = await lookup.getCustomer(String(maya?.id));
    clock.advance(59_000);
    expect(await lookup.getCustomer(String(maya?.id))).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    clock.advance(1_000);
    await lookup.getCustomer(String(maya?.id));
    expect(fake.requests).toHaveLength(2);
  });

  it('bypasses the cache on refresh, and the refreshed answer is cached', async () => {
    const { lookup, fake } = await setup();
    await lookup.findCustomers('maya');
    await lookup.findCustomers('maya', { refresh: true });
    expect(fake.requests).toHaveLength(2);
    await lookup.findCustomers(' MAYA ');
    expect(fake.requests).toHaveLength(2);
  });

  it('joins identical lookups already in flight', async () => {
    const { lookup, fake } = await setup();
    const [a, b] = await Promise.all([lookup.getCustomer(String(maya?.id)), lookup.getCustomer(String(maya?.id))]);
    expect(a).toBe(b);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not cache a failure', async () => {
    const { lookup, fake } = await setup();
    fake.freezeStore();
    await expect(lookup.getCustomer(String(maya?.id))).rejects.toBeInstanceOf(ShoplineError);
    fake.freezeStore(false);
    expect((await lookup.getCustomer(String(maya?.id)))?.id).toBe(maya?.id);
  });

  it('caches "not found" too, so a wrong id costs one lookup a minute', async () => {
    const { lookup, fake } = await setup();
    expect(await lookup.getCustomer('4201099999')).toBeNull();
    expect(await lookup.getCustomer('4201099999')).toBeNull();
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps orders found by number for getOrder, and keys numbers with or without #', async () => {
    const { lookup, fake } = await setup();
    const [order] = await lookup.findOrdersByNumber(String(shipped?.name));
    const asked = fake.requests.length;
    await lookup.findOrdersByNumber(String(shipped?.name).replace('#', ''));
    expect((await lookup.getOrder(String(order?.id)))?.id).toBe(shipped?.id);
    expect(fake.requests).toHaveLength(asked);
  });

  it('gathers the order panel: order, fulfilments and refunds; null for an unknown order', async () => {
    const { lookup } = await setup();
    const details = await lookup.getOrderDetails(String(shipped?.id));
    expect(details?.order.number).toBe(shipped?.name);
    expect(details?.fulfillments).toHaveLength(1);
    expect(details?.refunds.length).toBeGreaterThan(0);
    expect(await lookup.getOrderDetails('21000000000000000000000000')).toBeNull();
  });

  it('forgets an order when told it changed', async () => {
    const { lookup, fake } = await setup();
    await lookup.getOrderDetails(String(shipped?.id));
    const asked = fake.requests.length;
    lookup.invalidateOrder(String(shipped?.id));
    await lookup.getOrderDetails(String(shipped?.id));
    expect(fake.requests.length).toBeGreaterThan(asked);
  });

  it('caches each page of a customer\'s orders under its own cursor', async () => {
    const { lookup, fake } = await setup();
    const first = await lookup.listCustomerOrders(String(maya?.id), { limit: 3 });
    const second = await lookup.listCustomerOrders(String(maya?.id), { limit: 3, pageInfo: first.nextPageInfo });
    await lookup.listCustomerOrders(String(maya?.id), { limit: 3 });
    expect(second.items.map((o) => o.id)).not.toEqual(first.items.map((o) => o.id));
    expect(fake.requests).toHaveLength(2);
  });

  it('finds the orders a customer mentions, each once, in the order mentioned', async () => {
    const { lookup } = await setup();
    const [a, b] = [store.orders[40], store.orders[12]];
    const text = `Hi! Order ${String(a?.name).slice(1)} arrived but ${String(b?.name)} did not. Again: ${String(a?.name)}. Call +1 415 555 0142`;
    const orders = await lookup.ordersMentionedIn(text);
    expect(orders.map((o) => o.id)).toEqual([a?.id, b?.id]);
    expect(await lookup.ordersMentionedIn('no numbers here, just $1234 and 12:30')).toEqual([]);
  });

  it('passes the client\'s rate state through and empties on dispose', async () => {
    const { lookup, fake } = await setup();
    const states: string[] = [];
    lookup.onStateChanged((s) => states.push(s.state));
    fake.force429(1);
    await lookup.findCustomers('maya');
    expect(states).toEqual(['waiting', 'ok']);
    expect(lookup.rateState).toEqual({ state: 'ok' });
    expect(lookup.store).toBe(store.handle);
    lookup.dispose();
    await lookup.findCustomers('maya');
    expect(fake.requests).toHaveLength(3);
  });
});
