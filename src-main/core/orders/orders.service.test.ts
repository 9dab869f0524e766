// The orders service and Shopline connection on a real core (memory database) against the fake
// Shopline on loopback: ticket lookups, linking, remembering the customer, failures said plainly,
// rate-limit waits in the status, and the token kept out of the database.
import { randomUUID } from 'node:crypto';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CommandError, type Message, type Ticket } from '../../../src-preload/contract';
import { shoplineCommands, type OrdersPage, type ShoplineStatus } from '../../../src-preload/contract/shopline.contract';
import type { Collections, TopicdeskDatabase } from '../db/database';
import { LocalState } from '../db/local-state';
import { localStateSchema } from '../db/schemas/local-state.schema';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { MemorySecretStore } from '../secrets/secret.store';
import { createDemoStore } from '../shopline/demo-store';
import { startFakeShopline, type FakeShopline } from '../shopline/fake-shopline';
import { createManualClock, type ManualClock } from '../shopline/manual.clock';
import { startCore, type Core } from '../start-core';
import { newTicket, unknownCustomer } from '../tickets/ticket.factory';
import { SHOPLINE_TOKEN_SECRET, shoplineSettingsKey } from './shopline.connection';
import { startShopline, type ShoplineSetup } from './orders.setup';

const token = 'shpat_0123456789abcdef-secret';
const store = createDemoStore();
const order1042 = store.orders.find((o) => o.name === '#1042');
const maya = store.customers.find((c) => c.first_name === 'Maya');
const tom = store.customers.find((c) => c.first_name === 'Tom');

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Commands = typeof shoplineCommands;

interface Harness {
  core: Core;
  /** This device's LocalState for the connection (see `harness` for why it is a database of its own). */
  localDb: RxDatabase<Pick<Collections, 'localstate'>>;
  local: LocalState;
  /** Like the dispatcher: params parsed against the contract first, then the handler. */
  call<N extends keyof Commands>(name: N, params: z.input<Commands[N]['params']>): Promise<z.output<Commands[N]['result']>>;
  fake: FakeShopline;
  clock: ManualClock;
  secrets: MemorySecretStore;
  shopline: ShoplineSetup;
}

