// The demo workspace's Shopline store (`--demo`): the demo catalogue (orders #1001–#1060 and
// their customers) served by the fake Shopline on 127.0.0.1, so the real client, cache and order
// panel run against it. Main process, demo mode and tests only.
import { createDemoStore, demoAccessToken, type ShoplineStoreData } from '../shopline/demo-store';
import { startFakeShopline, type FakeShopline } from '../shopline/fake-shopline';

export interface DemoShopline {
  /** For the connection's `demo` option (or `createShoplineClient`). */
  clientOptions: { handle: string; accessToken: string; baseUrl: string };
  store: ShoplineStoreData;
  /** The fake server itself: tests read its request log or make it misbehave. */
  fake: FakeShopline;
  dispose(): Promise<void>;
}

export interface DemoShoplineOptions {
  /** When the newest demo order was placed; now by default, so the demo's dates look current. */
  anchor?: number;
  /** The fake's rate-limit clock; the real one by default. */
  clock?: () => number;
}

export async function startDemoShopline(options: DemoShoplineOptions = {}): Promise<DemoShopline> {
  const store = createDemoStore({ anchor: options.anchor ?? Date.now() });
  const fake = await startFakeShopline({ token: demoAccessToken, store, clock: options.clock });
  return {
    clientOptions: { ...fake.clientOptions },
    store,
    fake,
    dispose: () => fake.close(),
  };
}
