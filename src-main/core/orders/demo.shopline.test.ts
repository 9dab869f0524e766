// The demo workspace's store: a customer message naming #1042 shows that order, with nothing
// configured or stored, and the demo store cannot be swapped for another.
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../../src-preload/contract';
import { toMessageDoc } from '../db/schemas/messages.schema';
import { MemorySecretStore } from '../secrets/secret.store';
import { demoStoreHandle } from '../shopline/demo-store';
import { createManualClock } from '../shopline/manual.clock';
import { startCore, type Core } from '../start-core';
import { newTicket } from '../tickets/ticket.factory';
import { startDemoShopline } from './demo.shopline';
import { startShopline, type ShoplineSetup } from './orders.setup';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('demo Shopline', () => {
  it('serves the demo catalogue on loopback with ready-made client options', async () => {
    const demo = await startDemoShopline({ anchor: Date.UTC(2026, 0, 15, 12) });
    cleanup.push(() => demo.dispose());
    expect(demo.clientOptions.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.clientOptions.handle).toBe(demoStoreHandle);
    expect(demo.store.orders.some((o) => o.name === '#1042')).toBe(true);
  });

  it('shows the order a demo customer mentions, labelled demo, with nothing stored', async () => {
    // validate: false — this test writes no ticket; the demo connection writes no LocalState either.
    const core: Core = await startCore({ workspace: 'demo-test', storage: { kind: 'memory' }, log: () => {} });
    cleanup.push(() => core.dispose());
    const secrets = new MemorySecretStore();
    // A virtual clock for the client's throttle (4 requests a second), so the test does not wait it out.
    const clock = createManualClock(Date.UTC(2026, 0, 20));
    const shopline: ShoplineSetup = await startShopline({
      db: core.db,
      local: core.local,
      secrets,
      clock: clock.now,
      demo: true,
      client: { sleep: clock.sleep },
    });
    cleanup.push(() => shopline.dispose());

    await core.db.tickets.insert(newTicket({ id: 'tg:1:7', subject: 'Late parcel', createdAt: 1 }));
    await core.db.messages.insert(
      toMessageDoc({
        id: 'tg:1:70',
        ticketId: 'tg:1:7',
        kind: 'customer',
        authorId: '5',
        authorName: 'Maya',
        text: 'Hi! My order #1042 still has not arrived.',
        entities: [],
        media: null,
        sentAt: 2,
        editedAt: null,
        deleted: false,
        delivery: null,
        createdAt: 2,
      }),
    );

    expect(shopline.connection.status).toMatchObject({ demo: true, configured: true, state: 'ok', handle: demoStoreHandle, secretWarning: null });
    const orders = await shopline.commands['shopline.ticketOrders']({ ticketId: 'tg:1:7', refresh: false });
    expect(orders.detected.map((o) => o.number)).toEqual(['#1042']);
    expect(orders.currentOrderId).toBe(orders.detected[0]?.id);

    const refused = await shopline.commands['shopline.connect']({ handle: 'other', accessToken: 'shpat_other_token' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommandError);
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(await secrets.get('shopline.token')).toBeNull();
    expect(await core.db.localstate.find().exec()).toEqual([]);
  });
});