async function harness(options: { connect?: boolean } = {}): Promise<Harness> {
  const clock = createManualClock(TEST_NOW);
  const core = await startCore({ workspace: 'test', storage: { kind: 'memory' }, validate: true, clock: clock.now, log: () => {} });
  cleanup.push(() => core.dispose());
  const fake = await startFakeShopline({ token, store, clock: clock.now });
  cleanup.push(() => fake.close());
  // Tickets and messages are written with schema validation on. LocalState is not: its schema's
  // `value` (a union of JSON types) fails ajv's strict mode, so no validated core can write it.
  // Only the one collection: open-source RxDB allows 16 collections at once in a process.
  const localDb = await createRxDatabase<Pick<Collections, 'localstate'>>({
    name: `orders-test-local-${randomUUID()}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await localDb.addCollections({ localstate: { schema: localStateSchema } });
  cleanup.push(async () => void (await localDb.close()));
  // LocalState reads nothing but `db.localstate`.
  const local = new LocalState(localDb as unknown as TopicdeskDatabase, clock.now);
  const secrets = new MemorySecretStore();
  const shopline = await startShopline({
    db: core.db,
    local,
    secrets,
    clock: clock.now,
    client: { baseUrl: fake.url, sleep: clock.sleep, random: () => 0.5 },
  });
  cleanup.push(() => shopline.dispose());
  const call: Harness['call'] = (name, params) => {
    const handler = shopline.commands[name] as (p: unknown) => Promise<never>;
    return handler(shoplineCommands[name].params.parse(params));
  };
  if (options.connect !== false) await call('shopline.connect', { handle: store.handle, accessToken: token });
  return { core, localDb, local, call, fake, clock, secrets, shopline };
}

/** Tickets are created "now" by the test clock, so SLA automation sees a fresh ticket, not one years overdue. */
const TEST_NOW = Date.UTC(2026, 0, 20, 9);

async function addTicket(core: Core, fields: Partial<Ticket> & { id: string }, customerTexts: string[] = []): Promise<void> {
  await core.db.tickets.insert(newTicket({ subject: 'Help', createdAt: TEST_NOW, ...fields }));
  const messages: Message[] = customerTexts.map((text, i) => ({
    id: `tg:1:${fields.id}:${i}`,
    ticketId: fields.id,
    kind: 'customer',
    authorId: 'u1',
    authorName: 'Customer',
    text,
    entities: [],
    media: null,
    sentAt: TEST_NOW + 1_000 + i,
    editedAt: null,
    deleted: false,
    delivery: null,
    createdAt: TEST_NOW + 1_000 + i,
  }));
  if (messages.length) await core.db.messages.bulkInsert(messages.map(toMessageDoc));
}

async function failure(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

describe('ticket orders', () => {
  it('finds the order a customer message mentions (#1042), with shipments, and calls it the current order', async () => {
    const { core, call } = await harness();
    await addTicket(core, { id: 't1', subject: 'Parcel?' }, ['Hello', 'Where is my order #1042? It is late']);

    const result = await call('shopline.ticketOrders', { ticketId: 't1', refresh: false });

    expect(result.linked).toEqual([]);
    expect(result.detected.map((o) => o.number)).toEqual(['#1042']);
    const order = result.detected[0];
    expect(order).toMatchObject({ id: order1042?.id, total: '148.00', currency: 'USD', detail: 'full', customerStatus: 'delivered' });
    expect(order?.shipments).toHaveLength(1);
    expect(order?.tracking.urls[0]).toMatch(/^https:\/\//);
    expect(result.currentOrderId).toBe(order1042?.id);
    // The order's customer is shown, but a typed order number is no proof of identity: not remembered.
    expect(result.customer).toMatchObject({ id: maya?.id, matchedBy: 'detected_order', tier: 'vip' });
    expect((await core.db.tickets.findOne('t1').exec())?.customer.shoplineCustomerId).toBeNull();
  });

  it('links and unlinks an order: orderRefs persist with their field time, and the panel moves it to linked', async () => {
    const { core, call, clock } = await harness();
    await addTicket(core, { id: 't2' }, ['order #1042 please']);
    const id = String(order1042?.id);

    clock.advance(5_000);
    const linked = await call('shopline.linkOrder', { ticketId: 't2', orderId: id });
    expect(linked.orderRefs).toEqual([id]);
    const doc = (await core.db.tickets.findOne('t2').exec())?.toMutableJSON();
    expect(doc?.orderRefs).toEqual([id]);
    expect(doc?.fieldTimes.orderRefs).toBe(clock.now());

    const again = await call('shopline.linkOrder', { ticketId: 't2', orderId: id });
    expect(again.orderRefs).toEqual([id]);

    const view = await call('shopline.ticketOrders', { ticketId: 't2', refresh: false });
    expect(view.linked.map((o) => o.number)).toEqual(['#1042']);
    expect(view.detected).toEqual([]);
    // A linked order is the agent's say-so: its customer is remembered on the ticket.
    expect(view.customer).toMatchObject({ id: maya?.id, matchedBy: 'linked_order' });
    expect((await core.db.tickets.findOne('t2').exec())?.customer).toMatchObject({ shoplineCustomerId: maya?.id, tier: 'vip' });

    await call('shopline.unlinkOrder', { ticketId: 't2', orderId: id });
    expect((await core.db.tickets.findOne('t2').exec())?.orderRefs).toEqual([]);
  });

  it('refuses to link an order the store does not have, or to a missing ticket', async () => {
    const { core, call } = await harness();
    await addTicket(core, { id: 't3' });
    expect((await failure(call('shopline.linkOrder', { ticketId: 't3', orderId: '999' }))).code).toBe('not_found');
    expect((await failure(call('shopline.linkOrder', { ticketId: 'nope', orderId: '1' }))).code).toBe('not_found');
    expect((await core.db.tickets.findOne('t3').exec())?.orderRefs).toEqual([]);
  });

  it('finds the customer by phone, remembers the link on the ticket, and uses it next time', async () => {
    const { core, call, fake } = await harness();
    await addTicket(core, { id: 't4', customer: { ...unknownCustomer('Tom'), phone: '+49 1555 0112233' } });

    const first = await call('shopline.ticketOrders', { ticketId: 't4', refresh: false });
    expect(first.customer).toMatchObject({ id: tom?.id, matchedBy: 'phone', tier: 'standard' });
    expect(first.customerOrders.items.length).toBeGreaterThan(0);
    expect(first.customerOrders.items.every((o) => o.customer?.id === tom?.id)).toBe(true);
    const saved = (await core.db.tickets.findOne('t4').exec())?.toMutableJSON();
    expect(saved?.customer.shoplineCustomerId).toBe(tom?.id);
    expect(saved?.fieldTimes.customer).toBeGreaterThan(0);

    const searches = fake.requests.filter((r) => r.path === 'customers/v2/search.json').length;
    const second = await call('shopline.ticketOrders', { ticketId: 't4', refresh: true });
    expect(second.customer).toMatchObject({ id: tom?.id, matchedBy: 'link' });
    expect(fake.requests.filter((r) => r.path === 'customers/v2/search.json').length).toBe(searches);
  });

  it('answers from the cache until asked to refresh', async () => {
    const { core, call, fake } = await harness();
    await addTicket(core, { id: 't5' }, ['#1042']);
    await call('shopline.ticketOrders', { ticketId: 't5', refresh: false });
    const count = fake.requests.length;
    await call('shopline.ticketOrders', { ticketId: 't5', refresh: false });
    expect(fake.requests.length).toBe(count);
    await call('shopline.ticketOrders', { ticketId: 't5', refresh: true });
    expect(fake.requests.length).toBeGreaterThan(count);
  });

  it('pages through a customer’s orders, newest first, to the end', async () => {
    const { call } = await harness();
    const seen: string[] = [];
    let pageInfo: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page: OrdersPage = await call('shopline.customerOrders', { customerId: String(maya?.id), pageInfo, limit: 3, refresh: false });
      seen.push(...page.items.map((o) => o.number));
      pageInfo = page.nextPageInfo;
      if (!pageInfo) break;
    }
    expect(pageInfo).toBeNull();
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const mayaNumbers = store.orders.filter((o) => o.customer?.id === maya?.id).map((o) => o.name);
    expect([...seen].sort()).toEqual([...mayaNumbers].sort());
  });

  it('finds orders by number, and a customer’s orders by email', async () => {
    const { call } = await harness();
    const byNumber = await call('shopline.findOrders', { query: '1042' });
    expect(byNumber.orders.map((o) => o.number)).toEqual(['#1042']);
    const byEmail = await call('shopline.findOrders', { query: 'Maya.Chen@example.com' });
    expect(byEmail.customers.map((c) => c.id)).toEqual([maya?.id]);
    expect(byEmail.orders.length).toBe(7);
  });

  it('gives routing the current order’s value and the customer tier, and null without an order', async () => {
    const { core, shopline } = await harness();
    await addTicket(core, { id: 't6' }, ['#1042']);
    await addTicket(core, { id: 't7' });
    const t6 = (await core.db.tickets.findOne('t6').exec())?.toMutableJSON() as Ticket;
    const t7 = (await core.db.tickets.findOne('t7').exec())?.toMutableJSON() as Ticket;
    expect(await shopline.orders.orderContextFor(t6)).toEqual({ orderValue: 148, tier: 'vip' });
    expect(await shopline.orders.orderContextFor(t7)).toEqual({ orderValue: null, tier: 'standard' });
    expect((await shopline.orders.currentOrder('t6'))?.number).toBe('#1042');
  });
});

describe('failures', () => {
  it('says plainly that a revoked token was rejected, in the command and in shopline.status', async () => {
    const { core, call, shopline, fake } = await harness();
    await addTicket(core, { id: 't8' }, ['#1042']);
    fake.revokeToken();
    const error = await failure(call('shopline.ticketOrders', { ticketId: 't8', refresh: true }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('Shopline rejected the token: reconnect in Settings.');
    expect(shopline.connection.status).toMatchObject({
      state: 'error',
      errorKind: 'unauthorized',
      error: 'Shopline rejected the token: reconnect in Settings.',
    });
  });

  it('shows the wait of a 429 in shopline.status, then goes back to ok', async () => {
    const { core, call, shopline, fake, clock } = await harness();
    await addTicket(core, { id: 't9' }, ['#1042']);
    const states: (ShoplineStatus & { at: number })[] = [];
    const subscription = shopline.liveQueries['shopline.status']({}).subscribe((s) => states.push({ ...s, at: clock.now() }));
    fake.force429(1);

    const result = await call('shopline.ticketOrders', { ticketId: 't9', refresh: true });

    subscription.unsubscribe();
    expect(result.detected).toHaveLength(1);
    const waiting = states.find((s) => s.state === 'waiting');
    // Equal-jitter backoff with random() = 0.5: 750 ms after the first 429.
    expect(waiting?.waitingUntil).toBe((waiting?.at ?? 0) + 750);
    expect(states.at(-1)).toMatchObject({ state: 'ok', waitingUntil: null });
  });

  it('shows a malformed answer as an error, never as a partial result', async () => {
    const { core, call, shopline, fake } = await harness();
    await addTicket(core, { id: 't10' }, ['#1042']);
    fake.corruptNext('wrong_shape');
    const error = await failure(call('shopline.ticketOrders', { ticketId: 't10', refresh: true }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Shopline sent an answer Topicdesk cannot read, so nothing is shown/);
    // A malformed answer says nothing about the token.
    expect(shopline.connection.status.state).toBe('ok');
  });

  it('asks to connect when no store is configured', async () => {
    const { core, call, shopline } = await harness({ connect: false });
    await addTicket(core, { id: 't11' });
    expect(shopline.connection.status).toMatchObject({ state: 'not_configured', configured: false });
    const error = await failure(call('shopline.ticketOrders', { ticketId: 't11', refresh: false }));
    expect(error).toMatchObject({ code: 'unavailable', message: 'Shopline is not connected: connect a store in Settings.' });
  });
});

describe('connection', () => {
  it('keeps the token only in the secret store: never in localstate, tickets, messages or events', async () => {
    const { core, localDb, call, shopline, secrets } = await harness();
    await addTicket(core, { id: 't12', customer: { ...unknownCustomer('Maya'), phone: '+14155550142' } }, ['#1042']);
    await call('shopline.ticketOrders', { ticketId: 't12', refresh: false });
    await call('shopline.test', {});
    await call('shopline.setOptions', { allowWriteNotes: true });

    expect(await secrets.get(SHOPLINE_TOKEN_SECRET)).toBe(token);
    const settings = await localDb.localstate.findOne(shoplineSettingsKey).exec();
    expect(JSON.parse(settings?.json ?? 'null')).toMatchObject({ handle: store.handle, apiVersion: 'v20251201' });
    for (const collection of [localDb.localstate, core.db.tickets, core.db.messages, core.db.events]) {
      const docs = await collection.find().exec();
      expect(JSON.stringify(docs.map((d) => d.toJSON()))).not.toContain(token);
    }
    expect(JSON.stringify(shopline.connection.status)).not.toContain(token);
  });

  it('does not store a rejected token, and says why', async () => {
    const { localDb, call, shopline, secrets } = await harness({ connect: false });
    const error = await failure(call('shopline.connect', { handle: store.handle, accessToken: 'shpat_wrong_token' }));
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Shopline rejected the token: reconnect in Settings.' });
    expect(await secrets.get(SHOPLINE_TOKEN_SECRET)).toBeNull();
    expect(await localDb.localstate.findOne(shoplineSettingsKey).exec()).toBeNull();
    expect(shopline.connection.status.configured).toBe(false);
  });

  it('refuses a token that cannot read customers, naming the missing scope', async () => {
    const { call, fake, secrets } = await harness({ connect: false });
    fake.setScopes(['read_orders']);
    const report = await call('shopline.test', { candidate: { handle: store.handle, accessToken: token } });
    expect(report).toMatchObject({ ok: false, scopes: { read_orders: 'granted', read_customers: 'missing', write_orders: 'not_checked' } });
    const error = await failure(call('shopline.connect', { handle: store.handle, accessToken: token }));
    expect(error.message).toContain('read_customers');
    expect(await secrets.get(SHOPLINE_TOKEN_SECRET)).toBeNull();
  });

  it('reports what a good token may do, saves scopes, and restores the connection at the next start', async () => {
    const { core, localDb, local, call, shopline, fake, clock, secrets } = await harness({ connect: false });
    const status = await call('shopline.connect', { handle: `https://${store.handle}.myshopline.com/admin`, accessToken: token });
    expect(status).toMatchObject({
      configured: true,
      state: 'ok',
      handle: store.handle,
      scopes: { read_orders: 'granted', read_customers: 'granted' },
    });
    const report = await call('shopline.test', {});
    expect(report.ok).toBe(true);
    expect(report.summary).toContain('read orders and customers');

    const restarted = await startShopline({
      db: core.db,
      local,
      secrets,
      clock: clock.now,
      client: { baseUrl: fake.url, sleep: clock.sleep },
    });
    cleanup.push(() => restarted.dispose());
    expect(restarted.connection.status).toMatchObject({ configured: true, handle: store.handle, scopes: { read_customers: 'granted' } });

    // A secret store that lost the token (memory only, after a restart): say so, do not pretend.
    const forgetful = await startShopline({ db: core.db, local, secrets: new MemorySecretStore(), clock: clock.now });
    cleanup.push(() => forgetful.dispose());
    expect(forgetful.connection.status).toMatchObject({ configured: false, state: 'not_configured' });
    expect(forgetful.connection.status.error).toContain('connect again in Settings');

    await call('shopline.disconnect', {});
    expect(await secrets.get(SHOPLINE_TOKEN_SECRET)).toBeNull();
    expect(await localDb.localstate.findOne(shoplineSettingsKey).exec()).toBeNull();
    expect(shopline.connection.status.state).toBe('not_configured');
  });
});
